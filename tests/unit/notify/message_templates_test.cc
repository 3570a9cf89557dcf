#include "notify/message_templates.h"

#include <cctype>

#include <gtest/gtest.h>

#include "domain/error.h"
#include "i18n/catalogue.h"
#include "notify/test_doubles.h"

namespace sspr::notify {
namespace {

// The maximal runs of ASCII digits in `text`.
std::vector<std::string> digit_runs(const std::string& text) {
  std::vector<std::string> runs;
  std::string run;
  for (char c : text + " ") {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      run += c;
    } else if (!run.empty()) {
      runs.push_back(run);
      run.clear();
    }
  }
  return runs;
}

MessageContext context(const std::string& language) {
  return {language,    "Contoso",  "Åse {upn} Ørsted", "ase@contoso.example", testing::fixed_time(),
          "192.0.2.7", "corr-4711"};
}

void expect_complete(const OutgoingMessage& message, const std::string& language) {
  EXPECT_EQ(message.body.find("notify."), std::string::npos) << language << ": " << message.body;
  EXPECT_EQ(message.subject.find("notify."), std::string::npos) << language;
  // The only braces are the display name's own, which must come through unexpanded.
  const std::string name = "Åse {upn} Ørsted";
  std::string body = message.body;
  for (auto at = body.find(name); at != std::string::npos; at = body.find(name)) {
    body.erase(at, name.size());
  }
  EXPECT_EQ(body.find('{'), std::string::npos) << language << ": " << message.body;
  EXPECT_EQ(message.subject.find("{tenant}"), std::string::npos) << language;
  EXPECT_EQ(message.language, language);
}

TEST(MessageTemplates, EveryNotifyKeyExistsInEveryLanguage) {
  int notify_keys = 0;
  for (const auto& key : i18n::keys()) {
    if (!key.starts_with("notify.")) continue;
    ++notify_keys;
    for (const auto& language : i18n::supported_languages()) {
      EXPECT_TRUE(i18n::has_key(language, key)) << key << " in " << language;
    }
  }
  EXPECT_EQ(notify_keys, 14);
}

TEST(MessageTemplates, NotificationFailedHasAMessageInEveryLanguage) {
  const auto error = domain::errors::notification_failed("sms to +********78: HTTP 500", false);
  EXPECT_EQ(error.kind, domain::ErrorKind::kUnavailable);
  EXPECT_EQ(domain::errors::notification_failed("x", true).kind, domain::ErrorKind::kRejected);
  for (const auto& language : i18n::supported_languages()) {
    EXPECT_TRUE(i18n::has_key(language, error.message_key)) << language;
  }
}

TEST(MessageTemplates, EmailCodeIsOneRunOfEightDigitsInEveryLanguage) {
  for (const auto& language : i18n::supported_languages()) {
    const auto message = verification_code_message(Channel::kEmail, "ase@contoso.example",
                                                   "04711234", context(language));
    EXPECT_EQ(message.channel, Channel::kEmail);
    EXPECT_FALSE(message.subject.empty());
    EXPECT_EQ(digit_runs(message.body), std::vector<std::string>{"04711234"}) << language;
    EXPECT_NE(message.subject.find("Contoso"), std::string::npos) << language;
    expect_complete(message, language);
  }
}

TEST(MessageTemplates, SmsCodeIsOneRunOfSixDigitsInEveryLanguage) {
  for (const auto& language : i18n::supported_languages()) {
    const auto message =
        verification_code_message(Channel::kSms, "+4512345678", "012345", context(language));
    EXPECT_TRUE(message.subject.empty());
    EXPECT_EQ(digit_runs(message.body), std::vector<std::string>{"012345"}) << language;
    expect_complete(message, language);
  }
}

TEST(MessageTemplates, VoiceCodeIsARunOfSixDigitsAndIsAlsoSpelledOut) {
  for (const auto& language : i18n::supported_languages()) {
    const auto message =
        verification_code_message(Channel::kVoice, "+4512345678", "987650", context(language));
    const auto runs = digit_runs(message.body);
    ASSERT_FALSE(runs.empty()) << language;
    EXPECT_EQ(runs.front(), "987650") << language;
    for (std::size_t i = 1; i < runs.size(); ++i) EXPECT_EQ(runs[i].size(), 1u) << language;
    EXPECT_NE(message.body.find("9 8 7 6 5 0"), std::string::npos) << language;
    expect_complete(message, language);
  }
}

TEST(MessageTemplates, NoticesNameTenantUserAndTimeInEveryLanguage) {
  for (const auto& language : i18n::supported_languages()) {
    for (const auto& message :
         {password_reset_notice("ase@contoso.example", context(language)),
          account_unlocked_notice("ase@contoso.example", context(language)),
          admin_reset_notice("admin@contoso.example", context(language)),
          contact_admin_request("admin@contoso.example", context(language))}) {
      EXPECT_EQ(message.channel, Channel::kEmail);
      EXPECT_FALSE(message.subject.empty());
      EXPECT_NE(message.body.find("Contoso"), std::string::npos) << language << message.body;
      EXPECT_NE(message.body.find("ase@contoso.example"), std::string::npos) << language;
      EXPECT_NE(message.body.find("2026-11-23 14:05 UTC"), std::string::npos) << language;
      expect_complete(message, language);
    }
  }
}

TEST(MessageTemplates, NoticesToTheUserAndAdminsNameTheClientAddress) {
  for (const auto& language : i18n::supported_languages()) {
    for (const auto& message : {password_reset_notice("ase@contoso.example", context(language)),
                                account_unlocked_notice("ase@contoso.example", context(language)),
                                admin_reset_notice("admin@contoso.example", context(language))}) {
      EXPECT_NE(message.body.find("192.0.2.7"), std::string::npos) << language << message.body;
    }
    const auto request = contact_admin_request("admin@contoso.example", context(language));
    EXPECT_NE(request.body.find("corr-4711"), std::string::npos) << language << request.body;
  }
}

TEST(MessageTemplates, DifferentLanguagesGiveDifferentTexts) {
  const auto en = password_reset_notice("a@b.example", context("en"));
  const auto da = password_reset_notice("a@b.example", context("da"));
  const auto de = password_reset_notice("a@b.example", context("de"));
  const auto sv = password_reset_notice("a@b.example", context("sv"));
  EXPECT_NE(en.subject, da.subject);
  EXPECT_NE(en.subject, de.subject);
  EXPECT_NE(en.subject, sv.subject);
  EXPECT_NE(da.body, sv.body);
}

TEST(MessageTemplates, UnknownLanguageFallsBackToEnglish) {
  auto fr = context("fr");
  const auto message = test_message(Channel::kSms, "+4512345678", fr);
  EXPECT_EQ(message.body, test_message(Channel::kSms, "+4512345678", context("en")).body);
  EXPECT_TRUE(message.subject.empty());
  EXPECT_FALSE(test_message(Channel::kEmail, "a@b.example", fr).subject.empty());
}

}  // namespace
}  // namespace sspr::notify
