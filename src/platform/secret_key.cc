#include "platform/secret_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sspr::platform {
namespace {

constexpr std::size_t kMaxKeyFileBytes = 1024;

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

domain::Error key_error(const std::string& source, const std::string& detail) {
  return domain::errors::invalid_input("security.secret_key_file", source + ": " + detail);
}

std::string base64(const std::uint8_t* bytes, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

}  // namespace

SecretKey::SecretKey(const std::array<std::uint8_t, kBytes>& bytes) : bytes_(bytes) {
  static constexpr unsigned char kIdKey[] = "opensspr-secret-key-id-v1";
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, bytes_.data(), bytes_.size(), kIdKey,
                     sizeof kIdKey - 1);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  id_.assign(hex, 8);
}

SecretKey::~SecretKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

domain::Result<SecretKey> SecretKey::from_text(std::string_view text, const std::string& source) {
  ensure_sodium();
  text = trim(text);
  std::array<std::uint8_t, kBytes> bytes{};
  std::size_t length = 0;
  int rc = -1;
  if (text.size() == kBytes * 2) {
    rc = sodium_hex2bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length,
                        nullptr);
  } else {
    const char* end = nullptr;
    rc = sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length,
                           &end, sodium_base64_VARIANT_ORIGINAL);
    if (rc == 0 && end != text.data() + text.size()) rc = -1;
  }
  if (rc != 0 || length != kBytes) {
    sodium_memzero(bytes.data(), bytes.size());
    return key_error(source, "must hold 32 bytes as base64 (44 characters) or hex (64)");
  }
  SecretKey key(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return key;
}

domain::Result<SecretKey> SecretKey::from_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return key_error(path, "cannot be read");
  std::string text(kMaxKeyFileBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxKeyFileBytes) return key_error(path, "is too large for a key file");
  auto key = from_text(text, path);
  sodium_memzero(text.data(), text.size());
  return key;
}

domain::Result<SecretKey> SecretKey::load_or_create(const std::string& path) {
  if (auto created = generate_key_file(path); !created) return created.error();
  return from_file(path);
}

std::array<std::uint8_t, SecretKey::kBytes> SecretKey::derive(std::uint64_t subkey_id,
                                                              const char (&context)[9]) const {
  static_assert(crypto_kdf_KEYBYTES == kBytes);
  std::array<std::uint8_t, kBytes> subkey{};
  crypto_kdf_derive_from_key(subkey.data(), subkey.size(), subkey_id, context, bytes_.data());
  return subkey;
}

domain::Result<bool> generate_key_file(const std::string& path) {
  ensure_sodium();
  const std::filesystem::path file(path);
  if (file.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) return key_error(path, "cannot create its directory: " + ec.message());
  }
  // O_EXCL: never overwrite a key, even when another process creates it at the same moment.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return false;
    return key_error(path, std::string("cannot be created: ") + std::strerror(errno));
  }
  std::array<std::uint8_t, SecretKey::kBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string line = base64(bytes.data(), bytes.size()) + "\n";
  sodium_memzero(bytes.data(), bytes.size());
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                       ::fsync(fd) == 0;
  sodium_memzero(line.data(), line.size());
  ::close(fd);
  if (!written) {
    ::unlink(path.c_str());
    return key_error(path, "could not be written");
  }
  return true;
}

}  // namespace sspr::platform
