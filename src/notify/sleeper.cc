#include "notify/sleeper.h"

#include <thread>

namespace sspr::notify {

void ThreadSleeper::sleep_for(std::chrono::milliseconds pause) {
  std::this_thread::sleep_for(pause);
}

}  // namespace sspr::notify
