#include "domain/methods/contact_methods_csv.h"

#include <algorithm>
#include <array>

#include "domain/ascii_text.h"
#include "domain/csv_records.h"
#include "domain/error.h"

namespace sspr::domain::methods {
namespace {

constexpr std::array kColumns = {kCsvUpn, kCsvMobilePhone, kCsvOfficePhone, kCsvEmail};

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

Error bad_header(const std::string& detail) {
  return errors::invalid_input("csv", "header row: " + detail);
}

// For each known column, the index of its cell (or npos).
using ColumnIndex = std::array<std::size_t, kColumns.size()>;

Result<ColumnIndex> read_header(const CsvRecord& header) {
  ColumnIndex index;
  index.fill(std::string::npos);
  for (std::size_t cell = 0; cell < header.fields.size(); ++cell) {
    const std::string name = ascii_lower(trimmed(header.fields[cell]));
    std::size_t column = 0;
    while (column < kColumns.size() && kColumns[column] != name) ++column;
    if (column == kColumns.size()) {
      return bad_header("unknown column \"" + name +
                        "\" (expected upn,mobile_phone,office_phone,email)");
    }
    if (index[column] != std::string::npos) return bad_header("column " + name + " repeated");
    index[column] = cell;
  }
  if (index[0] == std::string::npos) return bad_header("no upn column");
  if (index[1] == std::string::npos && index[2] == std::string::npos &&
      index[3] == std::string::npos) {
    return bad_header("no mobile_phone, office_phone or email column");
  }
  return index;
}

std::optional<std::string> cell(const CsvRecord& record, std::size_t index) {
  if (index == std::string::npos) return std::nullopt;
  std::string value = trimmed(record.fields[index]);
  if (value.empty()) return std::nullopt;
  return value;
}

}  // namespace

Result<ContactMethodsFile> parse_contact_methods_csv(std::string_view text) {
  auto records = parse_csv_records(text, "csv");
  if (!records) return records.error();
  if (records->empty()) return bad_header("the file is empty");
  auto index = read_header(records->front());
  if (!index) return index.error();
  const std::size_t width = records->front().fields.size();

  ContactMethodsFile file;
  for (std::size_t i = 1; i < records->size(); ++i) {
    const CsvRecord& record = (*records)[i];
    auto reject = [&](std::string upn, const std::string& reason) {
      file.rejected.push_back({record.line, std::move(upn), "InvalidInput", reason});
    };
    const bool all_empty = std::all_of(record.fields.begin(), record.fields.end(),
                                       [](const std::string& f) { return trimmed(f).empty(); });
    if (all_empty) continue;  // spreadsheets write ",,," for empty lines
    if (record.fields.size() != width) {
      reject("", "expected " + std::to_string(width) + " cells, found " +
                     std::to_string(record.fields.size()));
      continue;
    }
    ContactMethodsRow row;
    row.line = record.line;
    row.upn = cell(record, (*index)[0]).value_or("");
    row.changes.mobile_phone = cell(record, (*index)[1]);
    row.changes.office_phone = cell(record, (*index)[2]);
    row.changes.email = cell(record, (*index)[3]);
    if (row.upn.empty()) {
      reject("", "upn: is empty");
    } else if (row.changes.empty()) {
      reject(row.upn, "no method given: every method cell is empty");
    } else {
      file.rows.push_back(std::move(row));
    }
  }
  return file;
}

}  // namespace sspr::domain::methods
