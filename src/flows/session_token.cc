#include "flows/session_token.h"

#include "platform/token_digest.h"

namespace sspr::flows {

std::string session_id_of(std::string_view token) { return platform::token_digest(token); }

std::string csrf_token_of(std::string_view token) {
  return platform::token_digest("opensspr-csrf-v1:" + std::string(token));
}

}  // namespace sspr::flows
