// RFC 4180 reading: quoted fields with commas, doubled quotes and line breaks, CRLF, the
// byte-order mark, blank lines, and the line each record starts on.
#include "domain/csv_records.h"

#include <gtest/gtest.h>

namespace sspr::domain {
namespace {

using Fields = std::vector<std::string>;

TEST(CsvRecords, SplitsPlainRecordsOnLfAndCrLf) {
  auto records = parse_csv_records("a,b,c\r\n1,2,3\n");
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ((*records)[1].fields, (Fields{"1", "2", "3"}));
  EXPECT_EQ((*records)[1].line, 2u);
}

TEST(CsvRecords, QuotedFieldsKeepCommasQuotesAndLineBreaks) {
  auto records = parse_csv_records("\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,\"\",z");
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].fields, (Fields{"x, y", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ((*records)[1].fields, (Fields{"next", "", "z"}));
  EXPECT_EQ((*records)[1].line, 3u);  // the record after a two-line field
}

TEST(CsvRecords, SkipsTheByteOrderMarkAndBlankLines) {
  auto records = parse_csv_records("\xEF\xBB\xBFupn\n\n\r\nalice\n");
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].fields, (Fields{"upn"}));
  EXPECT_EQ((*records)[1].fields, (Fields{"alice"}));
  EXPECT_EQ((*records)[1].line, 4u);
}

TEST(CsvRecords, EmptyCellsAndAQuotedEmptyLineAreKept) {
  auto records = parse_csv_records("a,,\n\"\"\n");
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].fields, (Fields{"a", "", ""}));
  EXPECT_EQ((*records)[1].fields, (Fields{""}));
}

TEST(CsvRecords, RefusesAnUnclosedQuoteOrTextAfterAClosingQuote) {
  auto unclosed = parse_csv_records("a\n\"open,b\n");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_EQ(unclosed.error().name, "InvalidInput");
  EXPECT_NE(unclosed.error().technical.find("line 2"), std::string::npos);
  auto trailing = parse_csv_records("\"a\"b,c\n");
  ASSERT_FALSE(trailing.ok());
  EXPECT_NE(trailing.error().technical.find("line 1"), std::string::npos);
}

}  // namespace
}  // namespace sspr::domain
