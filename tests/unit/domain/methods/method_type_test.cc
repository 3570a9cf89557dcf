#include "domain/methods/method_type.h"

#include <gtest/gtest.h>

namespace sspr::domain::methods {
namespace {

TEST(MethodType, ContractNamesRoundTrip) {
  const char* names[] = {"email",    "mobile_phone",    "office_phone", "security_questions",
                         "app_code", "app_notification"};
  ASSERT_EQ(std::size(names), kAllMethodTypes.size());
  for (std::size_t i = 0; i < kAllMethodTypes.size(); ++i) {
    EXPECT_EQ(to_string(kAllMethodTypes[i]), names[i]);
    EXPECT_EQ(method_type_from_string(names[i]), kAllMethodTypes[i]);
  }
}

TEST(MethodType, UnknownOrDifferentlyCasedNamesAreRefused) {
  EXPECT_FALSE(method_type_from_string("Email"));
  EXPECT_FALSE(method_type_from_string("sms"));
  EXPECT_FALSE(method_type_from_string(""));
}

TEST(Channel, NamesRoundTrip) {
  for (auto channel : {Channel::kEmail, Channel::kSms, Channel::kVoice}) {
    EXPECT_EQ(channel_from_string(to_string(channel)), channel);
  }
  EXPECT_EQ(to_string(Channel::kSms), "sms");
  EXPECT_FALSE(channel_from_string("fax"));
}

}  // namespace
}  // namespace sspr::domain::methods
