// Export lines written without a JSON value: they parse back as the stored record, CSV and
// JSON alike, whatever the text holds.
#include "flows/audit_export_rows.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "domain/csv_records.h"

namespace sspr::flows {
namespace {

store::AuditRow tricky_row() {
  store::AuditRow row;
  row.seq = 7;
  row.time = "2026-11-23T10:00:00.000Z";
  row.category = "User management";
  row.activity = "Add user";
  row.actor = "token:ops";
  row.target = "=cmd|'/C calc'!A0";
  row.result = "failure";
  row.result_reason = "InvalidInput";
  row.correlation_id = "quote \" back\\slash \n newline \t tab \x01 ctl, comma";
  row.client_ip = "127.0.0.1";
  row.details = R"({"display_name":"Åse \"Q\"","n":[1,2]})";
  return row;
}

TEST(AuditExportRows, JsonLinesParseBackToTheRecord) {
  const auto row = tricky_row();
  std::string out;
  append_json_record(out, row, "contoso.example");
  const auto parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed["tenant"], "contoso.example");
  EXPECT_EQ(parsed["target"], row.target);
  EXPECT_EQ(parsed["correlation_id"], row.correlation_id);
  EXPECT_EQ(parsed["support_code"], "");
  EXPECT_EQ(parsed["details"], nlohmann::json::parse(row.details));
  EXPECT_EQ(parsed.size(), 12u);
}

TEST(AuditExportRows, EmptyDetailsAreAnEmptyObject) {
  store::AuditRow row;
  std::string out;
  append_json_record(out, row, "t");
  EXPECT_EQ(nlohmann::json::parse(out)["details"], nlohmann::json::object());
}

TEST(AuditExportRows, CsvLinesParseBackWithTheFormulaGuard) {
  const auto row = tricky_row();
  std::string out;
  append_csv_record(out, row, "contoso.example");
  auto records = domain::parse_csv_records(out);
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 1u);
  const auto& fields = (*records)[0].fields;
  ASSERT_EQ(fields.size(), 12u);
  EXPECT_EQ(fields[5], "'" + row.target);
  EXPECT_EQ(fields[8], row.correlation_id);
  EXPECT_EQ(fields[11], row.details);
}

TEST(AuditExportRows, JsonStringsEscapeQuotesBackslashesAndControls) {
  std::string out;
  append_json_string(out, "a\"b\\c\nd\x1f");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\u001f\"");
}

}  // namespace
}  // namespace sspr::flows
