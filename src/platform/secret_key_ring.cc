#include "platform/secret_key_ring.h"

#include <sodium.h>

#include <fstream>

namespace sspr::platform {
namespace {

// Room for a few dozen keys with comments; a key ring is never large.
constexpr std::size_t kMaxKeyRingFileBytes = 16 * 1024;

domain::Error ring_error(const std::string& source, const std::string& detail) {
  return domain::errors::invalid_input("security.secret_key_file", source + ": " + detail);
}

std::string_view trimmed(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

SecretKeyRing::SecretKeyRing(const SecretKey& current) : keys_{current} {}

domain::Result<SecretKeyRing> SecretKeyRing::from_text(std::string_view text,
                                                       const std::string& source) {
  std::vector<SecretKey> keys;
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const auto end = text.find('\n');
    const std::string_view line = trimmed(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.empty() || line.front() == '#') continue;
    const std::string where = source + " line " + std::to_string(line_number);
    auto key = SecretKey::from_text(line, where);
    if (!key) return key.error();
    for (const auto& known : keys) {
      if (known.id() == key->id()) return ring_error(where, "repeats key " + known.id());
    }
    keys.push_back(*key);
  }
  if (keys.empty()) return ring_error(source, "holds no key");
  return SecretKeyRing(std::move(keys));
}

domain::Result<SecretKeyRing> SecretKeyRing::from_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ring_error(path, "cannot be read");
  std::string text(kMaxKeyRingFileBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxKeyRingFileBytes) return ring_error(path, "is too large for a key file");
  auto ring = from_text(text, path);
  sodium_memzero(text.data(), text.size());
  return ring;
}

domain::Result<SecretKeyRing> SecretKeyRing::load_or_create(const std::string& path) {
  if (auto created = generate_key_file(path); !created) return created.error();
  return from_file(path);
}

const SecretKey* SecretKeyRing::find(std::string_view id) const {
  for (const auto& key : keys_) {
    if (key.id() == id) return &key;
  }
  return nullptr;
}

}  // namespace sspr::platform
