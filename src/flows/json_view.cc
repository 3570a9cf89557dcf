#include "flows/json_view.h"

namespace sspr::flows {

using nlohmann::json;

json to_json(const domain::Tenant& tenant) {
  return {{"id", tenant.id},
          {"name", tenant.name},
          {"domains", tenant.domains},
          {"helpdesk", tenant.helpdesk},
          {"created_at", tenant.created_at}};
}

json to_json(const domain::User& user) {
  return {{"id", user.id},
          {"upn", user.upn},
          {"display_name", user.display_name},
          {"given_name", user.given_name},
          {"surname", user.surname},
          {"email", user.email},
          {"enabled", user.enabled},
          {"source", domain::to_string(user.source)},
          {"auth_mode", user.auth_mode ? json(domain::to_string(*user.auth_mode)) : json()},
          {"onprem_id", user.onprem_id},
          {"has_password", user.has_password},
          {"created_at", user.created_at},
          {"updated_at", user.updated_at}};
}

json to_json(const UserDetails& details) {
  json out = to_json(details.user);
  out["tenant"] = details.tenant_name;
  out["groups"] = details.groups;
  out["licenses"] = details.licenses;
  out["roles"] = details.roles;
  out["is_administrator"] = details.is_administrator;
  out["licensed_for_sspr"] = details.licensed_for_sspr;
  return out;
}

json to_json(const domain::Group& group) {
  return {{"id", group.id},
          {"name", group.name},
          {"description", group.description},
          {"created_at", group.created_at}};
}

json to_json(const GroupDetails& details) {
  json out = to_json(details.group);
  json members = json::array();
  for (const auto& member : details.members) {
    members.push_back({{"type", member.kind == domain::MemberKind::kUser ? "user" : "group"},
                       {"name", member.name}});
  }
  out["members"] = std::move(members);
  out["licenses"] = details.licenses;
  return out;
}

json to_json(const domain::Subscription& subscription) {
  return {{"sku", subscription.sku},
          {"seats", subscription.seats ? json(*subscription.seats) : json()},
          {"assigned", subscription.assigned}};
}

json to_json(const domain::ApiToken& token) {
  return {{"id", token.id},
          {"name", token.name},
          {"role", token.role},
          {"created_at", token.created_at},
          {"revoked", token.revoked}};
}

json to_json(const domain::AuditEvent& event) {
  return {{"id", event.id},
          {"time", event.time},
          {"tenant_id", event.tenant_id},
          {"category", event.category},
          {"activity", event.activity},
          {"actor", event.actor},
          {"target", event.target},
          {"result", event.result},
          {"result_reason", event.result_reason},
          {"correlation_id", event.correlation_id},
          {"support_code", event.support_code},
          {"client_ip", event.client_ip},
          {"details", event.details}};
}

}  // namespace sspr::flows
