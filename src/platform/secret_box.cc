#include "platform/secret_box.h"

#include <sodium.h>

#include <cstring>

namespace sspr::platform {
namespace {

constexpr std::string_view kVersion = "v1";
constexpr char kContext[9] = "secrtbox";
constexpr std::uint64_t kSubkeyId = 1;
constexpr std::size_t kMaxSealedLength = 64 * 1024;

struct SealedParts {
  std::string_view key_id;
  std::string_view payload;
};

std::optional<SealedParts> split(std::string_view sealed) {
  if (sealed.size() > kMaxSealedLength) return std::nullopt;
  const auto first = sealed.find(':');
  if (first == std::string_view::npos || sealed.substr(0, first) != kVersion) return std::nullopt;
  const auto second = sealed.find(':', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  return SealedParts{sealed.substr(first + 1, second - first - 1), sealed.substr(second + 1)};
}

domain::Error unreadable(const std::string& detail) {
  return domain::errors::internal("stored secret cannot be decrypted: " + detail);
}

}  // namespace

SecretBox::SecretBox(const SecretKey& key)
    : key_(key.derive(kSubkeyId, kContext)), key_id_(key.id()) {
  static_assert(crypto_secretbox_KEYBYTES == SecretKey::kBytes);
}

SecretBox::~SecretBox() { sodium_memzero(key_.data(), key_.size()); }

std::string SecretBox::seal(std::span<const std::uint8_t> plaintext) const {
  std::vector<std::uint8_t> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                plaintext.size());
  randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES, plaintext.data(),
                        plaintext.size(), box.data(), key_.data());
  std::string encoded(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), box.data(), box.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(std::strlen(encoded.c_str()));
  return std::string(kVersion) + ":" + key_id_ + ":" + encoded;
}

domain::Result<std::vector<std::uint8_t>> SecretBox::open(std::string_view sealed) const {
  const auto parts = split(sealed);
  if (!parts) return unreadable("not a v1 sealed value");
  if (parts->key_id != key_id_) {
    return unreadable("sealed with key " + std::string(parts->key_id) + ", loaded key is " +
                      key_id_);
  }
  std::vector<std::uint8_t> box(parts->payload.size());
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(box.data(), box.size(), parts->payload.data(), parts->payload.size(),
                        nullptr, &length, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != parts->payload.data() + parts->payload.size()) {
    return unreadable("payload is not base64");
  }
  if (length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return unreadable("payload is too short");
  }
  const std::size_t cipher_length = length - crypto_secretbox_NONCEBYTES;
  std::vector<std::uint8_t> plaintext(cipher_length - crypto_secretbox_MACBYTES);
  if (crypto_secretbox_open_easy(plaintext.data(), box.data() + crypto_secretbox_NONCEBYTES,
                                 cipher_length, box.data(), key_.data()) != 0) {
    return unreadable("authentication failed (altered, or sealed under another key)");
  }
  return plaintext;
}

std::optional<std::string> sealed_key_id(std::string_view sealed) {
  const auto parts = split(sealed);
  if (!parts) return std::nullopt;
  return std::string(parts->key_id);
}

}  // namespace sspr::platform
