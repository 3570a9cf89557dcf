#include "notify/make_notifier.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "notify/test_doubles.h"

namespace sspr::notify {
namespace {

class MakeNotifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("sspr-make-notifier-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(folder_);
    config_.store.data_dir = folder_.string();
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  domain::Result<std::unique_ptr<Notifier>> make() {
    return make_notifier(config_, {clock_, random_, sleeper_});
  }
  std::string secret_file(const std::string& content) {
    const auto path = folder_ / "secret";
    std::ofstream(path) << content;
    return path.string();
  }
  void expect_invalid(const std::string& key) {
    auto made = make();
    ASSERT_FALSE(made.ok()) << key;
    EXPECT_EQ(made.error().name, "InvalidInput");
    EXPECT_NE(made.error().technical.find("notify." + key), std::string::npos)
        << made.error().technical;
  }

  std::filesystem::path folder_;
  config::Config config_;
  testing::FixedClock clock_;
  testing::CountingRandom random_;
  testing::RecordingSleeper sleeper_;
};

std::size_t line_count(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

TEST_F(MakeNotifierTest, FileForBothChannelsWritesTheDefaultOutbox) {
  auto made = make();
  ASSERT_TRUE(made.ok()) << made.error().technical;
  ASSERT_TRUE((*made)->send({Channel::kEmail, "a@b.example", "s", "12345678", "en"}).ok());
  ASSERT_TRUE((*made)->send({Channel::kVoice, "+4512345678", "", "123456", "en"}).ok());
  EXPECT_EQ(outbox_path(config_), (folder_ / "outbox.jsonl").string());
  EXPECT_EQ(line_count(folder_ / "outbox.jsonl"), 2u);
}

TEST_F(MakeNotifierTest, ExplicitOutboxPathWins) {
  config_.notify.outbox_path = (folder_ / "elsewhere.jsonl").string();
  auto made = make();
  ASSERT_TRUE(made.ok());
  ASSERT_TRUE((*made)->send({Channel::kSms, "+4512345678", "", "123456", "en"}).ok());
  EXPECT_EQ(line_count(folder_ / "elsewhere.jsonl"), 1u);
}

TEST_F(MakeNotifierTest, SmtpNeedsUrlAndFrom) {
  config_.notify.email = "smtp";
  expect_invalid("smtp_url");
  config_.notify.smtp_url = "http://mail.example";
  expect_invalid("smtp_url");
  config_.notify.smtp_url = "smtp://127.0.0.1:25";
  expect_invalid("smtp_from");
  config_.notify.smtp_from = "OpenSSPR";
  expect_invalid("smtp_from");
  config_.notify.smtp_from = "OpenSSPR <noreply@contoso.example>";
  EXPECT_TRUE(make().ok());
}

TEST_F(MakeNotifierTest, SmtpUserNeedsAReadablePasswordFile) {
  config_.notify.email = "smtp";
  config_.notify.smtp_url = "smtp://127.0.0.1:25";
  config_.notify.smtp_from = "noreply@contoso.example";
  config_.notify.smtp_username = "sspr";
  expect_invalid("smtp_password_file");
  config_.notify.smtp_password_file = (folder_ / "missing").string();
  expect_invalid("smtp_password_file");
  config_.notify.smtp_password_file = secret_file("\n");
  expect_invalid("smtp_password_file");
  config_.notify.smtp_password_file = secret_file("s3cret\n");
  EXPECT_TRUE(make().ok());
}

TEST_F(MakeNotifierTest, TwilioNeedsSidFromAndToken) {
  config_.notify.sms = "webhook";
  config_.notify.sms_format = "twilio";
  expect_invalid("sms_url");
  config_.notify.sms_url = "http://127.0.0.1:9/Messages.json";
  expect_invalid("sms_account_sid");
  config_.notify.sms_account_sid = "AC1";
  expect_invalid("sms_from");
  config_.notify.sms_from = "+15005550006";
  expect_invalid("sms_token_file");
  config_.notify.sms_token_file = secret_file("token");
  EXPECT_TRUE(make().ok());
}

TEST_F(MakeNotifierTest, JsonWebhookNeedsOnlyTheUrl) {
  config_.notify.sms = "webhook";
  expect_invalid("sms_url");
  config_.notify.sms_url = "file:///etc/passwd";
  expect_invalid("sms_url");
  config_.notify.sms_url = "http://127.0.0.1:9/sms";
  EXPECT_TRUE(make().ok());
  config_.notify.voice_url = "ftp://127.0.0.1/voice";
  expect_invalid("voice_url");
  config_.notify.voice_url = "https://127.0.0.1:9/voice";
  EXPECT_TRUE(make().ok());
  config_.notify.sms_token_file = (folder_ / "missing").string();
  expect_invalid("sms_token_file");
}

TEST_F(MakeNotifierTest, UnreachableWebhookIsRetriedThenFails) {
  config_.notify.sms = "webhook";
  config_.notify.sms_url = "http://127.0.0.1:1/sms";  // nothing listens on port 1
  config_.notify.attempts = 3;
  auto made = make();
  ASSERT_TRUE(made.ok());
  auto status = (*made)->send({Channel::kSms, "+4512345678", "", "123456", "en"});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().name, "NotificationFailed");
  EXPECT_EQ(status.error().kind, domain::ErrorKind::kUnavailable);
  EXPECT_EQ(status.error().technical.find("123456"), std::string::npos);
  EXPECT_EQ(status.error().technical.find("+4512345678"), std::string::npos);
  EXPECT_EQ(sleeper_.pauses.size(), 2u);
  // Email still goes to the outbox.
  EXPECT_TRUE((*made)->send({Channel::kEmail, "a@b.example", "s", "12345678", "en"}).ok());
}

}  // namespace
}  // namespace sspr::notify
