#include "domain/methods/phone_number.h"

#include <gtest/gtest.h>
#include <phonenumbers/phonenumberutil.h>

namespace sspr::domain::methods {
namespace {

PhoneNumber parse_ok(std::string_view text) {
  auto parsed = parse_phone_number(text);
  EXPECT_TRUE(parsed) << text << ": " << (parsed ? "" : parsed.error().technical);
  return parsed ? *parsed : PhoneNumber{};
}

std::string error_key(std::string_view text) {
  auto parsed = parse_phone_number(text, "mobile_phone");
  if (parsed) return "accepted as " + parsed->e164;
  EXPECT_EQ(parsed.error().code, "InvalidInput");
  EXPECT_EQ(parsed.error().technical.rfind("mobile_phone: ", 0), 0u) << parsed.error().technical;
  return parsed.error().message_key;
}

TEST(PhoneNumber, UnitedStatesNumberIsNormalisedToE164) {
  const auto number = parse_ok("+1 (425) 555-0100");
  EXPECT_EQ(number.e164, "+14255550100");
  EXPECT_EQ(number.extension, "");
  EXPECT_EQ(number.display(), "+1 4255550100");
  EXPECT_EQ(number.masked(), "+1 XXXXXXXX00");
}

TEST(PhoneNumber, SpecExampleNumberIsAcceptedAndDisplayedInSpecForm) {
  const auto number = parse_ok("+1 425 123 4567");
  EXPECT_EQ(number.display(), "+1 4251234567");
  EXPECT_EQ(number.masked(), "+1 XXXXXXXX67");
}

TEST(PhoneNumber, NordicAndGermanNumbers) {
  EXPECT_EQ(parse_ok("+45 32 12 34 56").e164, "+4532123456");
  EXPECT_EQ(parse_ok("+45 32 12 34 56").display(), "+45 32123456");
  EXPECT_EQ(parse_ok("+45 32 12 34 56").masked(), "+45 XXXXXX56");
  EXPECT_EQ(parse_ok("+49 30 12345678").e164, "+493012345678");
  EXPECT_EQ(parse_ok("+49 (0)30 12345678").e164, "+493012345678");
  EXPECT_EQ(parse_ok("+46 8 123 456 78").e164, "+46812345678");
  EXPECT_EQ(parse_ok("+46 70-123 45 67").display(), "+46 701234567");
}

TEST(PhoneNumber, DoubleZeroPrefixMeansInternational) {
  EXPECT_EQ(parse_ok("0045 32123456").e164, "+4532123456");
  EXPECT_EQ(parse_ok("00 49 30 12345678").e164, "+493012345678");
}

TEST(PhoneNumber, ExtensionsAreStrippedAndKeptApart) {
  for (const char* text :
       {"+1 425 555 0100 x123", "+1 425 555 0100 ext. 123", "+1 425 555 0100;ext=123",
        "+1 425 555 0100 ext 123", "+1 425 555 0100 extension 123", "+1 425 555 0100x123"}) {
    const auto number = parse_ok(text);
    EXPECT_EQ(number.e164, "+14255550100") << text;
    EXPECT_EQ(number.extension, "123") << text;
    EXPECT_EQ(number.display_with_extension(), "+1 4255550100 x123") << text;
  }
  EXPECT_EQ(parse_ok("+49 30 12345678 ext. 55").extension, "55");
}

TEST(PhoneNumber, NationalFormWithoutCountryCodeIsRefusedWithItsOwnMessage) {
  EXPECT_EQ(error_key("425 555 0100"), "error.PhoneNumberNeedsCountryCode");
  EXPECT_EQ(error_key("030 12345678"), "error.PhoneNumberNeedsCountryCode");
  EXPECT_EQ(error_key("32123456"), "error.PhoneNumberNeedsCountryCode");
}

TEST(PhoneNumber, GarbageTooShortTooLongAndLettersAreRefused) {
  EXPECT_EQ(error_key(""), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("   "), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("hello"), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("+"), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("+1 42"), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("+45 1234"), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("+45 3212345678901"), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("+1 800 FLOWERS"), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("+45 32 12 34 5a"), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("+1 425 555 0100 x"), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("+1 425 555 0100 call me"), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("+999 12345678"), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("+" + std::string(80, '1')), "error.InvalidPhoneNumber");
}

// Found by tests/fuzz/phone_number (corpus/phone_number/regression_longer_than_e164):
// libphonenumber admits this German number as possible, but it has 16 digits.
TEST(PhoneNumber, NumbersLongerThanE164AllowsAreRefused) {
  EXPECT_EQ(error_key("0049 3046049 3046357"), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("+49 30460493046357"), "error.InvalidPhoneNumber");
  EXPECT_FALSE(phone_number_from_e164("+4930460493046357", ""));
  EXPECT_EQ(parse_ok("+49 3046049304635").e164, "+493046049304635");  // 15 digits
}

// Found by tests/fuzz/phone_number (corpus/phone_number/regression_prefix_after_country_code):
// "+49" followed by "0049 30" was accepted with an E.164 form that does not format to itself,
// so its display form ("+49 4930") read back as another number.
TEST(PhoneNumber, NumbersWhoseE164FormIsNotCanonicalAreRefused) {
  EXPECT_EQ(error_key("00490049 30"), "error.InvalidPhoneNumber");
  EXPECT_EQ(error_key("+490049 30"), "error.InvalidPhoneNumber");
  const auto short_number = parse_ok("+49 4930");
  EXPECT_EQ(short_number.e164, "+494930");
  EXPECT_EQ(parse_ok(short_number.display()), short_number);
}

TEST(PhoneNumber, ErrorsDoNotRepeatTheNumber) {
  auto parsed = parse_phone_number("+45 1234", "mobile_phone");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().technical.find("1234"), std::string::npos);
}

TEST(PhoneNumber, StoredFormReadsBack) {
  auto number = phone_number_from_e164("+4532123456", "7");
  ASSERT_TRUE(number);
  EXPECT_EQ(number->display_with_extension(), "+45 32123456 x7");
  EXPECT_FALSE(phone_number_from_e164("+45 32 12 34 56", ""));
}

TEST(PhoneNumber, ResetGateMatchesTheFullNumberInAnyLayout) {
  const auto on_file = parse_ok("+1 425 555 0100 x12");
  EXPECT_TRUE(phone_number_matches("+14255550100", on_file));
  EXPECT_TRUE(phone_number_matches("001 (425) 555-0100", on_file));
  EXPECT_TRUE(phone_number_matches(" +1 425 555 0100 ", on_file));
  EXPECT_FALSE(phone_number_matches("425 555 0100", on_file));  // no country code
  EXPECT_FALSE(phone_number_matches("+1 425 555 0101", on_file));
  EXPECT_FALSE(phone_number_matches("+44 425 555 0100", on_file));
  EXPECT_FALSE(phone_number_matches("", on_file));
  EXPECT_FALSE(phone_number_matches("+14255550100", PhoneNumber{}));
  EXPECT_FALSE(phone_number_matches("+1 425 555 0100 y12", on_file));  // not an extension
}

TEST(PhoneNumber, NumberOnFileMasksLikeTheParsedOneWithoutParsing) {
  for (const char* typed :
       {"+1 425 555 0100", "+45 32 12 34 56", "+49 4930", "+354 611 1234", "+998 90 123 45 67"}) {
    const auto number = parse_ok(typed);
    EXPECT_EQ(masked_phone_number(number.e164), number.masked()) << typed;
  }
  EXPECT_EQ(masked_phone_number("+4532123456"), "+45 XXXXXX56");
  // Not E.164 with a known country calling code: nothing of it shows.
  for (const char* text : {"", "+", "+0123456", "+999123456", "4532123456", "+45 32123456"}) {
    EXPECT_EQ(masked_phone_number(text), "+XXXXXXXX") << text;
  }
}

// display() and masked() split the E.164 string without libphonenumber's parser; the split
// must be the one the parser gives (country calling code, national significant number), and
// text the parser refuses stays whole, as before.
std::string display_by_parsing(const std::string& e164) {
  using i18n::phonenumbers::PhoneNumberUtil;
  const auto& util = *PhoneNumberUtil::GetInstance();
  i18n::phonenumbers::PhoneNumber parsed;
  if (util.Parse(e164, "ZZ", &parsed) != PhoneNumberUtil::NO_PARSING_ERROR) return e164;
  std::string national;
  util.GetNationalSignificantNumber(parsed, &national);
  return "+" + std::to_string(parsed.country_code()) + " " + national;
}

TEST(PhoneNumber, DisplaySplitsTheCountryCodeLikeLibphonenumber) {
  for (const char* typed :
       {"+1 425 555 0100", "+1 242 357 1234", "+7 912 345 67 89", "+20 10 1234 5678",
        "+39 06 1234 5678", "+39 02 1234 5678", "+44 20 7946 0958", "+45 32 12 34 56", "+49 4930",
        "+49 30 1234567", "+86 138 0013 8000", "+354 611 1234", "+358 40 1234567", "+376 312345",
        "+800 1234 5678", "+882 1234 5678", "+979 123456789", "+998 90 123 45 67"}) {
    const auto number = parse_ok(typed);
    EXPECT_EQ(number.display(), display_by_parsing(number.e164)) << typed;
  }
  for (const std::string text : {"", "+", "+0", "+0123456", "+12", "+1", "+999123456",
                                 "+1234567890123456789012", "12345678", "+45 3212"}) {
    EXPECT_EQ((PhoneNumber{text, ""}.display()), display_by_parsing(text)) << text;
  }
}

}  // namespace
}  // namespace sspr::domain::methods
