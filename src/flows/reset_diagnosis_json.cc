#include "flows/reset_diagnosis_json.h"

#include "domain/policy/method_type.h"
#include "flows/explanation_text.h"
#include "flows/sspr_policy_view.h"
#include "i18n/catalogue.h"

namespace sspr::flows {
namespace {

namespace de = domain::eligibility;
namespace dp = domain::policy;
using nlohmann::json;

std::string_view result_name(de::CheckResult result) {
  switch (result) {
    case de::CheckResult::kPassed:
      return "passed";
    case de::CheckResult::kFailed:
      return "failed";
    case de::CheckResult::kNotApplicable:
      return "not_applicable";
    case de::CheckResult::kNotReached:
      return "not_reached";
  }
  return "";
}

json error_json(const domain::Error& error, std::string_view language) {
  return {{"code", error.code},
          {"name", error.name},
          {"message", i18n::translate(language, error.message_key)},
          {"technical", error.technical}};
}

json names(const std::vector<dp::MethodType>& types) {
  json out = json::array();
  for (auto type : types) out.push_back(dp::method_name(type));
  return out;
}

std::string_view policy_kind(const de::EligibilityFacts& facts) {
  if (facts.is_admin) return "administrators";
  return facts.policy ? "tenant" : "none";
}

}  // namespace

json to_json(const UserDiagnosis& diagnosis, std::string_view language) {
  const auto& facts = diagnosis.facts;
  const auto& user = diagnosis.user;
  json account = {{"enabled", user.enabled},
                  {"source", domain::to_string(user.source)},
                  {"administrator", facts.is_admin},
                  {"roles", diagnosis.roles},
                  {"licenses", facts.skus}};
  if (user.auth_mode) account["auth_mode"] = domain::to_string(*user.auth_mode);

  const auto& status = facts.registration;
  json policy = {{"applies", policy_kind(facts)},
                 {"text", render(diagnosis.policy, language)},
                 {"methods_required", status.methods_required}};
  if (facts.policy) {
    policy["enabled"] = dp::enabled_name(facts.policy->enabled);
    if (facts.policy->enabled == dp::SsprEnabled::kSelected) {
      policy["group"] = facts.scoped_group_name;
    }
    policy["writeback"] = facts.policy->writeback;
  }

  json methods = json::array();
  for (const auto& method : diagnosis.methods) {
    methods.push_back({{"type", dp::method_name(method.type)},
                       {"masked", method.masked},
                       {"source", domain::methods::to_string(method.source)}});
  }

  json checks = json::array();
  for (const auto& check : diagnosis.checks) {
    json item = {{"number", check.number},
                 {"check", de::check_name(check.check)},
                 {"result", result_name(check.result)}};
    if (check.error) item["error"] = error_json(*check.error, language);
    if (check.reason) item["reason"] = render(*check.reason, language);
    if (check.fix) {
      item["fix"] = render(*check.fix, language);
      item["fix_key"] = check.fix->key;
    }
    checks.push_back(std::move(item));
  }

  const auto& throttle = diagnosis.throttle;
  json throttling = {
      {"result", throttle.refused ? "failed" : "passed"},
      {"blocked_until", throttle.blocked_until ? json(*throttle.blocked_until) : json(nullptr)},
      {"reset_attempts_last_hour", throttle.reset_attempts},
      {"reset_attempt_limit", throttle.reset_attempt_limit}};
  if (throttle.error) throttling["error"] = error_json(*throttle.error, language);
  if (throttle.fix) {
    throttling["fix"] = render(*throttle.fix, language);
    throttling["fix_key"] = throttle.fix->key;
  }

  json first_failure = nullptr;
  for (const auto& check : diagnosis.checks) {
    if (check.result != de::CheckResult::kFailed) continue;
    first_failure = error_json(*check.error, language);
    first_failure["check"] = de::check_name(check.check);
    break;
  }
  if (first_failure.is_null() && throttle.error) {
    first_failure = error_json(*throttle.error, language);
    first_failure["check"] = "Throttling";
  }

  return {{"user", user.upn},
          {"tenant", diagnosis.tenant_domain},
          {"language", language},
          {"can_reset", diagnosis.can_reset()},
          {"account", std::move(account)},
          {"policy", std::move(policy)},
          {"methods", std::move(methods)},
          {"security_questions_registered", diagnosis.security_questions_registered},
          {"registration",
           {{"registered", status.registered},
            {"methods_required", status.methods_required},
            {"methods_counted", status.methods_counted},
            {"usable", names(status.usable)},
            {"registrable", names(status.registrable)},
            {"security_questions_missing", status.security_questions_missing}}},
          {"checks", std::move(checks)},
          {"throttling", std::move(throttling)},
          {"first_failure", std::move(first_failure)}};
}

json to_json(const TenantDiagnosisView& view, std::string_view language) {
  const auto& diagnosis = view.diagnosis;
  json findings = json::array();
  for (const auto& finding : diagnosis.findings) {
    json item = {{"id", finding.id},
                 {"severity", de::severity_name(finding.severity)},
                 {"affected", finding.affected},
                 {"examples", finding.examples},
                 {"text", render(finding.text, language)},
                 {"fix", render(finding.fix, language)}};
    if (finding.error) item["error"] = error_json(*finding.error, language);
    findings.push_back(std::move(item));
  }
  json onprem = nullptr;
  if (view.onprem_status) {
    onprem = {{"state", domain::onprem::connection_state_name(view.onprem_status->state)},
              {"since", view.onprem_status->since},
              {"checked_at", view.onprem_status->checked_at},
              {"reason", view.onprem_status->reason}};
  }
  return {{"tenant", view.tenant.domains.empty() ? "" : view.tenant.domains.front()},
          {"name", view.tenant.name},
          {"onprem", std::move(onprem)},
          {"language", language},
          {"policy", to_json(SsprPolicyView{view.policy, view.scoped_group})},
          {"users", diagnosis.users},
          {"users_in_scope", diagnosis.users_in_scope},
          {"users_can_reset", diagnosis.users_can_reset},
          {"administrators", diagnosis.administrators},
          {"administrators_can_reset", diagnosis.administrators_can_reset},
          {"blocks_users", diagnosis.blocks_users()},
          {"findings", std::move(findings)}};
}

}  // namespace sspr::flows
