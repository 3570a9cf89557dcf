#include "domain/audit/audit_csv.h"

namespace sspr::domain::audit {

namespace {

bool starts_like_formula(std::string_view field) {
  if (field.empty()) return false;
  switch (field.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

bool needs_quotes(std::string_view field) {
  return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

}  // namespace

void append_csv_field(std::string& out, std::string_view field) {
  const bool guard = starts_like_formula(field);
  if (!needs_quotes(field)) {
    if (guard) out += '\'';
    out += field;
    return;
  }
  out += '"';
  if (guard) out += '\'';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_row(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out += ',';
    first = false;
    append_csv_field(out, field);
  }
  out += "\r\n";
}

std::string csv_header() {
  std::string out;
  bool first = true;
  for (std::string_view column : kExportColumns) {
    if (!first) out += ',';
    first = false;
    out += column;
  }
  out += "\r\n";
  return out;
}

}  // namespace sspr::domain::audit
