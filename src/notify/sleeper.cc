#include "notify/sleeper.h"

#include "platform/fiber.h"

#include <thread>

namespace sspr::notify {

void ThreadSleeper::sleep_for(std::chrono::milliseconds pause) {
  platform::fibers::park_for(pause);  // a fiber parks; a thread sleeps
}

}  // namespace sspr::notify
