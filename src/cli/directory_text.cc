#include "cli/directory_text.h"

#include <algorithm>

#include "cli/text_table.h"

namespace sspr::cli {
namespace {

// "label:      value" lines with the values aligned.
class FieldList {
 public:
  void add(const std::string& label, const std::string& value) {
    std::string padded = label + ":";
    padded.resize(std::max<std::size_t>(padded.size() + 1, 20), ' ');
    out_ += padded + value + '\n';
  }
  const std::string& text() const { return out_; }

 private:
  std::string out_;
};

std::string or_dash(const std::string& value) { return value.empty() ? "-" : value; }

}  // namespace

std::string user_label(const domain::User& user) {
  std::string label = user.upn + " (" + std::string(domain::to_string(user.source));
  if (user.auth_mode) label += ", " + std::string(domain::to_string(*user.auth_mode));
  return label + ")";
}

std::string describe(const domain::Tenant& tenant) {
  FieldList fields;
  fields.add("tenant", tenant.name);
  fields.add("domains", join_or(tenant.domains, "-"));
  fields.add("helpdesk", or_dash(tenant.helpdesk));
  fields.add("created", tenant.created_at);
  return fields.text();
}

std::string describe(const flows::UserDetails& details) {
  const domain::User& user = details.user;
  FieldList fields;
  fields.add("user", user.upn);
  fields.add("display name", user.display_name);
  fields.add("given name", or_dash(user.given_name));
  fields.add("surname", or_dash(user.surname));
  fields.add("email", or_dash(user.email));
  fields.add("tenant", details.tenant_name);
  fields.add("enabled", user.enabled ? "yes" : "no");
  fields.add("source", std::string(domain::to_string(user.source)));
  if (user.auth_mode) fields.add("auth mode", std::string(domain::to_string(*user.auth_mode)));
  if (!user.onprem_id.empty()) fields.add("on-premises id", user.onprem_id);
  if (!user.password_managed_on_premises()) {
    fields.add("password", user.has_password ? "set" : "not set");
  }
  fields.add("groups", join_or(details.groups, "none"));
  fields.add("licences", join_or(details.licenses, "none"));
  fields.add("SSPR licence", details.licensed_for_sspr ? "yes" : "no");
  fields.add("roles", join_or(details.roles, "none"));
  fields.add("created", user.created_at);
  return fields.text();
}

std::string describe(const flows::GroupDetails& details) {
  FieldList fields;
  fields.add("group", details.group.name);
  fields.add("description", or_dash(details.group.description));
  fields.add("licences", join_or(details.licenses, "none"));
  std::string text = fields.text();
  if (details.members.empty()) return text + "members:            none\n";
  TextTable members({"MEMBER", "TYPE"});
  for (const auto& member : details.members) {
    members.add_row({member.name, member.kind == domain::MemberKind::kUser ? "user" : "group"});
  }
  return text + "\n" + members.render();
}

}  // namespace sspr::cli
