#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "notify/sms_webhook_notifier.h"

namespace sspr::notify {
namespace {

SmsWebhookSettings json_settings() {
  SmsWebhookSettings s;
  s.format = WebhookFormat::kJson;
  s.sms_url = "http://127.0.0.1:9/sms";
  return s;
}

SmsWebhookSettings twilio_settings() {
  SmsWebhookSettings s;
  s.format = WebhookFormat::kTwilio;
  s.sms_url = "http://127.0.0.1:9/2010-04-01/Accounts/AC1/Messages.json";
  s.voice_url = "http://127.0.0.1:9/2010-04-01/Accounts/AC1/Calls.json";
  s.from = "+15005550006";
  s.account_sid = "AC1";
  s.token = "auth-token";
  return s;
}

TEST(SmsWebhookRequest, JsonCarriesChannelRecipientAndBody) {
  const auto request = webhook_request(
      json_settings(), {Channel::kSms, "+4512345678", "", "123456 er din kode", "da"});
  EXPECT_EQ(request.url, "http://127.0.0.1:9/sms");
  EXPECT_EQ(request.content_type, "application/json");
  EXPECT_EQ(
      nlohmann::json::parse(request.body),
      (nlohmann::json{{"channel", "sms"}, {"to", "+4512345678"}, {"body", "123456 er din kode"}}));
}

TEST(SmsWebhookRequest, JsonVoiceGoesToTheSmsUrlWithoutAVoiceUrl) {
  const auto request =
      webhook_request(json_settings(), {Channel::kVoice, "+4512345678", "", "code 123456", "en"});
  EXPECT_EQ(request.url, "http://127.0.0.1:9/sms");
  EXPECT_EQ(nlohmann::json::parse(request.body)["channel"], "voice");
}

TEST(SmsWebhookRequest, TwilioSmsIsAFormWithToFromBody) {
  const auto request = webhook_request(
      twilio_settings(), {Channel::kSms, "+4512345678", "", "123456 er din kode & mere", "da"});
  EXPECT_EQ(request.url, "http://127.0.0.1:9/2010-04-01/Accounts/AC1/Messages.json");
  EXPECT_EQ(request.content_type, "application/x-www-form-urlencoded");
  EXPECT_EQ(request.body,
            "To=%2B4512345678&From=%2B15005550006&Body=123456%20er%20din%20kode%20%26%20mere");
}

TEST(SmsWebhookRequest, TwilioVoiceSaysTheBodyInTheMessageLanguage) {
  const auto request =
      webhook_request(twilio_settings(), {Channel::kVoice, "+4512345678", "", "Kode <1>", "de"});
  EXPECT_EQ(request.url, "http://127.0.0.1:9/2010-04-01/Accounts/AC1/Calls.json");
  EXPECT_EQ(
      request.body,
      "To=%2B4512345678&From=%2B15005550006&Twiml=" +
          form_encode({{"", "<Response><Say language=\"de-DE\">Kode &lt;1&gt;</Say></Response>"}})
              .substr(1));
}

TEST(SmsWebhookRequest, FormEncodingEscapesEverythingButUnreserved) {
  EXPECT_EQ(form_encode({{"a", "b c"}, {"ø", "x=y&z+1~._-"}}), "a=b%20c&%C3%B8=x%3Dy%26z%2B1~._-");
}

TEST(SmsWebhookRequest, TwimlEscapesXml) {
  EXPECT_EQ(
      twiml_say("a&b \"c\" 'd'", "sv"),
      "<Response><Say language=\"sv-SE\">a&amp;b &quot;c&quot; &apos;d&apos;</Say></Response>");
  EXPECT_EQ(twiml_say("x", "fr"), "<Response><Say language=\"en-US\">x</Say></Response>");
}

TEST(SmsWebhookRequest, E164Numbers) {
  EXPECT_TRUE(is_e164("+4512345678"));
  EXPECT_TRUE(is_e164("+123456789012345"));
  EXPECT_FALSE(is_e164("+1234567890123456"));  // 16 digits
  EXPECT_FALSE(is_e164("4512345678"));
  EXPECT_FALSE(is_e164("+0512345678"));
  EXPECT_FALSE(is_e164("+45 12345678"));
  EXPECT_FALSE(is_e164("+45123"));
}

TEST(SmsWebhookNotifier, RefusesEmailAndMalformedNumbersWithoutSending) {
  SmsWebhookNotifier notifier(json_settings());
  auto email = notifier.send({Channel::kEmail, "a@b.example", "s", "b", "en"});
  ASSERT_FALSE(email.ok());
  EXPECT_EQ(email.error().name, "InvalidInput");
  auto bad = notifier.send({Channel::kSms, "12345678", "", "123456", "en"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().name, "InvalidInput");
  EXPECT_EQ(bad.error().technical.find("12345678"), std::string::npos);
}

}  // namespace
}  // namespace sspr::notify
