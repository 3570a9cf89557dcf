// Every reason and rejection error has a friendly message in every language. The domain does
// not depend on the i18n layer, so this reads the catalogues from the source tree.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "domain/password/password_policy.h"

namespace sspr::domain::password {
namespace {

nlohmann::json catalogue(const std::string& language) {
  const auto path =
      std::filesystem::path(__FILE__).parent_path() / "../../../../locales" / (language + ".json");
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot open " << path;
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

TEST(PasswordMessages, EveryReasonAndVerdictHasAMessageInEveryLanguage) {
  std::vector<std::string> keys = {"error.FuzzyPolicyViolationInvalidPassword",
                                   "error.PasswordPolicyViolation"};
  for (auto reason : {PasswordReason::kInvalidEncoding, PasswordReason::kTooShort,
                      PasswordReason::kTooLong, PasswordReason::kNotEnoughCharacterClasses,
                      PasswordReason::kReusedPassword, PasswordReason::kBannedPassword,
                      PasswordReason::kContainsUserName, PasswordReason::kBreachedPassword}) {
    keys.push_back(reason_message_key(reason));
  }
  for (const std::string language : {"en", "da", "de", "sv"}) {
    const auto messages = catalogue(language);
    ASSERT_TRUE(messages.is_object()) << language;
    for (const auto& key : keys) {
      EXPECT_TRUE(messages.contains(key) && messages[key].is_string() &&
                  !messages[key].get<std::string>().empty())
          << key << " in " << language;
    }
  }
}

}  // namespace
}  // namespace sspr::domain::password
