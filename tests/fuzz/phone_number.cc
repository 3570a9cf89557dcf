// Fuzzes phone number parsing (domain/methods/phone_number.h): the input is what a user or an
// administrator typed.
//
// Properties checked on every input:
// - a refusal is InvalidInput for the given field with one of the two documented message keys;
// - input longer than kMaxPhoneInputLength (surrounding blanks aside) is refused;
// - an accepted number is E.164 ("+" and at most 15 digits) and its extension is digits only;
// - round trips: the number's display form (with its extension) parses to the same number,
//   reading it back from the store (phone_number_from_e164) gives the same number, and the
//   typed text matches it at the reset gate;
// - the masked form shows the country code and at most the last two digits.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "domain/error.h"
#include "domain/methods/phone_number.h"

namespace {

namespace methods = sspr::domain::methods;

[[noreturn]] void fail(const std::string& what, std::string_view input) {
  std::cerr << "phone_number: " << what << " (input of " << input.size() << " bytes)\n";
  std::abort();
}

bool all_digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto parsed = methods::parse_phone_number(input, "phone");
  if (!parsed) {
    const auto& error = parsed.error();
    if (error.kind != sspr::domain::ErrorKind::kBadInput)
      fail("refused with a non-400 error", input);
    if (error.message_key != "error.PhoneNumberNeedsCountryCode" &&
        error.message_key != "error.InvalidPhoneNumber") {
      fail("refused with message key " + error.message_key, input);
    }
    return 0;
  }
  std::string_view trimmed = input;  // surrounding spaces and tabs are not counted
  while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t'))
    trimmed.remove_prefix(1);
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t'))
    trimmed.remove_suffix(1);
  if (trimmed.size() > methods::kMaxPhoneInputLength) fail("accepted an over-long input", input);

  const auto& number = *parsed;
  if (number.e164.size() < 3 || number.e164.size() > 16 || number.e164[0] != '+' ||
      !all_digits(std::string_view(number.e164).substr(1))) {
    fail("accepted number is not E.164: " + number.e164, input);
  }
  if (!all_digits(number.extension)) fail("extension is not digits", input);

  auto again = methods::parse_phone_number(number.display_with_extension(), "phone");
  if (!again || !(*again == number)) {
    fail("display form " + number.display_with_extension() + " does not parse back", input);
  }
  auto stored = methods::phone_number_from_e164(number.e164, number.extension);
  if (!stored || !(*stored == number)) fail("the stored form does not read back", input);
  if (!methods::phone_number_matches(input, number)) fail("typed number does not match", input);
  if (!methods::phone_number_matches(number.e164, number)) fail("E.164 does not match", input);

  // The display form with the national digits masked: all but the last two as X, all of
  // them when the national number has 4 digits or fewer.
  const std::string display = number.display();
  const std::string masked = number.masked();
  const auto space = display.find(' ');
  if (space == std::string::npos || masked.size() != display.size() ||
      masked.compare(0, space + 1, display, 0, space + 1) != 0) {
    fail("masked form " + masked + " does not keep the country code", input);
  }
  const std::size_t national = display.size() - space - 1;
  const std::size_t visible = national > 4 ? 2 : 0;
  for (std::size_t i = space + 1; i < display.size(); ++i) {
    const bool shown = i >= display.size() - visible;
    if (masked[i] != (shown ? display[i] : 'X')) {
      fail("masked form " + masked + " shows too much or too little", input);
    }
  }
  if (methods::masked_phone_number(number.e164) != masked) {
    fail("the number on file masks otherwise than the parsed one", input);
  }
  return 0;
}
