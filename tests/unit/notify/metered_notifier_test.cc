#include "notify/metered_notifier.h"

#include <gtest/gtest.h>

#include "domain/error.h"
#include "notify/test_doubles.h"

namespace sspr::notify {
namespace {

TEST(MeteredNotifier, CountsFailedDeliveriesByChannelAndPassesOutcomesThrough) {
  auto transport = std::make_unique<testing::ScriptedTransport>(std::deque<domain::Status>{
      domain::ok_status(), domain::errors::notification_failed("provider said 500", false)});
  auto* sent = transport.get();
  observability::Metrics metrics;
  MeteredNotifier notifier(std::move(transport), metrics);
  OutgoingMessage sms;
  sms.channel = Channel::kSms;
  sms.to = "+4520123456";
  EXPECT_TRUE(notifier.send(sms).ok());
  EXPECT_FALSE(notifier.send(sms).ok());
  EXPECT_EQ(sent->sent.size(), 2u);
  const auto text = metrics.render({});
  EXPECT_NE(text.find("sspr_notifier_errors_total{channel=\"sms\"} 1\n"), std::string::npos)
      << text;
}

}  // namespace
}  // namespace sspr::notify
