#include "domain/password/banned_term_index.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include "domain/password/banned_text_normalisation.h"
#include "domain/password/edit_distance.h"
#include "domain/password/utf8.h"

namespace sspr::domain::password {
namespace {

constexpr std::uint32_t kNoSlot = 0xFFFFFFFF;
constexpr std::uint64_t kBase = 0x9E3779B97F4A7C15ULL;  // odd, so powers never vanish mod 2^64
constexpr unsigned kFilterBits = 18;                    // 32 KiB: stays in L1/L2

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

// The key of a string of `length` code points whose polynomial hash is `hash`; never 0.
std::uint64_t key_of(std::uint64_t hash, std::size_t length) {
  const std::uint64_t key = mix(hash ^ (length * 0xD6E8FEB86659FD93ULL));
  return key == 0 ? 1 : key;
}

// Polynomial prefix hashes of a string, so that the hash of any substring, and of any
// substring with one code point removed, costs O(1).
class PrefixHashes {
 public:
  explicit PrefixHashes(std::u32string_view text)
      : prefix_(text.size() + 1), power_(text.size() + 1) {
    power_[0] = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
      prefix_[i + 1] = prefix_[i] * kBase + static_cast<std::uint64_t>(text[i]) + 1;
      power_[i + 1] = power_[i] * kBase;
    }
  }

  // Hash of [begin, end).
  std::uint64_t range(std::size_t begin, std::size_t end) const {
    return prefix_[end] - prefix_[begin] * power_[end - begin];
  }

  // Hash of [begin, end) without the code point at `removed`.
  std::uint64_t range_without(std::size_t begin, std::size_t end, std::size_t removed) const {
    return range(begin, removed) * power_[end - removed - 1] + range(removed + 1, end);
  }

