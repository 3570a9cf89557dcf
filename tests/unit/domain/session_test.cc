#include "domain/session.h"

#include <gtest/gtest.h>

#include "domain/clock.h"

namespace sspr::domain {
namespace {

TEST(Session, IdleAndAbsoluteExpiry) {
  const SessionLimits limits;
  const auto start = *parse_iso8601("2026-01-01T08:00:00.000Z");
  EXPECT_EQ(to_iso8601(session_idle_expiry(start, limits)), "2026-01-01T08:30:00.000Z");
  EXPECT_EQ(to_iso8601(session_absolute_expiry(start, limits)), "2026-01-01T20:00:00.000Z");
  Session session;
  session.idle_expires_at = "2026-01-01T08:30:00.000Z";
  session.absolute_expires_at = "2026-01-01T20:00:00.000Z";
  EXPECT_TRUE(session_valid_at(session, "2026-01-01T08:29:59.999Z"));
  EXPECT_FALSE(session_valid_at(session, "2026-01-01T08:30:00.000Z"));
  session.idle_expires_at = "2026-01-01T21:00:00.000Z";
  EXPECT_FALSE(session_valid_at(session, "2026-01-01T20:00:00.000Z"));
}

}  // namespace
}  // namespace sspr::domain
