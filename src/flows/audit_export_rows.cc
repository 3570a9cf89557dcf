#include "flows/audit_export_rows.h"

#include "domain/audit/audit_csv.h"

namespace sspr::flows {

namespace {

constexpr char kHex[] = "0123456789abcdef";

}  // namespace

void append_csv_record(std::string& out, const store::AuditRow& row, std::string_view tenant) {
  domain::audit::append_csv_row(
      out, {row.time, tenant, row.category, row.activity, row.actor, row.target, row.result,
            row.result_reason, row.correlation_id, row.support_code, row.client_ip, row.details});
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t plain = 0;  // start of the run of characters copied as they are
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(text.data() + plain, text.size() - plain);
  out += '"';
}

void append_json_record(std::string& out, const store::AuditRow& row, std::string_view tenant) {
  const std::string_view values[] = {
      row.time,           tenant,           row.category, row.activity,
      row.actor,          row.target,       row.result,   row.result_reason,
      row.correlation_id, row.support_code, row.client_ip};
  out += '{';
  std::size_t i = 0;
  for (std::string_view column : domain::audit::kExportColumns) {
    if (i) out += ',';
    out += '"';
    out += column;
    out += "\":";
    if (i < std::size(values)) {
      append_json_string(out, values[i]);
    } else {
      out += row.details.empty() ? std::string_view("{}") : std::string_view(row.details);
    }
    ++i;
  }
  out += '}';
}

}  // namespace sspr::flows