 private:
  std::vector<std::uint64_t> prefix_;
  std::vector<std::uint64_t> power_;
};

std::u32string_view trimmed(std::u32string_view text) {
  while (!text.empty() && (text.front() == U' ' || text.front() == U'\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == U' ' || text.back() == U'\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

BannedTermIndex::BannedTermIndex(const BannedTermList& global, const BannedTermList& custom,
                                 std::string_view tenant_name) {
  for (const auto& term : global.terms()) add(term, BannedTermSource::kGlobal);
  for (const auto& term : custom.terms()) add(term, BannedTermSource::kCustom);
  if (auto decoded = decode_utf8(tenant_name)) {
    auto name = normalise_for_banned_match(trimmed(*decoded));
    if (name.size() >= kMinTenantNameLength) add(std::move(name), BannedTermSource::kTenantName);
  }
  build();
}

void BannedTermIndex::add(std::u32string text, BannedTermSource source) {
  terms_.push_back(Term{std::move(text), source});
}

void BannedTermIndex::build() {
  // Keep the first of equal terms (lists are added in precedence order).
  {
    std::set<std::u32string> seen;
    std::vector<Term> unique;
    unique.reserve(terms_.size());
    for (auto& term : terms_) {
      if (seen.insert(term.text).second) unique.push_back(std::move(term));
    }
    terms_ = std::move(unique);
  }

  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries;  // (key, term id)
  for (std::uint32_t id = 0; id < terms_.size(); ++id) {
    const std::u32string_view text = terms_[id].text;
    const std::size_t length = text.size();
    max_term_length_ = std::max(max_term_length_, length);
    if (key_length_present_.size() < length + 1) key_length_present_.resize(length + 1, false);
    const PrefixHashes hashes(text);
    entries.emplace_back(key_of(hashes.range(0, length), length), id);
    key_length_present_[length] = true;
    for (std::size_t removed = 0; removed < length; ++removed) {
      if (removed > 0 && text[removed] == text[removed - 1]) continue;  // same deletion
      entries.emplace_back(key_of(hashes.range_without(0, length, removed), length - 1), id);
    }
    key_length_present_[length - 1] = true;
  }
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());

  std::size_t distinct_keys = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i == 0 || entries[i].first != entries[i - 1].first) ++distinct_keys;
  }
  std::size_t capacity = 16;
  while (capacity < distinct_keys * 2) capacity *= 2;
  slot_keys_.assign(capacity, 0);
  slot_first_.assign(capacity, 0);
  slot_count_.assign(capacity, 0);
  filter_.assign((std::size_t{1} << kFilterBits) / 64, 0);
  candidates_.reserve(entries.size());

  for (std::size_t i = 0; i < entries.size();) {
    const std::uint64_t key = entries[i].first;
    std::size_t slot = key & (capacity - 1);
    while (slot_keys_[slot] != 0) slot = (slot + 1) & (capacity - 1);
    slot_keys_[slot] = key;
    slot_first_[slot] = static_cast<std::uint32_t>(candidates_.size());
    for (; i < entries.size() && entries[i].first == key; ++i) {
      candidates_.push_back(entries[i].second);
    }
    slot_count_[slot] = static_cast<std::uint32_t>(candidates_.size() - slot_first_[slot]);
    const std::uint64_t bit = key >> (64 - kFilterBits);
    filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
}

std::uint32_t BannedTermIndex::find_slot(std::uint64_t key) const {
  const std::uint64_t bit = key >> (64 - kFilterBits);
  if ((filter_[bit / 64] & (std::uint64_t{1} << (bit % 64))) == 0) return kNoSlot;
  const std::size_t mask = slot_keys_.size() - 1;
  for (std::size_t slot = key & mask;; slot = (slot + 1) & mask) {
    if (slot_keys_[slot] == key) return static_cast<std::uint32_t>(slot);
    if (slot_keys_[slot] == 0) return kNoSlot;
  }
}

std::vector<TermOccurrence> BannedTermIndex::occurrences(
    std::u32string_view normalised_password) const {
  std::vector<TermOccurrence> found;
  if (terms_.empty()) return found;
  const std::u32string_view password = normalised_password;
  const std::size_t n = password.size();
  const PrefixHashes hashes(password);

  auto confirm = [&](std::uint32_t slot, std::size_t start, std::size_t length) {
    const auto window = password.substr(start, length);
    for (std::uint32_t c = 0; c < slot_count_[slot]; ++c) {
      const std::uint32_t id = candidates_[slot_first_[slot] + c];
      const std::u32string_view term = terms_[id].text;
      if (within_one_edit(window, term)) {
        found.push_back(TermOccurrence{id, static_cast<std::uint32_t>(start),
                                       static_cast<std::uint32_t>(length), window == term});
      }
    }
  };
  auto key_length_present = [&](std::size_t length) {
    return length < key_length_present_.size() && key_length_present_[length];
  };

  // A window of length w can match terms of length w - 1, w and w + 1.
  const std::size_t longest_window = std::min(n, max_term_length_ + 1);
  for (std::size_t length = 1; length <= longest_window; ++length) {
    const bool probe_whole = key_length_present(length);
    const bool probe_deletions = key_length_present(length - 1);
    if (!probe_whole && !probe_deletions) continue;
    for (std::size_t start = 0; start + length <= n; ++start) {
      const std::size_t end = start + length;
      std::uint32_t slot = kNoSlot;
      if (probe_whole && (slot = find_slot(key_of(hashes.range(start, end), length))) != kNoSlot) {
        confirm(slot, start, length);
      }
      if (!probe_deletions) continue;
      for (std::size_t removed = start; removed < end; ++removed) {
        if (removed > start && password[removed] == password[removed - 1]) continue;
        slot = find_slot(key_of(hashes.range_without(start, end, removed), length - 1));
        if (slot != kNoSlot) confirm(slot, start, length);
      }
    }
  }

  std::sort(found.begin(), found.end(), [](const TermOccurrence& a, const TermOccurrence& b) {
    return std::tie(a.start, a.length, a.term) < std::tie(b.start, b.length, b.term);
  });
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace sspr::domain::password
