#pragma once
// One stored audit record as a line of the export, appended to a reused buffer: CSV
// (domain/audit/audit_csv.h: RFC 4180, formula-guarded, details as its JSON text) or a JSON
// object with the export's columns (details embedded as the JSON it is stored as). No JSON
// value is built per record.

#include <string>
#include <string_view>

#include "store/store.h"

namespace sspr::flows {

void append_csv_record(std::string& out, const store::AuditRow& row, std::string_view tenant);
void append_json_record(std::string& out, const store::AuditRow& row, std::string_view tenant);

// `text` as a JSON string literal (quotes included).
void append_json_string(std::string& out, std::string_view text);

}  // namespace sspr::flows
