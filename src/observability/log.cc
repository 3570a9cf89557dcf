#include "observability/log.h"

#include <atomic>
#include <chrono>
#include <memory>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "domain/clock.h"
#include "observability/log_line.h"

namespace sspr::log {
namespace {

std::atomic<int> minimum_level{static_cast<int>(Level::kInfo)};

// One logger writing the preformatted line as is ("%v") to stderr; its sink locks, so
// lines from different threads never interleave.
spdlog::logger& line_writer() {
  static const auto logger = [] {
    auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    auto created = std::make_shared<spdlog::logger>("sspr", std::move(sink));
    created->set_pattern("%v");
    created->set_level(spdlog::level::trace);
    created->flush_on(spdlog::level::trace);
    return created;
  }();
  return *logger;
}

}  // namespace

Level parse_level(std::string_view text) {
  if (text == "trace") return Level::kTrace;
  if (text == "debug") return Level::kDebug;
  if (text == "warn") return Level::kWarn;
  if (text == "error") return Level::kError;
  return Level::kInfo;
}

std::string_view to_string(Level level) {
  switch (level) {
    case Level::kTrace:
      return "trace";
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}

void set_level(Level level) { minimum_level.store(static_cast<int>(level)); }

bool enabled(Level level) {
  return static_cast<int>(level) >= minimum_level.load(std::memory_order_relaxed);
}

void event(Level level, std::string_view message, const nlohmann::json& fields) {
  if (!enabled(level)) return;
  try {
    const auto line =
        format_line(domain::to_iso8601(std::chrono::system_clock::now()), level, message, fields);
    line_writer().log(spdlog::level::info, "{}", line);
  } catch (...) {
    // Logging must never take a request down with it.
  }
}

}  // namespace sspr::log
