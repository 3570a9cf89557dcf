#pragma once
// The filter key of a password: the first 64 bits of its SHA-1 digest, as the Pwned Passwords
// list publishes SHA-1 digests in hexadecimal. SHA-1 digests are uniformly distributed, so 64
// of their bits are as good a key as the whole digest (collisions add ~2^-64 to the
// false-positive rate).

#include <cstdint>
#include <string_view>

namespace sspr::breached {

// The key of a digest given as its leading bytes (big-endian, as the hex text reads).
std::uint64_t key_from_digest_prefix(const unsigned char* digest_first_8_bytes);

// SHA-1 of the exact bytes of `password` (UTF-8 as entered), reduced to the key.
std::uint64_t password_sha1_key(std::string_view password);

}  // namespace sspr::breached
