#include "platform/password_hash_messages.h"

#include <sodium.h>

#include <cstdint>

namespace sspr::platform::hash_messages {
namespace {

constexpr std::size_t kHeaderBytes = 1 + 4;

void append_length(std::string& out, std::uint32_t length) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((length >> (8 * i)) & 0xff));
}

std::uint32_t read_length(std::string_view bytes) {
  std::uint32_t length = 0;
  for (int i = 0; i < 4; ++i) {
    length |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << (8 * i);
  }
  return length;
}

}  // namespace

Request::~Request() {
  wipe(secret);
  wipe(hashed);
}

std::optional<std::string> encode_request(RequestKind kind, std::string_view secret,
                                          std::string_view hashed) {
  if (kind == RequestKind::hash && !hashed.empty()) return std::nullopt;
  if (kHeaderBytes + secret.size() + hashed.size() > kMaxMessageBytes) return std::nullopt;
  std::string out;
  out.reserve(kHeaderBytes + secret.size() + hashed.size());
  out.push_back(static_cast<char>(kind));
  append_length(out, static_cast<std::uint32_t>(secret.size()));
  out.append(secret);
  out.append(hashed);
  return out;
}

std::optional<Request> decode_request(std::string_view message) {
  if (message.size() < kHeaderBytes || message.size() > kMaxMessageBytes) return std::nullopt;
  const char kind = message[0];
  if (kind != static_cast<char>(RequestKind::hash) &&
      kind != static_cast<char>(RequestKind::verify)) {
    return std::nullopt;
  }
  const std::uint32_t length = read_length(message.substr(1));
  if (length > message.size() - kHeaderBytes) return std::nullopt;
  const std::string_view rest = message.substr(kHeaderBytes + length);
  Request request;
  request.kind = static_cast<RequestKind>(kind);
  if (request.kind == RequestKind::hash && !rest.empty()) return std::nullopt;
  if (request.kind == RequestKind::verify && rest.empty()) return std::nullopt;
  request.secret.assign(message.substr(kHeaderBytes, length));
  request.hashed.assign(rest);
  return request;
}

std::string encode_hashed_reply(std::string_view hash) {
  return static_cast<char>(ReplyKind::hashed) + std::string(hash);
}

std::string encode_verified_reply(bool match) {
  return {static_cast<char>(ReplyKind::verified), match ? '1' : '0'};
}

std::string encode_failed_reply(std::string_view what) {
  return static_cast<char>(ReplyKind::failed) + std::string(what.substr(0, kMaxReplyBytes - 1));
}

std::optional<Reply> decode_reply(std::string_view message) {
  if (message.empty() || message.size() > kMaxReplyBytes) return std::nullopt;
  Reply reply;
  const std::string_view rest = message.substr(1);
  switch (message[0]) {
    case static_cast<char>(ReplyKind::hashed):
      if (rest.empty()) return std::nullopt;
      reply.kind = ReplyKind::hashed;
      reply.text.assign(rest);
      return reply;
    case static_cast<char>(ReplyKind::verified):
      if (rest != "1" && rest != "0") return std::nullopt;
      reply.kind = ReplyKind::verified;
      reply.match = rest == "1";
      return reply;
    case static_cast<char>(ReplyKind::failed):
      reply.kind = ReplyKind::failed;
      reply.text.assign(rest);
      return reply;
    default:
      return std::nullopt;
  }
}

void wipe(std::string& text) { wipe(text.data(), text.size()); }

void wipe(void* data, std::size_t size) {
  if (size > 0) sodium_memzero(data, size);
}

}  // namespace sspr::platform::hash_messages
