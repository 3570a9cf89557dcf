#pragma once
// A list of banned password terms, each normalised (banned_text_normalisation.h), 4 to 16
// code points long, sorted by code point and without duplicates. Two sources build one:
//
// - parse(): the global list shipped in data/banned_passwords/global.txt. One term per line;
//   surrounding spaces, tabs and CR are ignored, as are empty lines and lines whose first
//   non-blank character is '#'. Terms are normalised on load and duplicates merged silently.
//   A term that is not valid UTF-8 or not 4..16 code points after normalisation is an error
//   naming its line.
// - custom(): a tenant's custom list as an administrator enters it (SPEC §8; surrounding
//   blanks ignored): at most 1,000 terms, each 4..16 code points after normalisation. Two
//   terms that are equal after normalisation (so case-insensitively, and "P@ss" with "pass")
//   are an error naming both, since the administrator probably mistyped one of them.
//
// Terms are not secrets, so errors quote them.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace sspr::domain::password {

class BannedTermList {
 public:
  static constexpr std::size_t kMinTermLength = 4;
  static constexpr std::size_t kMaxTermLength = 16;
  static constexpr std::size_t kMaxCustomTerms = 1000;

  BannedTermList() = default;

  static Result<BannedTermList> parse(std::string_view text);
  static Result<BannedTermList> custom(std::span<const std::string> terms);

  const std::vector<std::u32string>& terms() const { return terms_; }
  std::size_t size() const { return terms_.size(); }
  bool empty() const { return terms_.empty(); }

  // The terms in UTF-8, in list order (for storage and display).
  std::vector<std::string> utf8_terms() const;

 private:
  explicit BannedTermList(std::vector<std::u32string> terms) : terms_(std::move(terms)) {}

  std::vector<std::u32string> terms_;
};

}  // namespace sspr::domain::password
