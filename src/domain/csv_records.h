#pragma once
// Reading comma-separated text (RFC 4180) into records of fields. A field may be quoted with
// '"'; inside quotes a doubled quote stands for one, and commas and line breaks are part of
// the field. Records end at LF or CRLF. A UTF-8 byte-order mark at the start is skipped.
// Each record remembers the line it starts on, so reports can point at it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace sspr::domain {

struct CsvRecord {
  std::size_t line = 0;  // 1-based line of the record's first character
  std::vector<std::string> fields;
};

// Every record of `text`, blank lines left out. Errors: InvalidInput for `field` when a
// quote is never closed or a closing quote is followed by something other than a comma or
// the end of the record (the technical line names the line number).
Result<std::vector<CsvRecord>> parse_csv_records(std::string_view text,
                                                 const std::string& field = "csv");

}  // namespace sspr::domain
