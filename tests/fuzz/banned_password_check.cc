// Fuzzes the banned-password evaluator (SPEC §8; domain/password): a tenant's custom list, its
// name, the user's names and a candidate password, all from the input.
//
// Properties checked on every input:
// - a custom list that is accepted holds 4..16 code point terms, sorted, without duplicates;
// - the term index (symmetric deletion) finds exactly the occurrences a brute-force scan with
//   within_one_edit finds, over the tenant's custom terms and name;
// - the verdict is consistent: the occurrences taken are in order, inside the password and do
//   not overlap, each is within one edit of its window (exact ones equal it), the score is one
//   per occurrence plus one per uncovered code point, and banned means a score below 5;
// - the whole policy (evaluate_password, with the tenant's terms and with the shipped global
//   list) accepts exactly when it gives no reason, gives InvalidEncoding alone for invalid
//   UTF-8, and password_verdict agrees with it.

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/password/banned_password_check.h"
#include "domain/password/banned_term_index.h"
#include "domain/password/banned_term_list.h"
#include "domain/password/banned_text_normalisation.h"
#include "domain/password/edit_distance.h"
#include "domain/password/password_policy.h"
#include "domain/password/utf8.h"
#include "flows/global_banned_terms.h"

namespace {

namespace pw = sspr::domain::password;

// The brute-force scan is quadratic: candidates are cut to this many code points for it.
constexpr std::size_t kMaxScanned = 48;

[[noreturn]] void fail(const std::string& what) {
  std::cerr << "banned_password_check: " << what << "\n";
  std::abort();
}

using Occurrence = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, bool>;

std::vector<Occurrence> brute_force(const pw::BannedTermIndex& index, std::u32string_view text) {
  std::vector<Occurrence> found;
  for (std::uint32_t id = 0; id < index.size(); ++id) {
    const std::u32string& term = index.term(id).text;
    for (std::size_t length = term.size() - 1; length <= term.size() + 1; ++length) {
      if (length == 0) continue;
      for (std::size_t start = 0; start + length <= text.size(); ++start) {
        const auto window = text.substr(start, length);
        if (pw::within_one_edit(window, term)) {
          found.emplace_back(id, static_cast<std::uint32_t>(start),
                             static_cast<std::uint32_t>(length), window == term);
        }
      }
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

void check_list(const pw::BannedTermList& list) {
  const auto& terms = list.terms();
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (terms[i].size() < pw::BannedTermList::kMinTermLength ||
        terms[i].size() > pw::BannedTermList::kMaxTermLength) {
      fail("custom list holds a term of " + std::to_string(terms[i].size()) + " code points");
    }
    if (i > 0 && !(terms[i - 1] < terms[i])) fail("custom list is not sorted and unique");
    if (pw::normalise_for_banned_match(terms[i]) != terms[i]) fail("custom term not normalised");
  }
}

void check_index(const pw::BannedTermIndex& index, std::u32string_view text) {
  std::vector<Occurrence> listed;
  for (const auto& o : index.occurrences(text))
    listed.emplace_back(o.term, o.start, o.length, o.exact);
  std::sort(listed.begin(), listed.end());
  if (listed != brute_force(index, text)) {
    fail("the index and the brute-force scan disagree (" + std::to_string(listed.size()) +
         " found by the index)");
  }
}

void check_verdict(const pw::BannedPasswordVerdict& verdict, std::u32string_view text) {
  std::size_t covered = 0;
  std::uint32_t end = 0;
  for (const auto& found : verdict.found) {
    if (found.start < end) fail("occurrences overlap or are out of order");
    if (found.start + found.length > text.size()) fail("an occurrence ends past the password");
    end = found.start + found.length;
    covered += found.length;
    const auto term = pw::decode_utf8(found.term);
    if (!term) fail("a found term is not valid UTF-8");
    const auto window = text.substr(found.start, found.length);
    if (!pw::within_one_edit(window, *term)) fail("a found term is not within one edit");
    if (found.exact != (window == *term)) fail("exact flag does not match the window");
  }
  const int expected = static_cast<int>(verdict.found.size() + (text.size() - covered));
  if (verdict.score != expected) {
    fail("score " + std::to_string(verdict.score) + ", expected " + std::to_string(expected));
  }
  if (verdict.banned != (verdict.score < pw::kMinBannedScore)) fail("banned disagrees with score");
}

const pw::BannedTermList& empty_list() {
  static const pw::BannedTermList empty;
  return empty;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  std::vector<std::string> terms;
  const auto term_count = input.ConsumeIntegralInRange<std::size_t>(0, 6);
  for (std::size_t i = 0; i < term_count; ++i) terms.push_back(input.ConsumeRandomLengthString(24));
  const std::string tenant_name = input.ConsumeRandomLengthString(24);
  const std::string first_name = input.ConsumeRandomLengthString(16);
  const std::string last_name = input.ConsumeRandomLengthString(16);
  const auto change = input.PickValueInArray(
      {pw::PasswordChange::kReset, pw::PasswordChange::kChange, pw::PasswordChange::kAdminSet});
  const bool is_current = input.ConsumeBool();
  const std::string password = input.ConsumeRemainingBytesAsString();

  auto custom = pw::BannedTermList::custom(terms);
  if (custom) check_list(*custom);
  const pw::BannedTermList& tenant_list = custom ? *custom : empty_list();

  const std::string_view names[] = {first_name, last_name};
  const pw::BannedTermIndex tenant_index(empty_list(), tenant_list, tenant_name);
  if (const auto decoded = pw::decode_utf8(password)) {
    auto normalised = pw::normalise_for_banned_match(*decoded);
    if (normalised.size() > kMaxScanned) normalised.resize(kMaxScanned);
    check_index(tenant_index, normalised);
    check_verdict(pw::check_banned_password(normalised, tenant_index, names), normalised);
  }

  // The shipped global list is indexed once (an index per input would cost more than the rest).
  static const pw::BannedTermIndex* global_index =
      new pw::BannedTermIndex(sspr::flows::global_banned_terms(), empty_list(), "");
  pw::PasswordCandidate candidate;
  candidate.password = password;
  candidate.change = change;
  if (is_current) candidate.matches_current = [] { return true; };
  candidate.first_name = first_name;
  candidate.last_name = last_name;
  for (const auto* index : {global_index, &tenant_index}) {
    const auto evaluation = pw::evaluate_password(candidate, *index);
    if (evaluation.accepted != evaluation.reasons.empty()) fail("accepted disagrees with reasons");
    if (!pw::decode_utf8(password) &&
        evaluation.reasons !=
            std::vector<pw::PasswordReason>{pw::PasswordReason::kInvalidEncoding}) {
      fail("invalid UTF-8 not refused as InvalidEncoding alone");
    }
    if (static_cast<bool>(pw::password_verdict(evaluation)) != evaluation.accepted) {
      fail("password_verdict disagrees with the evaluation");
    }
  }
  return 0;
}
