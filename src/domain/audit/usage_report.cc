#include "domain/audit/usage_report.h"

#include <algorithm>
#include <map>

#include "domain/audit_event.h"

namespace sspr::domain::audit {

namespace {

namespace activity = audit_activity;

std::vector<KeyCount> by_count(std::map<std::string, long long> counts) {
  std::vector<KeyCount> out;
  for (auto& [key, count] : counts) out.push_back({key, count});
  std::stable_sort(out.begin(), out.end(),
                   [](const KeyCount& a, const KeyCount& b) { return a.count > b.count; });
  return out;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::vector<std::string> self_service_reset_activities() {
  return {std::string(activity::kResetSelfService), std::string(activity::kUnlockSelfService),
          std::string(activity::kFlowProgress), std::string(activity::kBlocked)};
}

std::vector<std::string> admin_reset_activities() {
  return {std::string(activity::kResetByAdmin), std::string(activity::kSetPassword)};
}

std::vector<std::string> usage_activities() {
  auto out = self_service_reset_activities();
  for (auto& name : admin_reset_activities()) out.push_back(std::move(name));
  return out;
}

std::string method_combination(const std::set<std::string>& methods) {
  std::string out;
  for (const auto& method : methods) {
    if (!out.empty()) out += '+';
    out += method;
  }
  return out;
}

UsageReport build_usage_report(const UsageFacts& facts) {
  const auto self_service = self_service_reset_activities();
  std::map<std::string, DayUsage> days;
  for (const auto& row : facts.per_day) {
    auto& day = days[row.day];
    day.date = row.day;
    if (row.result == "failure") {
      if (contains(self_service, row.activity)) day.failures += row.count;
    } else if (row.activity == activity::kResetSelfService) {
      day.resets += row.count;
    } else if (row.activity == activity::kUnlockSelfService) {
      day.unlocks += row.count;
    }
  }
  UsageReport report;
  for (auto& [date, day] : days) {
    if (day.resets || day.unlocks || day.failures) report.per_day.push_back(day);
  }
  std::map<std::string, long long> combinations;
  for (const auto& methods : facts.reset_methods) ++combinations[method_combination(methods)];
  report.by_methods = by_count(std::move(combinations));
  std::map<std::string, long long> reasons;
  for (const auto& row : facts.failure_reasons) reasons[row.key] += row.count;
  report.failures_by_reason = by_count(std::move(reasons));
  std::map<std::string, long long> actors;
  for (const auto& row : facts.admin_resets) actors[row.key] += row.count;
  report.admins_resetting = by_count(std::move(actors));
  return report;
}

}  // namespace sspr::domain::audit
