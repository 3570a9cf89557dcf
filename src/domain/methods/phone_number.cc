#include "domain/methods/phone_number.h"

#include <utility>

#include <phonenumbers/phonenumberutil.h>

#include "domain/methods/method_input_error.h"

namespace sspr::domain::methods {
namespace {

using i18n::phonenumbers::PhoneNumberUtil;
namespace pn = i18n::phonenumbers;

constexpr char kInvalidKey[] = "error.InvalidPhoneNumber";
constexpr char kNeedsCountryCodeKey[] = "error.PhoneNumberNeedsCountryCode";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_separator(char c) {
  return c == ' ' || c == '\t' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Splits "<number part><extension marker><digits>" and checks the shape of both. Returns
// false when the text has characters outside that shape.
bool split_extension(std::string_view text, std::string_view& number, std::string& extension) {
  std::size_t marker = 0;
  while (marker < text.size() && (is_digit(text[marker]) || is_separator(text[marker]) ||
                                  (marker == 0 && text[marker] == '+'))) {
    ++marker;
  }
  number = text.substr(0, marker);
  std::string_view rest = text.substr(marker);
  extension.clear();
  if (rest.empty()) return true;
  // The marker: letters of "x", "ext", "extension", optional ".", "=", ":" or ";" around.
  std::string word;
  std::size_t i = 0;
  while (i < rest.size() && !is_digit(rest[i])) {
    const char c = lower(rest[i]);
    if (is_letter(c)) {
      word.push_back(c);
    } else if (c != ' ' && c != '.' && c != ';' && c != '=' && c != ':' && c != '#') {
      return false;
    }
    ++i;
  }
  if (word != "x" && word != "ext" && word != "extension") return false;
  for (; i < rest.size(); ++i) {
    if (is_digit(rest[i])) {
      extension.push_back(rest[i]);
    } else if (rest[i] != ' ') {
      return false;
    }
  }
  return !extension.empty() && extension.size() <= 10;
}

// Parses `text` to its E.164 form: a known country calling code, a possible length, at most
// 15 digits. parse_international adds the check that the form reads back as itself.
Result<PhoneNumber> parse_to_e164(std::string_view text, const std::string& field) {
  const auto& util = *PhoneNumberUtil::GetInstance();
  pn::PhoneNumber parsed;
  if (util.Parse(std::string(text), "ZZ", &parsed) != PhoneNumberUtil::NO_PARSING_ERROR) {
    return method_input_error(field, kInvalidKey, "not a phone number");
  }
  std::string region;
  util.GetRegionCodeForCountryCode(parsed.country_code(), &region);
  if (region == "ZZ") {
    return method_input_error(field, kInvalidKey, "unknown country calling code");
  }
  if (!util.IsPossibleNumber(parsed)) {
    return method_input_error(field, kInvalidKey,
                              "wrong number of digits for its country calling code");
  }
  PhoneNumber out;
  util.Format(parsed, PhoneNumberUtil::E164, &out.e164);
  // libphonenumber's length check is per country and admits some national numbers that make
  // the whole number longer than E.164 allows ("+" and 15 digits), which no SMS or voice
  // provider takes.
  if (out.e164.size() > kMaxE164Digits + 1) {
    return method_input_error(field, kInvalidKey, "longer than the 15 digits E.164 allows");
  }
  return out;
}

Result<PhoneNumber> parse_international(std::string_view text, const std::string& field) {
  auto out = parse_to_e164(text, field);
  if (!out) return out;
  const auto& util = *PhoneNumberUtil::GetInstance();
  // The E.164 form must itself be a possible number that formats to itself, or it would not
  // read back from the store: libphonenumber keeps leading zeros typed after the country code
  // ("+49 0049 30") in a form that parses as another number.
  pn::PhoneNumber reparsed;
  std::string again;
  if (util.Parse(out->e164, "ZZ", &reparsed) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !util.IsPossibleNumber(reparsed)) {
    return method_input_error(field, kInvalidKey,
                              "wrong number of digits once the prefixes are removed");
  }
  util.Format(reparsed, PhoneNumberUtil::E164, &again);
  if (again != out->e164) return method_input_error(field, kInvalidKey, "not a phone number");
  return out;
}

struct DisplayParts {
  std::string country_code;
  std::string national;
};

// The country calling code and the national significant number of an E.164 string, split
// without parsing it (libphonenumber's parser runs ICU regular expressions, and this runs for
// every masked number shown): country calling codes are prefix-free, so the first 1 to 3
// digits that name one are it, and in E.164 form the national significant number is the rest
// of the digits. Anything else comes back as the national part with no country code.
DisplayParts display_parts(const std::string& e164) {
  // libphonenumber's bounds of a national significant number.
  constexpr std::size_t kMinNational = 2;
  constexpr std::size_t kMaxNational = 17;
  if (e164.size() < 2 || e164[0] != '+' || e164[1] == '0') return {"", e164};
  for (std::size_t i = 1; i < e164.size(); ++i) {
    if (!is_digit(e164[i])) return {"", e164};
  }
  const auto& util = *PhoneNumberUtil::GetInstance();
  for (std::size_t digits = 1; digits <= 3 && digits + 1 < e164.size(); ++digits) {
    std::string region;
    util.GetRegionCodeForCountryCode(std::stoi(e164.substr(1, digits)), &region);
    if (region == "ZZ") continue;
    const std::size_t national = e164.size() - 1 - digits;
    if (national < kMinNational || national > kMaxNational) break;
    return {e164.substr(1, digits), e164.substr(1 + digits)};
  }
  return {"", e164};
}

// The country calling code and the last two digits; the rest as X (all of the national number
// when it has 4 digits or fewer).
std::string masked_parts(DisplayParts parts) {
  std::string& national = parts.national;
  const std::size_t visible = national.size() > 4 ? 2 : 0;
  for (std::size_t i = 0; i + visible < national.size(); ++i) national[i] = 'X';
  return parts.country_code.empty() ? national : "+" + parts.country_code + " " + national;
}

// What a person typed, trimmed, as "+<digits and separators>" and its extension's digits;
// errors as parse_phone_number's.
Result<PhoneNumber> typed_parts(std::string_view text, const std::string& field,
                                std::string& number) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return method_input_error(field, kInvalidKey, "is empty");
  if (text.size() > kMaxPhoneInputLength) {
    return method_input_error(field, kInvalidKey, "is too long");
  }
  std::string international;
  if (text.front() == '+') {
    international = text;
  } else if (text.size() > 2 && text[0] == '0' && text[1] == '0') {
    international = "+" + std::string(text.substr(2));
  } else if (is_digit(text.front()) || text.front() == '(') {
    return method_input_error(field, kNeedsCountryCodeKey,
                              "must start with + or 00 and the country calling code");
  } else {
    return method_input_error(field, kInvalidKey, "not a phone number");
  }
  std::string_view digits;
  PhoneNumber out;
  if (!split_extension(international, digits, out.extension)) {
    return method_input_error(field, kInvalidKey,
                              "only digits, separators and an extension (x123) are allowed");
  }
  number = digits;
  return out;
}

}  // namespace

Result<PhoneNumber> parse_phone_number(std::string_view text, const std::string& field) {
  std::string number;
  auto parts = typed_parts(text, field, number);
  if (!parts) return parts;
  auto parsed = parse_international(number, field);
  if (!parsed) return parsed;
  parsed->extension = std::move(parts->extension);
  return parsed;
}

Result<PhoneNumber> phone_number_from_e164(std::string_view e164, std::string_view extension) {
  // A stored number formats to itself (checked below), so parse_international's read-back
  // check would parse the same text again: one parse is enough.
  auto parsed = parse_to_e164(e164, "phone");
  if (!parsed) return parsed;
  if (parsed->e164 != e164) {
    return method_input_error("phone", kInvalidKey, "stored number is not in E.164 form");
  }
  parsed->extension = std::string(extension);
  return parsed;
}

bool phone_number_matches(std::string_view typed, const PhoneNumber& on_file) {
  // One parse: parse_international's read-back check only keeps forms out of the store, and a
  // typed number whose E.164 form is the one on file is that number.
  std::string number;
  if (on_file.e164.empty() || !typed_parts(typed, "phone", number)) return false;
  // The usual case, the number on file typed with or without separators, needs no parse: the
  // stored form is a possible number that formats to itself, and separators are all
  // libphonenumber drops from such text.
  std::string plain;
  for (const char c : number) {
    if (c == '+' || is_digit(c)) plain.push_back(c);
  }
  if (plain == on_file.e164) return true;
  auto parsed = parse_to_e164(number, "phone");
  return parsed && parsed->e164 == on_file.e164;
}

std::string masked_phone_number(std::string_view e164) {
  auto parts = display_parts(std::string(e164));
  if (parts.country_code.empty()) return "+XXXXXXXX";
  return masked_parts(std::move(parts));
}

std::string PhoneNumber::display() const {
  const auto parts = display_parts(e164);
  if (parts.country_code.empty()) return parts.national;
  return "+" + parts.country_code + " " + parts.national;
}

std::string PhoneNumber::display_with_extension() const {
  return extension.empty() ? display() : display() + " x" + extension;
}

std::string PhoneNumber::masked() const { return masked_parts(display_parts(e164)); }

}  // namespace sspr::domain::methods
