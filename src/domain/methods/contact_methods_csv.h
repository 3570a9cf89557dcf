#pragma once
// The bulk pre-population file (docs/OPERATIONS.md "Pre-populating methods"): CSV with the
// header row `upn,mobile_phone,office_phone,email` (any order, names case-insensitive, upn
// required, at least one other column), then one user per row. An empty cell leaves that
// method unchanged. Only the shape is checked here; the values are validated when each row
// is applied, so one bad row never stops the others.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace sspr::domain::methods {

// The columns of a pre-population file, as named in its header.
inline constexpr std::string_view kCsvUpn = "upn";
inline constexpr std::string_view kCsvMobilePhone = "mobile_phone";
inline constexpr std::string_view kCsvOfficePhone = "office_phone";
inline constexpr std::string_view kCsvEmail = "email";

// What an administrator asks to set for one user; nullopt leaves a method as it is.
struct ContactMethodChanges {
  std::optional<std::string> mobile_phone;
  std::optional<std::string> office_phone;
  std::optional<std::string> email;

  bool empty() const { return !mobile_phone && !office_phone && !email; }
};

struct ContactMethodsRow {
  std::size_t line = 0;  // 1-based line in the file
  std::string upn;
  ContactMethodChanges changes;
};

// A row refused before or while it was applied.
struct RejectedRow {
  std::size_t line = 0;
  std::string upn;     // as given ("" when the row has none)
  std::string error;   // error name, e.g. "InvalidInput"
  std::string reason;  // technical reason; never repeats a phone number or address
};

struct ContactMethodsFile {
  std::vector<ContactMethodsRow> rows;  // well-shaped rows, in file order
  std::vector<RejectedRow> rejected;    // rows of the wrong shape
};

// Errors (the whole file is refused): InvalidInput for "csv" when the text is not CSV or the
// header is missing, names an unknown or repeated column, or lacks upn or every method
// column. Rows with the wrong number of cells, no UPN, or no method are rejected rows; rows
// whose cells are all empty are skipped.
Result<ContactMethodsFile> parse_contact_methods_csv(std::string_view text);

}  // namespace sspr::domain::methods
