#pragma once
// Phone numbers of the mobile-phone and office-phone methods (SPEC §3), parsed with
// libphonenumber.
//
// Input must be in international form: it starts with "+" or "00" followed by the country
// calling code ("+45 32 12 34 56", "0049 30 1234567"). A number without a country code is
// refused rather than guessed, because the same digits mean different phones in different
// countries and at reset the user must type the full number anyway. Spaces, dashes, dots,
// slashes and parentheses are allowed between digits; letters are not (no vanity numbers),
// except an extension at the end: "x123", "ext. 123", "ext 123", "extension 123",
// ";ext=123". The extension is kept apart from the E.164 number and never dialled.
//
// Validation is libphonenumber's "possible number" check (a known country calling code and
// a length that country uses), not its number-range check (IsValidNumber): range metadata
// ages with the library version and would refuse newly assigned ranges and the fictitious
// numbers used in documentation (the SPEC's own "+1 4251234567" is such a number).

#include <string>
#include <string_view>

#include "domain/result.h"

namespace sspr::domain::methods {

struct PhoneNumber {
  std::string e164;       // "+14251234567"
  std::string extension;  // "123", or empty

  // "+1 4251234567": "+", country calling code, a space, the national significant number.
  std::string display() const;
  // display() followed by " x123" when there is an extension.
  std::string display_with_extension() const;
  // "+1 XXXXXXXX67": the country code and the last two digits; the rest as X (all of the
  // national number as X when it has 4 digits or fewer).
  std::string masked() const;

  friend bool operator==(const PhoneNumber&, const PhoneNumber&) = default;
};

// The most digits of an E.164 number, country calling code included.
inline constexpr std::size_t kMaxE164Digits = 15;

// The longest input looked at; longer text is refused before parsing.
inline constexpr std::size_t kMaxPhoneInputLength = 64;

// Parses what a user or an administrator typed. Errors are InvalidInput for `field` with the
// message key "error.PhoneNumberNeedsCountryCode" (no "+"/"00" prefix) or
// "error.InvalidPhoneNumber" (anything else: letters, too short, too long, unknown country
// code, malformed extension).
Result<PhoneNumber> parse_phone_number(std::string_view text, const std::string& field = "phone");

// A number read back from the store: `e164` as stored by parse_phone_number. Errors as above.
Result<PhoneNumber> phone_number_from_e164(std::string_view e164, std::string_view extension);

// The reset gate: the user typed the full number and it must be the one on file. `typed` is
// parsed like any input (extension ignored) and compared as E.164. Unparseable input is
// simply not a match.
bool phone_number_matches(std::string_view typed, const PhoneNumber& on_file);

// PhoneNumber::masked() of a number on file, without parsing it (it runs for every number a
// reset shows). Text that is not "+", a known country calling code and a possible number of
// digits is masked whole, as "+XXXXXXXX".
std::string masked_phone_number(std::string_view e164);

}  // namespace sspr::domain::methods
