#include "notify/masked_recipient.h"

#include <gtest/gtest.h>

namespace sspr::notify {
namespace {

TEST(MaskedRecipient, EmailKeepsFirstLetterAndDomain) {
  EXPECT_EQ(mask_recipient(Channel::kEmail, "alice@contoso.example"), "a***@contoso.example");
  EXPECT_EQ(mask_recipient(Channel::kEmail, "ørsted@contoso.example"), "****@contoso.example");
  EXPECT_EQ(mask_recipient(Channel::kEmail, "not-an-address"), "***");
  EXPECT_EQ(mask_recipient(Channel::kEmail, "@contoso.example"), "***");
}

TEST(MaskedRecipient, PhoneKeepsOnlyTheLastTwoDigits) {
  EXPECT_EQ(mask_recipient(Channel::kSms, "+4512345678"), "+********78");
  EXPECT_EQ(mask_recipient(Channel::kVoice, "+15555550167"), "+*********67");
  EXPECT_EQ(mask_recipient(Channel::kSms, "+451"), "***");
}

}  // namespace
}  // namespace sspr::notify
