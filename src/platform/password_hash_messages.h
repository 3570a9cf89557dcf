#pragma once
// What the server and its password-hashing processes (platform/password_hash_processes.h) say
// to each other: one request, then one reply, each a single message of a SOCK_SEQPACKET socket
// pair, so a message arrives whole or not at all and needs no framing of its own.
//
//   request: 'H' | u32 secret length (little-endian) | secret                 hash it
//            'V' | u32 secret length (little-endian) | secret | stored hash   verify it
//   reply:   'H' | hash string       'V' | '1' or '0'       'E' | what went wrong (no secret)

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sspr::platform::hash_messages {

// Neither side sends or accepts a larger request; the server hashes a larger secret itself.
inline constexpr std::size_t kMaxMessageBytes = 16 * 1024;
// Nor a larger reply: a hash string is under 128 bytes; a failure's text is cut to fit.
inline constexpr std::size_t kMaxReplyBytes = 512;

enum class RequestKind : char { hash = 'H', verify = 'V' };

// A decoded request. It holds a secret, so it wipes its strings when it goes.
struct Request {
  RequestKind kind = RequestKind::hash;
  std::string secret;
  std::string hashed;  // verify only

  Request() = default;
  Request(const Request&) = delete;
  Request& operator=(const Request&) = delete;
  Request(Request&&) = default;
  Request& operator=(Request&&) = default;
  ~Request();
};

// The encoded request, or nullopt when it would exceed kMaxMessageBytes.
std::optional<std::string> encode_request(RequestKind kind, std::string_view secret,
                                          std::string_view hashed = {});
// nullopt for anything that is not a well-formed request.
std::optional<Request> decode_request(std::string_view message);

enum class ReplyKind : char { hashed = 'H', verified = 'V', failed = 'E' };

struct Reply {
  ReplyKind kind = ReplyKind::failed;
  std::string text;    // hashed: the hash string; failed: what went wrong
  bool match = false;  // verified: whether the secret matched
};

std::string encode_hashed_reply(std::string_view hash);
std::string encode_verified_reply(bool match);
std::string encode_failed_reply(std::string_view what);  // cut to kMaxReplyBytes
// nullopt for anything that is not a well-formed reply.
std::optional<Reply> decode_reply(std::string_view message);

// Overwrites a buffer that held a secret (sodium_memzero, which the compiler may not drop).
void wipe(std::string& text);
void wipe(void* data, std::size_t size);

}  // namespace sspr::platform::hash_messages
