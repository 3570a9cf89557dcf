#pragma once
// The usage report (SPEC §11) from counts the store aggregates: self-service resets and
// unlocks per day, resets by the combination of methods whose gates were passed, failures
// by reason, and the administrators who reset passwords most. Pure arithmetic over the
// counted rows; nothing here reads events one by one.
//
// What is counted (all in the report's time range):
// - resets / unlocks: successful "Reset password (self-service)" / "Unlock user account
//   (self-service)" records;
// - failures: failed records of the self-service reset activities (reset, unlock, flow
//   progress, blocked); failures_by_reason groups them by result reason;
// - by_methods: each successful self-service reset by the sorted, '+'-joined set of methods
//   whose gates its flow passed ("email+mobile_phone"); "" when none was recorded;
// - admins_resetting: successful "Reset password (by admin)" and "Set password (by admin)"
//   records by actor.
// Lists are ordered: days ascending; the others by count descending, then name.

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sspr::domain::audit {

// The activities whose counts make up the report.
std::vector<std::string> usage_activities();
std::vector<std::string> self_service_reset_activities();  // failures are counted among these
std::vector<std::string> admin_reset_activities();

struct DayActivityCount {
  std::string day;  // YYYY-MM-DD
  std::string activity;
  std::string result;
  long long count = 0;
};

struct KeyCount {
  std::string key;
  long long count = 0;
};

struct UsageFacts {
  std::vector<DayActivityCount> per_day;       // grouped by day, activity, result
  std::vector<KeyCount> failure_reasons;       // failures of the self-service activities
  std::vector<KeyCount> admin_resets;          // by actor
  std::vector<std::set<std::string>> reset_methods;  // per successful reset: its gates' methods
};

struct DayUsage {
  std::string date;
  long long resets = 0;
  long long unlocks = 0;
  long long failures = 0;
};

struct UsageReport {
  std::vector<DayUsage> per_day;
  std::vector<KeyCount> by_methods;  // key: the method combination, count: resets
  std::vector<KeyCount> failures_by_reason;
  std::vector<KeyCount> admins_resetting;  // key: actor, count: resets
};

UsageReport build_usage_report(const UsageFacts& facts);

// "email+mobile_phone" for {"mobile_phone", "email"}.
std::string method_combination(const std::set<std::string>& methods);

}  // namespace sspr::domain::audit
