#include "notify/retrying_notifier.h"

#include <gtest/gtest.h>

#include "domain/error.h"
#include "notify/test_doubles.h"

namespace sspr::notify {
namespace {

using namespace std::chrono_literals;
using testing::RecordingSleeper;
using testing::ScriptedTransport;

domain::Status transient() {
  return domain::errors::notification_failed("sms to +*********67: HTTP 503", false);
}
domain::Status permanent() {
  return domain::errors::notification_failed("sms to +*********67: HTTP 400", true);
}

const OutgoingMessage kMessage{Channel::kSms, "+4512345667", "", "123456 is your code", "en"};

struct Fixture {
  explicit Fixture(std::deque<domain::Status> script, RetryPolicy policy = {}) {
    auto owned = std::make_unique<ScriptedTransport>(std::move(script));
    transport = owned.get();
    notifier = std::make_unique<RetryingNotifier>(std::move(owned), policy, sleeper);
  }
  RecordingSleeper sleeper;
  ScriptedTransport* transport;
  std::unique_ptr<RetryingNotifier> notifier;
};

TEST(RetryingNotifier, SuccessAtFirstTryDoesNotWait) {
  Fixture f({});
  EXPECT_TRUE(f.notifier->send(kMessage).ok());
  EXPECT_EQ(f.transport->sent.size(), 1u);
  EXPECT_TRUE(f.sleeper.pauses.empty());
}

TEST(RetryingNotifier, TransientFailuresAreRetriedWithDoublingBackoff) {
  Fixture f({transient(), transient()});
  EXPECT_TRUE(f.notifier->send(kMessage).ok());
  EXPECT_EQ(f.transport->sent.size(), 3u);
  EXPECT_EQ(f.sleeper.pauses, (std::vector<std::chrono::milliseconds>{500ms, 1000ms}));
}

TEST(RetryingNotifier, ReportsTheLastFailureAfterAllAttempts) {
  Fixture f({transient(), transient(),
             domain::errors::notification_failed("sms to +*********67: timeout", false)},
            RetryPolicy{3, 500ms});
  auto status = f.notifier->send(kMessage);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().name, "NotificationFailed");
  EXPECT_EQ(status.error().technical, "sms to +*********67: timeout");
  EXPECT_EQ(f.transport->sent.size(), 3u);
  EXPECT_EQ(f.sleeper.pauses.size(), 2u);  // no pause after the last attempt
}

TEST(RetryingNotifier, PermanentFailureIsNotRetried) {
  Fixture f({permanent()});
  auto status = f.notifier->send(kMessage);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, domain::ErrorKind::kRejected);
  EXPECT_EQ(f.transport->sent.size(), 1u);
  EXPECT_TRUE(f.sleeper.pauses.empty());
}

TEST(RetryingNotifier, PermanentFailureAfterATransientOneStopsThere) {
  Fixture f({transient(), permanent(), transient()});
  EXPECT_FALSE(f.notifier->send(kMessage).ok());
  EXPECT_EQ(f.transport->sent.size(), 2u);
  EXPECT_EQ(f.sleeper.pauses, (std::vector<std::chrono::milliseconds>{500ms}));
}

TEST(RetryingNotifier, BadInputIsNotRetried) {
  Fixture f({domain::errors::invalid_input("to", "not an E.164 phone number")});
  EXPECT_FALSE(f.notifier->send(kMessage).ok());
  EXPECT_EQ(f.transport->sent.size(), 1u);
}

TEST(RetryingNotifier, ConfiguredAttemptsAndFirstBackoff) {
  Fixture f({transient(), transient(), transient(), transient(), transient()},
            RetryPolicy{5, 100ms});
  EXPECT_FALSE(f.notifier->send(kMessage).ok());
  EXPECT_EQ(f.transport->sent.size(), 5u);
  EXPECT_EQ(f.sleeper.pauses, (std::vector<std::chrono::milliseconds>{100ms, 200ms, 400ms, 800ms}));
}

TEST(RetryingNotifier, LogLinesCarryTheMaskedRecipientButNeverTheMessage) {
  const OutgoingMessage message{Channel::kSms, "+4598765432", "Subject 777", "Your code 314159",
                                "en"};
  Fixture f({transient(), permanent()});
  ::testing::internal::CaptureStderr();
  EXPECT_FALSE(f.notifier->send(message).ok());
  Fixture ok({});
  EXPECT_TRUE(ok.notifier->send(message).ok());
  const std::string logged = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(logged.find("notification attempt failed"), std::string::npos) << logged;
  EXPECT_NE(logged.find("notification failed"), std::string::npos) << logged;
  EXPECT_NE(logged.find("notification sent"), std::string::npos) << logged;
  EXPECT_NE(logged.find("+********32"), std::string::npos) << logged;
  EXPECT_EQ(logged.find("314159"), std::string::npos) << logged;
  EXPECT_EQ(logged.find("Subject 777"), std::string::npos) << logged;
  EXPECT_EQ(logged.find("98765432"), std::string::npos) << logged;
}

TEST(RetryingNotifier, ZeroAttemptsMeansOne) {
  Fixture f({transient()}, RetryPolicy{0, 500ms});
  EXPECT_FALSE(f.notifier->send(kMessage).ok());
  EXPECT_EQ(f.transport->sent.size(), 1u);
}

}  // namespace
}  // namespace sspr::notify
