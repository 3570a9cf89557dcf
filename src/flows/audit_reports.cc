#include "flows/audit_reports.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <unordered_map>

#include "domain/audit/audit_filter.h"
#include "domain/eligibility/registration_standing.h"
#include "domain/policy/method_type.h"
#include "flows/directory_access.h"
#include "flows/in_transaction.h"
#include "flows/tenant_facts.h"

namespace sspr::flows {

namespace {

using domain::Result;
using domain::Status;
namespace audit = domain::audit;
namespace de = domain::eligibility;

// A reset flow lasts at most this long (15 minutes idle per step, a few steps): gates of a
// reset inside the range are looked for this much earlier.
constexpr auto kFlowLookBack = std::chrono::hours(2);

std::vector<std::string> methods_of(const de::TenantMember& member) {
  auto methods = member.registered.methods;
  if (member.registered.security_questions_registered > 0) {
    methods.insert(domain::methods::MethodType::kSecurityQuestions);
  }
  return domain::policy::method_names(methods);
}

std::string text_member(const nlohmann::json& details, const char* name) {
  if (!details.is_object()) return {};
  auto found = details.find(name);
  return found != details.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::vector<audit::KeyCount> key_counts(const std::vector<store::AuditCount>& counts) {
  std::vector<audit::KeyCount> out;
  for (const auto& count : counts) out.push_back({count.keys.at(0), count.count});
  return out;
}

}  // namespace

Result<RegistrationReport> AuditReports::registration(const domain::Actor& actor,
                                                      domain::TenantId tenant_id) {
  std::optional<GatheredTenantFacts> gathered;
  const auto now = clock_.now();
  auto status = store_.read([&](store::StoreTransaction& tx) -> Status {
    auto tenant = detail::find_tenant(tx, actor, tenant_id, domain::Permission::kReadAudit);
    if (!tenant) return tenant.error();
    auto policy = tx.find_sspr_policy(tenant->id);
    std::optional<std::string> scoped_group;
    if (policy && policy->group_id) {
      auto group = tx.find_group(*policy->group_id);
      if (group && group->tenant_id == tenant->id) scoped_group = group->name;
    }
    gathered = gather_tenant_facts(tx, *tenant, policy, scoped_group, now);
    return domain::ok_status();
  });
  if (!status) return status.error();

  const auto& users = gathered->facts.users;
  de::RegistrationStandings standings(gathered->facts, now);
  de::RegistrationTotals totals;
  RegistrationReport report;
  report.users.reserve(users.size());
  for (std::size_t i = 0; i < users.size(); ++i) {
    const auto standing = standings.of(users[i]);
    totals.add(standing);
    report.users.push_back({users[i].upn, std::move(gathered->display_names[i]),
                            methods_of(users[i]), standing.registered, standing.capable,
                            standing.in_scope, std::move(gathered->last_updated[i])});
  }
  std::sort(report.users.begin(), report.users.end(),
            [](const auto& a, const auto& b) { return a.upn < b.upn; });
  report.users_total = totals.users;
  report.in_scope = totals.in_scope;
  report.registered = totals.registered;
  report.capable = totals.capable;
  report.registered_percent = totals.registered_percent();
  report.capable_percent = totals.capable_percent();
  return report;
}

Result<audit::UsageReport> AuditReports::usage(const domain::Actor& actor, domain::TenantId tenant,
                                               const std::string& since, const std::string& until) {
  audit::AuditFilter filter;
  filter.since = since;
  filter.until = until;
  auto checked = audit::validate_audit_filter(filter);
  if (!checked) return checked.error();
  audit::UsageFacts facts;
  auto status = store_.read([&](store::StoreTransaction& tx) -> Status {
    auto found = detail::find_tenant(tx, actor, tenant, domain::Permission::kReadAudit);
    if (!found) return found.error();
    store::AuditQuery query;
    query.tenant_id = tenant;
    query.since = checked->since;
    query.until = checked->until;

    query.activities = audit::usage_activities();
    for (const auto& row :
         tx.count_audit(query, {store::AuditColumn::kDay, store::AuditColumn::kActivity,
                                store::AuditColumn::kResult})) {
      facts.per_day.push_back({row.keys[0], row.keys[1], row.keys[2], row.count});
    }
    query.activities = audit::self_service_reset_activities();
    query.result = "failure";
    facts.failure_reasons = key_counts(tx.count_audit(query, {store::AuditColumn::kResultReason}));
    query.activities = audit::admin_reset_activities();
    query.result = "success";
    facts.admin_resets = key_counts(tx.count_audit(query, {store::AuditColumn::kActor}));

    // Method combinations: the flows of the successful resets, then their passed gates.
    std::unordered_map<std::string, std::set<std::string>> flows;
    query.activities = {std::string(domain::audit_activity::kResetSelfService)};
    tx.stream_audit(query, [&](const store::AuditRow& row) {
      const auto details = nlohmann::json::parse(row.details, nullptr, false);
      if (auto flow = text_member(details, "flow_id"); !flow.empty()) flows[flow];
      return true;
    });
    if (!flows.empty()) {
      query.activities = {std::string(domain::audit_activity::kFlowProgress)};
      if (!query.since.empty()) {
        query.since = domain::to_iso8601(*domain::parse_iso8601(query.since) - kFlowLookBack);
      }
      tx.stream_audit(query, [&](const store::AuditRow& row) {
        if (row.details.find("\"gate passed\"") == std::string::npos) return true;
        const auto details = nlohmann::json::parse(row.details, nullptr, false);
        if (text_member(details, "step") != "gate passed") return true;
        auto flow = flows.find(text_member(details, "flow_id"));
        if (flow == flows.end()) return true;
        if (auto method = text_member(details, "method"); !method.empty()) {
          flow->second.insert(method);
        }
        return true;
      });
    }
    for (auto& [flow, methods] : flows) facts.reset_methods.push_back(std::move(methods));
    return domain::ok_status();
  });
  if (!status) return status.error();
  return audit::build_usage_report(facts);
}

}  // namespace sspr::flows
