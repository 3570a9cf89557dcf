// Validation of the audit filters, page sizes and cursors.
#include "domain/audit/audit_filter.h"

#include <gtest/gtest.h>

namespace sspr::domain::audit {
namespace {

TEST(AuditFilter, TimesAreNormalisedToTheStoredForm) {
  auto filter = validate_audit_filter({.since = "2026-11-23", .until = "2026-11-24T10:00:00Z"});
  ASSERT_TRUE(filter.ok());
  EXPECT_EQ(filter->since, "2026-11-23T00:00:00.000Z");
  EXPECT_EQ(filter->until, "2026-11-24T10:00:00.000Z");
  auto exact = validate_audit_filter({.since = "2026-11-23T10:00:00.250Z"});
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->since, "2026-11-23T10:00:00.250Z");
}

TEST(AuditFilter, BadValuesNameTheirField) {
  const std::pair<AuditFilter, std::string> cases[] = {
      {{.since = "yesterday"}, "since"},
      {{.until = "2026-13-01"}, "until"},
      {{.since = "2026-11-23T10:00:00+01:00"}, "since"},
      {{.since = "2026-11-24", .until = "2026-11-23"}, "until"},
      {{.since = "2026-11-24", .until = "2026-11-24"}, "until"},
      {{.result = "ok"}, "result"},
  };
  for (const auto& [filter, field] : cases) {
    auto checked = validate_audit_filter(filter);
    ASSERT_FALSE(checked.ok()) << field;
    EXPECT_EQ(checked.error().name, "InvalidInput");
    EXPECT_NE(checked.error().technical.find(field), std::string::npos)
        << checked.error().technical;
  }
}

TEST(AuditFilter, ResultsAndEmptyFiltersPass) {
  EXPECT_TRUE(validate_audit_filter({}).ok());
  EXPECT_TRUE(validate_audit_filter({.result = "success"}).ok());
  EXPECT_TRUE(validate_audit_filter({.result = "failure"}).ok());
}

TEST(AuditFilter, PageSizeIsOneToAThousandDefaultingToAHundred) {
  EXPECT_EQ(*page_size(std::nullopt), 100u);
  EXPECT_EQ(*page_size("1"), 1u);
  EXPECT_EQ(*page_size("1000"), 1000u);
  for (const char* bad : {"0", "1001", "-1", "ten", "", "5x", "99999999999999999999"}) {
    EXPECT_FALSE(page_size(std::string(bad)).ok()) << bad;
  }
}

TEST(AuditFilter, CursorsRoundTripAndStrangersAreRefused) {
  EXPECT_EQ(*parse_cursor(cursor_after(12345)), 12345);
  for (const char* bad : {"", "0", "-4", "abc", "12 ", "1e3"}) {
    auto parsed = parse_cursor(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_NE(parsed.error().technical.find("cursor"), std::string::npos);
  }
}

}  // namespace
}  // namespace sspr::domain::audit
