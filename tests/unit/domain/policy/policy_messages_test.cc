// Every refusal of an SSPR policy, and the errors of this area, have an explanation in every
// language. The domain does not depend on the i18n layer, so this reads the catalogues from
// the source tree.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "domain/policy/policy_refusal.h"

#include "domain/locale_catalogue.h"

namespace sspr::domain::policy {
namespace {

nlohmann::json catalogue(const std::string& language) {
  return sspr::testing::locale_catalogue(language);
}

TEST(PolicyMessages, EveryRefusalHasAnExplanationInEveryLanguage) {
  std::vector<std::string> keys = {"error.InvalidSsprPolicy",
                                   scope_group_in_use("SSPR Users").message_key};
  const auto last = static_cast<int>(PolicyRefusal::kUnlockNeedsConnection);
  for (int i = 0; i <= last; ++i) {
    const auto refusal = static_cast<PolicyRefusal>(i);
    EXPECT_NE(refusal_name(refusal), "Unknown") << i;
    keys.push_back(refusal_message_key(refusal));
  }
  EXPECT_EQ(keys.size(), 18u);
  std::map<std::string, std::string> english;
  for (const std::string language : {"en", "da", "de", "sv"}) {
    const auto messages = catalogue(language);
    ASSERT_TRUE(messages.is_object()) << language;
    for (const auto& key : keys) {
      ASSERT_TRUE(messages.contains(key) && messages[key].is_string() &&
                  !messages[key].get<std::string>().empty())
          << key << " in " << language;
      if (language == "en") {
        english[key] = messages[key];
      } else {
        EXPECT_NE(messages[key], english[key]) << key << " is not translated to " << language;
      }
    }
  }
}

}  // namespace
}  // namespace sspr::domain::policy
