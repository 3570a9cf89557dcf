#include "process_cpu.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace sspr::bench {
namespace {

// Clock ticks of /proc/PID/stat: utime + stime, and with `reaped_children` also cutime +
// cstime; negative when the file cannot be read.
long long cpu_ticks(pid_t pid, bool reaped_children) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return -1;
  // The command name (field 2) is in parentheses and may hold spaces: skip past its end.
  const auto close = line.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream fields(line.substr(close + 2));
  std::string field;
  long long utime = 0, stime = 0, cutime = 0, cstime = 0;
  // Fields 3..13, then utime (14), stime (15), cutime (16) and cstime (17).
  for (int i = 3; i <= 13 && fields >> field; ++i) {
  }
  if (!(fields >> utime >> stime >> cutime >> cstime)) return -1;
  return utime + stime + (reaped_children ? cutime + cstime : 0);
}

double to_seconds(long long ticks) {
  return static_cast<double>(ticks) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

}  // namespace

double process_cpu_seconds(pid_t pid) {
  const long long ticks = cpu_ticks(pid, false);
  return ticks < 0 ? -1 : to_seconds(ticks);
}

double process_tree_cpu_seconds(pid_t pid) {
  long long ticks = cpu_ticks(pid, true);
  if (ticks < 0) return -1;
  std::error_code error;
  const std::filesystem::path tasks = "/proc/" + std::to_string(pid) + "/task";
  for (const auto& task : std::filesystem::directory_iterator(tasks, error)) {
    std::ifstream children(task.path() / "children");
    pid_t child = 0;
    while (children >> child) ticks += std::max(cpu_ticks(child, false), 0LL);
  }
  return to_seconds(ticks);
}

}  // namespace sspr::bench
