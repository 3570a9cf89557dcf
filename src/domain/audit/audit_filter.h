#pragma once
// The filters an administrator puts on the audit log (SPEC §11) as typed, and their checks:
// times are ISO 8601 UTC or a bare date (midnight UTC) and come out normalised to the stored
// form ("YYYY-MM-DDTHH:MM:SS.mmmZ", which sorts as text); the result is "success" or
// "failure"; a page holds 1 to 1000 records (100 when not given); the paging cursor is the
// opaque text of a record's sequence number. Pure.

#include <cstddef>
#include <optional>
#include <string>

#include "domain/result.h"

namespace sspr::domain::audit {

inline constexpr std::size_t kDefaultPageSize = 100;
inline constexpr std::size_t kMaxPageSize = 1000;

struct AuditFilter {
  std::string since;  // inclusive; "" = no bound
  std::string until;  // exclusive; "" = no bound
  std::string category;
  std::string activity;
  std::string user;  // target or actor
  std::string target;  // target only
  std::string result;
  std::string correlation_id;
};

// The filter with its times normalised, or InvalidInput naming the bad field.
Result<AuditFilter> validate_audit_filter(AuditFilter filter);

// A time bound as typed ("2026-11-23", "2026-11-23T10:00:00Z", ...) in the stored form.
Result<std::string> normalise_time_bound(const std::string& field, const std::string& text);

// The page size from the `limit` parameter (InvalidInput unless 1..1000).
Result<std::size_t> page_size(const std::optional<std::string>& limit);

// The cursor of the next page after a record with this sequence number, and back.
std::string cursor_after(long long seq);
Result<long long> parse_cursor(const std::string& cursor);

}  // namespace sspr::domain::audit
