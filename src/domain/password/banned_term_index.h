#pragma once
// All banned terms of one tenant (the global list, its custom list and its name), indexed
// once so that finding every fuzzy occurrence in a password costs a few hundred hash probes
// instead of one edit-distance scan per term (SPEC §8 step 2; target: 16 characters against
// ~2,000 terms in at most 20 µs). Build one per tenant when its custom list or name changes
// and share it: lookups are const and thread-safe.
//
// Method (symmetric deletion): the index holds, for every term of length L, the term itself
// and its L one-character deletions. A window of the password is within edit distance 1 of
// a term exactly when the window or one of its one-character deletions equals the term or
// one of the term's deletions; each such hit is then confirmed with within_one_edit(), so a
// hash collision can only cost time, never a wrong answer.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/password/banned_term_list.h"

namespace sspr::domain::password {

enum class BannedTermSource { kGlobal, kCustom, kTenantName };

// One place where a term was found in a normalised password.
struct TermOccurrence {
  std::uint32_t term = 0;    // index into BannedTermIndex::term()
  std::uint32_t start = 0;   // first code point of the window in the normalised password
  std::uint32_t length = 0;  // code points in the window (term length - 1, + 0 or + 1)
  bool exact = false;        // the window equals the term

  friend bool operator==(const TermOccurrence&, const TermOccurrence&) = default;
};

class BannedTermIndex {
 public:
  struct Term {
    std::u32string text;  // normalised
    BannedTermSource source;
  };

  // The tenant's name counts as a term when it has at least this many code points after
  // normalisation (surrounding blanks removed).
  static constexpr std::size_t kMinTenantNameLength = 4;

  BannedTermIndex() = default;  // no terms: finds nothing

  // A term in more than one list is kept once, with the first source in the order global,
  // custom, tenant name. `tenant_name` that is not valid UTF-8 is ignored.
  BannedTermIndex(const BannedTermList& global, const BannedTermList& custom,
                  std::string_view tenant_name);

  // Every occurrence of every term within edit distance 1 in `normalised_password` (already
  // normalised), each (term, window) once, ordered by start, then length, then term.
  std::vector<TermOccurrence> occurrences(std::u32string_view normalised_password) const;

  const Term& term(std::uint32_t id) const { return terms_[id]; }
  std::size_t size() const { return terms_.size(); }

 private:
  void add(std::u32string text, BannedTermSource source);
  void build();
  std::uint32_t find_slot(std::uint64_t key) const;  // slot holding `key`, or kNoSlot

  std::vector<Term> terms_;
  std::vector<bool> key_length_present_;  // by key length in code points
  std::size_t max_term_length_ = 0;
  std::vector<std::uint64_t> filter_;      // one bit per hashed key: most misses stop here
  std::vector<std::uint64_t> slot_keys_;   // open addressing, linear probing, 0 = empty
  std::vector<std::uint32_t> slot_first_;  // slot s: candidates_[first, first + count)
  std::vector<std::uint32_t> slot_count_;  // number of candidates of slot s
  std::vector<std::uint32_t> candidates_;  // term ids
};

}  // namespace sspr::domain::password
