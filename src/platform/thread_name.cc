#include "platform/thread_name.h"

#include <pthread.h>

#include <string>

namespace sspr::platform {

void name_current_thread(std::string_view name) {
  constexpr std::size_t kLinuxThreadNameBytes = 15;  // TASK_COMM_LEN 16, with its NUL
  const std::string kept(name.substr(0, kLinuxThreadNameBytes));
  (void)::pthread_setname_np(::pthread_self(), kept.c_str());
}

}  // namespace sspr::platform
