#pragma once
// Audit records as CSV (RFC 4180) for spreadsheets: a field holding a comma, quote, CR or LF
// is quoted with its quotes doubled; a field starting with = + - @ TAB or CR gets a leading
// apostrophe so a spreadsheet shows it as text instead of running it as a formula. Rows end
// with CRLF. Writes into a caller's buffer (the export reuses one for every row). Pure.

#include <initializer_list>
#include <string>
#include <string_view>

namespace sspr::domain::audit {

// The export's columns, in order (the header row, the JSON member names).
inline constexpr std::string_view kExportColumns[] = {
    "time",           "tenant",       "category",  "activity", "actor",  "target", "result",
    "result_reason", "correlation_id", "support_code", "client_ip", "details"};

// Appends one field, escaped and guarded.
void append_csv_field(std::string& out, std::string_view field);

// Appends the fields separated by commas, then CRLF.
void append_csv_row(std::string& out, std::initializer_list<std::string_view> fields);

// The header row of kExportColumns.
std::string csv_header();

}  // namespace sspr::domain::audit
