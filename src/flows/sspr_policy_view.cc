#include "flows/sspr_policy_view.h"

namespace sspr::flows {
namespace {

namespace errors = domain::errors;
namespace policy = domain::policy;
using domain::Result;
using domain::Status;

// Reads one optional field of a given JSON type into `target`.
template <typename T>
Status read_field(const nlohmann::json& body, const char* name, std::optional<T>& target) {
  auto found = body.find(name);
  if (found == body.end()) return domain::ok_status();
  if constexpr (std::is_same_v<T, bool>) {
    if (!found->is_boolean()) return errors::invalid_input(name, "must be true or false");
  } else if constexpr (std::is_same_v<T, int>) {
    if (!found->is_number_integer()) return errors::invalid_input(name, "must be an integer");
    const auto value = found->get<long long>();
    if (value < -1'000'000 || value > 1'000'000) {
      return errors::invalid_input(name, "is out of range");
    }
    target = static_cast<int>(value);
    return domain::ok_status();
  } else {
    if (!found->is_string()) return errors::invalid_input(name, "must be a string");
  }
  target = found->get<T>();
  return domain::ok_status();
}

}  // namespace

nlohmann::json to_json(const SsprPolicyView& view) {
  if (!view.policy) return {{"configured", false}};
  nlohmann::json json = policy::policy_fields(*view.policy, view.group);
  json["configured"] = true;
  return json;
}

Result<SsprPolicyUpdate> policy_update_from_json(const nlohmann::json& body) {
  if (!body.is_object()) return errors::invalid_input("body", "must be a JSON object");
  SsprPolicyUpdate update;
  auto& change = update.change;
  std::optional<std::string> enabled;
  for (auto status : {read_field(body, "enabled", enabled),
                      read_field(body, "methods_required", change.methods_required),
                      read_field(body, "questions_to_register", change.questions_to_register),
                      read_field(body, "questions_to_reset", change.questions_to_reset),
                      read_field(body, "require_registration", change.require_registration),
                      read_field(body, "reconfirm_days", change.reconfirm_days),
                      read_field(body, "notify_users", change.notify_users),
                      read_field(body, "notify_admins", change.notify_admins),
                      read_field(body, "writeback", change.writeback),
                      read_field(body, "unlock", change.unlock)}) {
    if (!status) return status.error();
  }
  if (enabled) {
    change.enabled = policy::parse_enabled(*enabled);
    if (!change.enabled) return errors::invalid_input("enabled", "must be none, selected or all");
  }
  if (auto group = body.find("group"); group != body.end() && !group->is_null()) {
    if (!group->is_string()) return errors::invalid_input("group", "must be a group name");
    update.group = group->get<std::string>();
  }
  if (auto found = body.find("helpdesk"); found != body.end()) {
    if (found->is_null()) {
      change.helpdesk = "";
    } else if (found->is_string()) {
      change.helpdesk = found->get<std::string>();
    } else {
      return errors::invalid_input("helpdesk", "must be a URL, an email address or null");
    }
  }
  if (auto methods = body.find("methods"); methods != body.end()) {
    if (!methods->is_array()) return errors::invalid_input("methods", "must be an array");
    policy::MethodSet set;
    for (const auto& item : *methods) {
      auto method = item.is_string() ? policy::parse_method(item.get<std::string>()) : std::nullopt;
      if (!method) return errors::invalid_input("methods", "holds an unknown method type");
      if (!set.insert(*method).second) {
        return errors::invalid_input("methods", "holds a method type twice");
      }
    }
    change.methods = std::move(set);
  }
  return update;
}

}  // namespace sspr::flows
