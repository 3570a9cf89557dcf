#include "platform/token_digest.h"

#include <sodium.h>

namespace sspr::platform {

std::string token_digest(std::string_view secret) {
  unsigned char digest[32];
  static constexpr unsigned char kDomain[] = "opensspr-token-digest-v1";
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), kDomain, sizeof kDomain - 1);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace sspr::platform
