#include "domain/audit/audit_filter.h"

#include <charconv>

#include "domain/clock.h"
#include "domain/error.h"

namespace sspr::domain::audit {

namespace {

bool is_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

std::optional<long long> positive_number(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace

Result<std::string> normalise_time_bound(const std::string& field, const std::string& text) {
  if (text.empty()) return std::string();
  const std::string full = is_date(text) ? text + "T00:00:00Z" : text;
  const auto parsed = parse_iso8601(full);
  if (!parsed) {
    return errors::invalid_input(field,
                                 "must be an ISO 8601 UTC time such as 2026-11-23T10:00:00Z "
                                 "or a date such as 2026-11-23");
  }
  return to_iso8601(*parsed);
}

Result<AuditFilter> validate_audit_filter(AuditFilter filter) {
  for (auto [field, value] : {std::pair<const char*, std::string*>{"since", &filter.since},
                              {"until", &filter.until}}) {
    auto normalised = normalise_time_bound(field, *value);
    if (!normalised) return normalised.error();
    *value = std::move(*normalised);
  }
  if (!filter.since.empty() && !filter.until.empty() && filter.until <= filter.since) {
    return errors::invalid_input("until", "must be later than since");
  }
  if (!filter.result.empty() && filter.result != "success" && filter.result != "failure") {
    return errors::invalid_input("result", "must be success or failure");
  }
  return filter;
}

Result<std::size_t> page_size(const std::optional<std::string>& limit) {
  if (!limit) return kDefaultPageSize;
  const auto value = positive_number(*limit);
  if (!value || *value > static_cast<long long>(kMaxPageSize)) {
    return errors::invalid_input("limit", "must be a whole number from 1 to 1000");
  }
  return static_cast<std::size_t>(*value);
}

std::string cursor_after(long long seq) { return std::to_string(seq); }

Result<long long> parse_cursor(const std::string& cursor) {
  const auto value = positive_number(cursor);
  if (!value) return errors::invalid_input("cursor", "is not a cursor this server handed out");
  return *value;
}

}  // namespace sspr::domain::audit
