#include "flows/secret_key_rotation.h"

#include <sodium.h>

namespace sspr::flows {
namespace {

std::string key_of(const std::string& sealed) {
  return platform::sealed_key_id(sealed).value_or("");
}

}  // namespace

long long SealedSecretCensus::unreadable() const {
  long long count = 0;
  for (const auto& [id, n] : unreadable_by_key_id) count += n;
  return count;
}

std::string describe_key_counts(const std::map<std::string, long long>& by_key_id) {
  std::string text;
  for (const auto& [id, count] : by_key_id) {
    if (!text.empty()) text += ", ";
    text += std::to_string(count) + (id.empty() ? " without a key id" : " under key " + id);
  }
  return text.empty() ? "none" : text;
}

SecretKeyRotation::SecretKeyRotation(store::Store& store, const platform::SecretBox& box)
    : store_(store), box_(box) {}

domain::Result<SealedSecretCensus> SecretKeyRotation::census(bool open_each) const {
  SealedSecretCensus census;
  auto status = store_.read([&](store::StoreTransaction& tx) {
    tx.each_sealed_secret([&](const store::SealedSecret& secret) {
      const std::string id = key_of(secret.sealed);
      ++census.by_key_id[id];
      ++census.total;
      // A value without a key id is tried against every key, so only opening tells.
      const bool known = id.empty() ? !open_each || box_.open(secret.sealed).ok()
                                    : box_.has_key(id) && (!open_each || box_.open(secret.sealed));
      if (!known) ++census.unreadable_by_key_id[id];
    });
    return domain::ok_status();
  });
  if (!status) return status.error();
  return census;
}

domain::Result<RotationOutcome> SecretKeyRotation::rotate(
    std::size_t batch_size, const std::function<void(const RotationOutcome&)>& progress) {
  if (batch_size == 0) return domain::errors::invalid_input("batch_size", "must be at least 1");
  auto before = census(true);
  if (!before) return before.error();
  if (before->unreadable() > 0) {
    return domain::errors::secret_key_unavailable(
        std::to_string(before->unreadable()) +
        " stored secret(s) cannot be opened with the key ring (" +
        describe_key_counts(before->unreadable_by_key_id) + "; ring holds " +
        [&] {
          std::string ids;
          for (const auto& id : box_.key_ids()) ids += (ids.empty() ? "" : ", ") + id;
          return ids;
        }() +
        "): nothing was changed; add the missing key to the key file and run again");
  }
  RotationOutcome outcome;
  const auto current = before->by_key_id.find(box_.key_id());
  outcome.already_current = current == before->by_key_id.end() ? 0 : current->second;
  const std::string prefix = "v1:" + box_.key_id() + ":";
  for (;;) {
    long long sealed_in_batch = 0;
    std::size_t found = 0;
    auto status = store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
      for (const auto& secret : tx.sealed_secrets_not_starting_with(prefix, batch_size)) {
        ++found;
        auto plaintext = box_.open(secret.sealed);
        if (!plaintext) {
          return domain::errors::secret_key_unavailable(
              "a stored secret " +
              (key_of(secret.sealed).empty() ? "without a key id"
                                             : "under key " + key_of(secret.sealed)) +
              " cannot be opened (" + plaintext.error().technical +
              "); this batch was rolled back");
        }
        const std::string resealed = box_.seal(*plaintext);
        sodium_memzero(plaintext->data(), plaintext->size());
        if (tx.replace_sealed_secret(secret, resealed)) ++sealed_in_batch;
      }
      return domain::ok_status();
    });
    if (!status) return status.error();
    if (found == 0) return outcome;
    if (sealed_in_batch == 0) {
      // Every value of the batch changed since it was read, and is still not under the current
      // key: something keeps sealing with another key.
      return domain::errors::secret_key_unavailable(
          "stored secrets keep being sealed under another key while rotating to " + box_.key_id() +
          " (" + std::to_string(outcome.re_encrypted) +
          " re-encrypted so far): make the new key current on every node, then run again");
    }
    outcome.re_encrypted += sealed_in_batch;
    ++outcome.batches;
    if (progress) progress(outcome);
  }
}

}  // namespace sspr::flows
