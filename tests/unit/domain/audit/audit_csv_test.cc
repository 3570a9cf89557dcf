// CSV of the audit export: RFC 4180 quoting (read back with the project's own RFC 4180 reader)
// and the formula guard.
#include "domain/audit/audit_csv.h"

#include <gtest/gtest.h>

#include "domain/csv_records.h"

namespace sspr::domain::audit {
namespace {

std::string field(std::string_view text) {
  std::string out;
  append_csv_field(out, text);
  return out;
}

TEST(AuditCsv, PlainFieldsAreWrittenAsTheyAre) {
  EXPECT_EQ(field("Add user"), "Add user");
  EXPECT_EQ(field(""), "");
  EXPECT_EQ(field("alice@contoso.example"), "alice@contoso.example");
}

TEST(AuditCsv, CommasQuotesAndLineBreaksAreQuoted) {
  EXPECT_EQ(field("a,b"), "\"a,b\"");
  EXPECT_EQ(field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(field("cr\rhere"), "\"cr\rhere\"");
}

TEST(AuditCsv, FormulaStartsGetAnApostrophe) {
  EXPECT_EQ(field("=1+1"), "'=1+1");
  EXPECT_EQ(field("+4520123456"), "'+4520123456");
  EXPECT_EQ(field("-2"), "'-2");
  EXPECT_EQ(field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(field("\tx"), "'\tx");
  EXPECT_EQ(field("\rx"), "\"'\rx\"");
  EXPECT_EQ(field("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  EXPECT_EQ(field("a=b"), "a=b");  // only the first character counts
}

TEST(AuditCsv, RowsEndWithCrLfAndReadBack) {
  std::string out = csv_header();
  append_csv_row(out, {"2026-01-01T00:00:00.000Z", "a,b", "say \"hi\"", "x\ny", "{\"k\":1}"});
  auto records = parse_csv_records(out);
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].fields.size(), std::size(kExportColumns));
  EXPECT_EQ((*records)[0].fields.front(), "time");
  EXPECT_EQ((*records)[0].fields.back(), "details");
  EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"2026-01-01T00:00:00.000Z", "a,b",
                                                            "say \"hi\"", "x\ny", "{\"k\":1}"}));
  EXPECT_EQ(out.substr(out.size() - 2), "\r\n");
}

}  // namespace
}  // namespace sspr::domain::audit
