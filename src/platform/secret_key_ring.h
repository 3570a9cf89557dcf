#pragma once
// The server's keys for secrets at rest (issue 9): one current SecretKey, which seals new
// values, signs CAPTCHAs and digests new one-time codes, and any number of previous keys, which
// only open, verify and match what was made under them. With a ring, a key is rotated without
// losing a stored secret, and several nodes sharing one database can take a new key one by one
// (docs/OPERATIONS.md, "Rotating the secret key").
//
// Key ring file format (`[security] secret_key_file`): one key per line, in any form
// SecretKey::from_text reads (base64 or hex); the FIRST key is the current one, every further
// line a previous key. Blank lines and lines starting with '#' are ignored. A file with one
// key — the format before rotation existed — is a ring of one. Two lines with the same key
// are an error (a copy-paste slip would otherwise go unnoticed).

#include <string>
#include <vector>

#include "domain/result.h"
#include "platform/secret_key.h"

namespace sspr::platform {

class SecretKeyRing {
 public:
  // A ring of one (implicit: wherever a ring is asked for, one key will do).
  SecretKeyRing(const SecretKey& current);  // NOLINT(google-explicit-constructor)

  // The keys in `text` (key ring file content, see above). Errors: InvalidInput naming
  // `source` and the line number, never the content.
  static domain::Result<SecretKeyRing> from_text(std::string_view text,
                                                 const std::string& source = "secret key");
  static domain::Result<SecretKeyRing> from_file(const std::string& path);
  // from_file, after creating the file with one new key (generate_key_file) when it does not
  // exist.
  static domain::Result<SecretKeyRing> load_or_create(const std::string& path);

  const SecretKey& current() const { return keys_.front(); }
  // Every key, the current one first.
  const std::vector<SecretKey>& keys() const { return keys_; }
  // The key whose id is `id`, or nullptr when the ring has none.
  const SecretKey* find(std::string_view id) const;

 private:
  explicit SecretKeyRing(std::vector<SecretKey> keys) : keys_(std::move(keys)) {}
  std::vector<SecretKey> keys_;  // never empty
};

}  // namespace sspr::platform
