// The pre-population file: the header (any order, case-insensitive, unknown or repeated
// columns refused), empty cells leaving methods unchanged, and badly shaped rows rejected
// with their line while the others go on.
#include "domain/methods/contact_methods_csv.h"

#include <gtest/gtest.h>

namespace sspr::domain::methods {
namespace {

TEST(ContactMethodsCsv, ReadsRowsWithEmptyCellsAsUnchanged) {
  auto file = parse_contact_methods_csv(
      "\xEF\xBB\xBFupn,mobile_phone,office_phone,email\r\n"
      "alice@contoso.example,+1 4255550100,,\r\n"
      "bob@contoso.example,,\"+1 4255550101, x12\",bob@example.org\r\n");
  ASSERT_TRUE(file.ok()) << file.error().technical;
  EXPECT_TRUE(file->rejected.empty());
  ASSERT_EQ(file->rows.size(), 2u);
  EXPECT_EQ(file->rows[0].line, 2u);
  EXPECT_EQ(file->rows[0].upn, "alice@contoso.example");
  EXPECT_EQ(file->rows[0].changes.mobile_phone, "+1 4255550100");
  EXPECT_FALSE(file->rows[0].changes.office_phone);
  EXPECT_FALSE(file->rows[0].changes.email);
  EXPECT_EQ(file->rows[1].line, 3u);
  EXPECT_FALSE(file->rows[1].changes.mobile_phone);
  EXPECT_EQ(file->rows[1].changes.office_phone, "+1 4255550101, x12");
  EXPECT_EQ(file->rows[1].changes.email, "bob@example.org");
}

TEST(ContactMethodsCsv, HeaderMayListSomeColumnsInAnyOrder) {
  auto file = parse_contact_methods_csv("Email , UPN\nx@example.org,alice@contoso.example\n");
  ASSERT_TRUE(file.ok()) << file.error().technical;
  ASSERT_EQ(file->rows.size(), 1u);
  EXPECT_EQ(file->rows[0].upn, "alice@contoso.example");
  EXPECT_EQ(file->rows[0].changes.email, "x@example.org");
}

TEST(ContactMethodsCsv, RefusesABadHeader) {
  for (const char* text : {"", "\n\n", "upn,phone\n", "mobile_phone,email\n", "upn\n",
                           "upn,email,email\n", "upn,\"email\nx\n"}) {
    auto file = parse_contact_methods_csv(text);
    ASSERT_FALSE(file.ok()) << text;
    EXPECT_EQ(file.error().name, "InvalidInput") << text;
  }
}

TEST(ContactMethodsCsv, RejectsBadlyShapedRowsAndKeepsTheOthers) {
  auto file = parse_contact_methods_csv(
      "upn,mobile_phone,office_phone,email\n"
      "alice@contoso.example,+1 4255550100\n"  // too few cells
      ",+1 4255550100,,\n"                     // no UPN
      "bob@contoso.example,,,\n"               // nothing to set
      ",,,\n"                                  // an empty spreadsheet line: skipped
      "carol@contoso.example,,,c@example.org\n");
  ASSERT_TRUE(file.ok());
  ASSERT_EQ(file->rows.size(), 1u);
  EXPECT_EQ(file->rows[0].line, 6u);
  ASSERT_EQ(file->rejected.size(), 3u);
  EXPECT_EQ(file->rejected[0].line, 2u);
  EXPECT_NE(file->rejected[0].reason.find("expected 4 cells"), std::string::npos);
  EXPECT_EQ(file->rejected[1].line, 3u);
  EXPECT_EQ(file->rejected[2].line, 4u);
  EXPECT_EQ(file->rejected[2].upn, "bob@contoso.example");
  // A rejected row's reason never repeats the values it held.
  for (const auto& row : file->rejected) {
    EXPECT_EQ(row.reason.find("4255550100"), std::string::npos) << row.reason;
  }
}

}  // namespace
}  // namespace sspr::domain::methods
