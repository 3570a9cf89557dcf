#include "domain/csv_records.h"

#include "domain/error.h"

namespace sspr::domain {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool is_blank(const CsvRecord& record) {
  return record.fields.size() == 1 && record.fields.front().empty();
}

}  // namespace

Result<std::vector<CsvRecord>> parse_csv_records(std::string_view text, const std::string& field) {
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  std::vector<CsvRecord> records;
  CsvRecord record{1, {std::string()}};
  std::size_t line = 1;
  bool quoted = false;        // inside a quoted field
  bool after_quote = false;   // a quoted field just closed
  bool field_quoted = false;  // the current field started with a quote
  auto end_record = [&] {
    if (!is_blank(record) || field_quoted) records.push_back(std::move(record));
    record = CsvRecord{line, {std::string()}};
    after_quote = false;
    field_quoted = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          record.fields.back() += '"';
          ++i;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line;
        record.fields.back() += c;
      }
      continue;
    }
    if (c == ',') {
      record.fields.emplace_back();
      after_quote = false;
      field_quoted = false;
    } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      if (c == '\r') ++i;
      ++line;
      end_record();
    } else if (after_quote) {
      return errors::invalid_input(
          field, "line " + std::to_string(line) + ": text after the closing quote of a field");
    } else if (c == '"' && record.fields.back().empty() && !field_quoted) {
      quoted = true;
      field_quoted = true;
    } else {
      record.fields.back() += c;
    }
  }
  if (quoted) {
    return errors::invalid_input(
        field, "line " + std::to_string(record.line) + ": a quoted field is never closed");
  }
  end_record();
  return records;
}

}  // namespace sspr::domain
