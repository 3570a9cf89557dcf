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
