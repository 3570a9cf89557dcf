#pragma once
// Key rotation for secrets at rest (issue 9; docs/OPERATIONS.md, "Rotating the secret key"):
// counts the stored sealed secrets by the key that sealed them, and re-encrypts every one not
// under the current key of the server's key ring.
//
// Rotation is safe to stop and run again: it first opens every stored secret (in one read-only
// snapshot) and changes nothing when any cannot be opened with the ring (a key missing from the
// ring, or a damaged value); then it re-seals in batches, one transaction each, every write a
// compare-and-set on the value it read. A batch that fails rolls back alone; what earlier
// batches did is complete and valid, and the next run goes on from there.

#include <cstddef>
#include <functional>
#include <map>
#include <string>

#include "domain/result.h"
#include "platform/secret_box.h"
#include "store/store.h"

namespace sspr::flows {

// The stored sealed secrets by the key id they name ("" for values without one).
struct SealedSecretCensus {
  std::map<std::string, long long> by_key_id;
  long long total = 0;
  // Values whose key the ring lacks, or that do not open (checked only by census with
  // `open_each`); by key id ("" for values without one).
  std::map<std::string, long long> unreadable_by_key_id;
  long long unreadable() const;
};

struct RotationOutcome {
  long long re_encrypted = 0;     // sealed anew under the current key
  long long already_current = 0;  // were under the current key when the run began
  long long batches = 0;          // transactions committed
};

class SecretKeyRotation {
 public:
  SecretKeyRotation(store::Store& store, const platform::SecretBox& box);

  // Counts every stored sealed secret by key id. With `open_each`, every value is also opened
  // (in memory, nothing written), so a damaged value counts as unreadable too; without it only
  // the key ids are compared with the ring.
  domain::Result<SealedSecretCensus> census(bool open_each) const;

  // Re-encrypts, `batch_size` values per transaction, every sealed secret not under the
  // current key; `progress` hears after each committed batch. SecretKeyUnavailable (nothing
  // changed) when a value cannot be opened; also when values keep changing under another key
  // (a node still sealing with an old current key), after the batches that did commit.
  domain::Result<RotationOutcome> rotate(
      std::size_t batch_size, const std::function<void(const RotationOutcome&)>& progress);

 private:
  store::Store& store_;
  const platform::SecretBox& box_;
};

// "3 under key ab12cd34, 1 without a key id" for error texts and reports: ids and counts only.
std::string describe_key_counts(const std::map<std::string, long long>& by_key_id);

}  // namespace sspr::flows
