#pragma once
// Digest of a high-entropy bearer secret (API tokens, session ids) for lookup by equality:
// keyed BLAKE2b-256 in hex. Unlike passwords these secrets carry 256 bits of entropy, so a
// fast hash is safe, and it must be deterministic to be looked up.

#include <string>
#include <string_view>

namespace sspr::platform {

std::string token_digest(std::string_view secret);

}  // namespace sspr::platform
