#include "domain/throttling/throttled_error.h"

#include <string>

namespace sspr::domain::throttling {

Error throttled_blocked(ThrottledAction action) {
  return Error{ErrorKind::kThrottled, "ThrottledBlocked", "ThrottledBlocked",
               "error.ThrottledBlocked",
               "blocked from self-service password reset (" + std::string(action_name(action)) +
                   " limit exceeded or the block is still in force)"};
}

}  // namespace sspr::domain::throttling
