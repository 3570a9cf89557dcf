#include "store/sqlite_busy_retry.h"

#include <algorithm>
#include <thread>

#include <soci/sqlite3/soci-sqlite3.h>

namespace sspr::store {
namespace {

constexpr int kSqliteBusy = 5;  // SQLITE_BUSY; its extended codes keep it in the low byte
constexpr std::chrono::milliseconds kLongestPause{50};

}  // namespace

void retry_while_busy(const std::function<void()>& statement, std::chrono::milliseconds patience) {
  const auto deadline = std::chrono::steady_clock::now() + patience;
  for (std::chrono::milliseconds pause{1};; pause = std::min(pause * 2, kLongestPause)) {
    try {
      statement();
      return;
    } catch (const soci::sqlite3_soci_error& e) {
      if ((e.result() & 0xff) != kSqliteBusy || std::chrono::steady_clock::now() >= deadline) {
        throw;
      }
    }
    std::this_thread::sleep_for(pause);
  }
}

}  // namespace sspr::store
