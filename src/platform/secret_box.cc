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

// The plaintext of `payload` (base64 of nonce | ciphertext) under `key`, or the reason it has
// none.
domain::Result<std::vector<std::uint8_t>> open_payload(std::string_view payload,
                                                       const std::uint8_t* key) {
  // sodium_base642bin declares its output non-null, and an empty vector's data() is null.
  if (payload.empty()) return unreadable("payload is empty");
  std::vector<std::uint8_t> box(payload.size());
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(box.data(), box.size(), payload.data(), payload.size(), nullptr, &length,
                        &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != payload.data() + payload.size()) {
    return unreadable("payload is not base64");
  }
  if (length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return unreadable("payload is too short");
  }
  const std::size_t cipher_length = length - crypto_secretbox_NONCEBYTES;
  std::vector<std::uint8_t> plaintext(cipher_length - crypto_secretbox_MACBYTES);
  if (crypto_secretbox_open_easy(plaintext.data(), box.data() + crypto_secretbox_NONCEBYTES,
                                 cipher_length, box.data(), key) != 0) {
    return unreadable("authentication failed (altered, or sealed under another key)");
  }
  return plaintext;
}

}  // namespace

SecretBox::SecretBox(const SecretKeyRing& ring) {
  static_assert(crypto_secretbox_KEYBYTES == SecretKey::kBytes);
  for (const auto& key : ring.keys()) keys_.emplace_back(key.id(), key.derive(kSubkeyId, kContext));
}

SecretBox::~SecretBox() {
  for (auto& [id, subkey] : keys_) sodium_memzero(subkey.data(), subkey.size());
}

bool SecretBox::has_key(std::string_view id) const {
  for (const auto& [known, subkey] : keys_) {
    if (known == id) return true;
  }
  return false;
}

std::vector<std::string> SecretBox::key_ids() const {
  std::vector<std::string> ids;
  for (const auto& [id, subkey] : keys_) ids.push_back(id);
  return ids;
}

std::string SecretBox::seal(std::span<const std::uint8_t> plaintext) const {
  std::vector<std::uint8_t> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                plaintext.size());
  randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES, plaintext.data(),
                        plaintext.size(), box.data(), keys_.front().second.data());
  std::string encoded(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), box.data(), box.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(std::strlen(encoded.c_str()));
  const auto& [id, subkey] = keys_.front();
  return std::string(kVersion) + ":" + id + ":" + encoded;
}

std::string SecretBox::ids_text() const {
  std::string text;
  for (const auto& [id, subkey] : keys_) text += (text.empty() ? "" : ", ") + id;
  return text;
}

domain::Result<std::vector<std::uint8_t>> SecretBox::open(std::string_view sealed) const {
  if (sealed.size() > kMaxSealedLength) return unreadable("value is too long");
  if (sealed.find(':') == std::string_view::npos) {
    // No key id: whichever key of the ring authenticates it sealed it.
    for (const auto& [id, subkey] : keys_) {
      if (auto plaintext = open_payload(sealed, subkey.data())) return plaintext;
    }
    return unreadable("value without a key id opens under none of the keys " + ids_text());
  }
  const auto parts = split(sealed);
  if (!parts) return unreadable("not a v1 sealed value");
  for (const auto& [id, subkey] : keys_) {
    if (id == parts->key_id) return open_payload(parts->payload, subkey.data());
  }
  return unreadable("sealed with key " + std::string(parts->key_id) + ", loaded keys are " +
                    ids_text());
}

std::optional<std::string> sealed_key_id(std::string_view sealed) {
  const auto parts = split(sealed);
  if (!parts) return std::nullopt;
  return std::string(parts->key_id);
}

}  // namespace sspr::platform
