#include "domain/password/banned_password_check.h"

#include <algorithm>

#include "domain/password/banned_text_normalisation.h"
#include "domain/password/utf8.h"

namespace sspr::domain::password {
namespace {

std::u32string_view trimmed(std::u32string_view text) {
  while (!text.empty() && (text.front() == U' ' || text.front() == U'\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == U' ' || text.back() == U'\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

bool contains_user_name(std::u32string_view normalised_password,
                        std::span<const std::string_view> user_names) {
  for (const auto name : user_names) {
    const auto decoded = decode_utf8(name);
    if (!decoded) continue;
    const auto normalised = normalise_for_banned_match(trimmed(*decoded));
    if (normalised.size() < kMinNameLength) continue;
    if (normalised_password.find(normalised) != std::u32string_view::npos) return true;
  }
  return false;
}

BannedPasswordVerdict check_banned_password(std::u32string_view normalised_password,
                                            const BannedTermIndex& index,
                                            std::span<const std::string_view> user_names) {
  auto occurrences = index.occurrences(normalised_password);
  std::sort(occurrences.begin(), occurrences.end(),
            [&](const TermOccurrence& a, const TermOccurrence& b) {
              if (a.exact != b.exact) return a.exact;
              if (a.length != b.length) return a.length > b.length;
              if (a.start != b.start) return a.start < b.start;
              return index.term(a.term).text < index.term(b.term).text;
            });

  std::vector<bool> covered(normalised_password.size(), false);
  std::vector<TermOccurrence> taken;
  for (const auto& occurrence : occurrences) {
    const auto begin = covered.begin() + occurrence.start;
    const auto end = begin + occurrence.length;
    if (std::find(begin, end, true) != end) continue;
    std::fill(begin, end, true);
    taken.push_back(occurrence);
  }
  std::sort(taken.begin(), taken.end(),
            [](const TermOccurrence& a, const TermOccurrence& b) { return a.start < b.start; });

  BannedPasswordVerdict verdict;
  verdict.score =
      static_cast<int>(taken.size() + std::count(covered.begin(), covered.end(), false));
  verdict.banned = verdict.score < kMinBannedScore;
  verdict.contains_user_name = contains_user_name(normalised_password, user_names);
  for (const auto& occurrence : taken) {
    const auto& term = index.term(occurrence.term);
    verdict.found.push_back(FoundTerm{encode_utf8(term.text), term.source, occurrence.start,
                                      occurrence.length, occurrence.exact});
  }
  return verdict;
}

}  // namespace sspr::domain::password
