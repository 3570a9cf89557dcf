#include "domain/clock.h"

#include <gtest/gtest.h>

namespace sspr::domain {
namespace {

TEST(Clock, Iso8601IsUtcWithMilliseconds) {
  using namespace std::chrono;
  const system_clock::time_point t{milliseconds(1'795'439'109'123)};
  EXPECT_EQ(to_iso8601(t), "2026-11-23T13:05:09.123Z");
  EXPECT_EQ(to_iso8601(system_clock::time_point{}), "1970-01-01T00:00:00.000Z");
}

}  // namespace
}  // namespace sspr::domain

namespace sspr::domain {
namespace {

TEST(Clock, ParseIso8601IsTheInverseOfFormatting) {
  using namespace std::chrono;
  const auto time =
      sys_days(year(2026) / 11 / 23) + hours(14) + minutes(5) + seconds(9) + milliseconds(123);
  EXPECT_EQ(parse_iso8601(to_iso8601(time)), time);
  EXPECT_EQ(parse_iso8601("2026-11-23T14:05:09Z"), time - milliseconds(123));
}

TEST(Clock, ParseIso8601RefusesOtherShapes) {
  EXPECT_FALSE(parse_iso8601(""));
  EXPECT_FALSE(parse_iso8601("2026-11-23 14:05:09Z"));
  EXPECT_FALSE(parse_iso8601("2026-11-23T14:05:09+01:00"));
  EXPECT_FALSE(parse_iso8601("2026-02-30T14:05:09Z"));
  EXPECT_FALSE(parse_iso8601("2026-11-23T24:00:00Z"));
  EXPECT_FALSE(parse_iso8601("2026-11-23T14:05:09.12xZ"));
}

TEST(Clock, ParseIso8601RefusesYearsTheClockCannotHold) {
  EXPECT_FALSE(parse_iso8601("2999-01-01T00:00:00Z"));  // would wrap to the past
  EXPECT_FALSE(parse_iso8601("1969-12-31T23:59:59Z"));
  ASSERT_TRUE(parse_iso8601("2261-12-31T23:59:59Z"));
  EXPECT_GT(*parse_iso8601("2261-12-31T23:59:59Z"), *parse_iso8601("2026-11-23T14:05:09Z"));
  EXPECT_TRUE(parse_iso8601("1970-01-01T00:00:00Z"));
}

}  // namespace
}  // namespace sspr::domain
