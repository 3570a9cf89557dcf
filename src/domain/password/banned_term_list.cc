#include "domain/password/banned_term_list.h"

#include <algorithm>
#include <map>

#include "domain/password/banned_text_normalisation.h"
#include "domain/password/utf8.h"

namespace sspr::domain::password {
namespace {

constexpr std::string_view kField = "bannedPasswords";

std::string_view trim(std::string_view text) {
  constexpr std::string_view kBlank = " \t\r\n";
  const auto first = text.find_first_not_of(kBlank);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kBlank);
  return text.substr(first, last - first + 1);
}

// The normalised term, or a description of what is wrong with it.
Result<std::u32string> normalised_term(std::string_view text) {
  auto decoded = decode_utf8(text);
  if (!decoded) return errors::invalid_input(std::string(kField), "a term is not valid UTF-8");
  auto term = normalise_for_banned_match(*decoded);
  if (term.size() < BannedTermList::kMinTermLength ||
      term.size() > BannedTermList::kMaxTermLength) {
    return errors::invalid_input(std::string(kField),
                                 "the term '" + std::string(text) + "' has " +
                                     std::to_string(term.size()) +
                                     " characters; banned terms have 4 to 16 characters");
  }
  return term;
}

void sort_unique(std::vector<std::u32string>& terms) {
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
}

}  // namespace

Result<BannedTermList> BannedTermList::parse(std::string_view text) {
  std::vector<std::u32string> terms;
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const auto end = text.find('\n');
    const auto line = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (line.empty() || line.front() == '#') continue;
    auto term = normalised_term(line);
    if (!term.ok()) {
      auto error = term.error();
      error.technical = "line " + std::to_string(line_number) + ": " + error.technical;
      return error;
    }
    terms.push_back(std::move(term).value());
  }
  sort_unique(terms);
  return BannedTermList(std::move(terms));
}

Result<BannedTermList> BannedTermList::custom(std::span<const std::string> terms) {
  if (terms.size() > kMaxCustomTerms) {
    return errors::invalid_input(std::string(kField),
                                 std::to_string(terms.size()) + " terms given; at most " +
                                     std::to_string(kMaxCustomTerms) + " are allowed");
  }
  std::map<std::u32string, std::string_view> seen;  // normalised -> as entered
  std::vector<std::u32string> out;
  out.reserve(terms.size());
  for (const auto& entered : terms) {
    const auto text = trim(entered);
    auto term = normalised_term(text);
    if (!term.ok()) return term.error();
    auto [it, inserted] = seen.emplace(term.value(), text);
    if (!inserted) {
      return errors::invalid_input(
          std::string(kField),
          "the term '" + std::string(text) + "' duplicates '" + std::string(it->second) + "'");
    }
    out.push_back(std::move(term).value());
  }
  sort_unique(out);
  return BannedTermList(std::move(out));
}

std::vector<std::string> BannedTermList::utf8_terms() const {
  std::vector<std::string> out;
  out.reserve(terms_.size());
  for (const auto& term : terms_) out.push_back(encode_utf8(term));
  return out;
}

}  // namespace sspr::domain::password
