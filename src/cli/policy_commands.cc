// sspr policy set | show: a tenant's self-service password reset policy (SPEC §2,
// CONTRACT.md). A refused policy exits 2 with the reason on one line.

#include <memory>

#include "cli/command_groups.h"
#include "domain/policy/method_type.h"
#include "flows/sspr_policy_view.h"

namespace sspr::cli {
namespace {

namespace policy = domain::policy;

struct PolicyOptions {
  std::string tenant;
  std::optional<std::string> enabled;
  std::optional<std::string> group;
  std::optional<int> methods_required;
  std::optional<std::string> methods;
  std::optional<int> questions_to_register;
  std::optional<int> questions_to_reset;
  std::optional<std::string> require_registration;
  std::optional<int> reconfirm_days;
  std::optional<std::string> notify_users;
  std::optional<std::string> notify_admins;
  std::optional<std::string> helpdesk;
  std::optional<std::string> writeback;
  std::optional<std::string> unlock;
};

std::optional<bool> on_off(const std::optional<std::string>& value) {
  if (!value) return std::nullopt;
  return *value == "on";
}

std::string on_off_text(bool value) { return value ? "on" : "off"; }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// The settings as an administrator reads them; dependent options only when their parent is
// on (SPEC §2).
std::string policy_text(const flows::SsprPolicyView& view, const std::string& tenant) {
  if (!view.policy) {
    return "self-service password reset: not configured for " + tenant +
           " (users see SSPR_0011 SsprNotEnabledInUserPolicy)";
  }
  const auto& p = *view.policy;
  std::string text = "self-service password reset for " + tenant + "\n";
  text += "  enabled:                " + std::string(policy::enabled_name(p.enabled)) + "\n";
  if (p.enabled == policy::SsprEnabled::kSelected) {
    text += "  group:                  " + view.group.value_or("(deleted)") + "\n";
  }
  text += "  methods required:       " + std::to_string(p.methods_required) + "\n";
  text += "  methods:                " + joined(policy::method_names(p.methods)) + "\n";
  if (p.methods.contains(policy::MethodType::kSecurityQuestions)) {
    text += "  questions to register:  " + std::to_string(p.questions_to_register) + "\n";
    text += "  questions to reset:     " + std::to_string(p.questions_to_reset) + "\n";
  }
  text += "  require registration:   " + on_off_text(p.require_registration) + "\n";
  if (p.require_registration) {
    text += "  reconfirm after days:   " +
            (p.reconfirm_days == 0 ? std::string("never") : std::to_string(p.reconfirm_days)) +
            "\n";
  }
  text += "  notify users:           " + on_off_text(p.notify_users) + "\n";
  text += "  notify admins:          " + on_off_text(p.notify_admins) + "\n";
  text += "  helpdesk:               " + (p.helpdesk.empty() ? "(none)" : p.helpdesk) + "\n";
  text += "  writeback:              " + on_off_text(p.writeback) + "\n";
  text += "  unlock without reset:   " + on_off_text(p.unlock);
  return text;
}

void print_policy(CommandContext& context, const flows::SsprPolicyView& view,
                  const std::string& tenant) {
  nlohmann::json json = flows::to_json(view);
  json["tenant"] = tenant;
  context.print(json, policy_text(view, tenant));
}

domain::Result<flows::SsprPolicyUpdate> update_of(const PolicyOptions& options) {
  flows::SsprPolicyUpdate update;
  auto& change = update.change;
  if (options.enabled) change.enabled = policy::parse_enabled(*options.enabled);
  update.group = options.group;
  change.methods_required = options.methods_required;
  if (options.methods) {
    auto methods = policy::parse_method_list(*options.methods, "--methods");
    if (!methods) return methods.error();
    change.methods = *methods;
  }
  change.questions_to_register = options.questions_to_register;
  change.questions_to_reset = options.questions_to_reset;
  change.require_registration = on_off(options.require_registration);
  change.reconfirm_days = options.reconfirm_days;
  change.notify_users = on_off(options.notify_users);
  change.notify_admins = on_off(options.notify_admins);
  change.helpdesk = options.helpdesk;
  change.writeback = on_off(options.writeback);
  change.unlock = on_off(options.unlock);
  return update;
}

void set_policy(CommandContext& context, const PolicyOptions& options) {
  auto update = update_of(options);
  if (!update) return context.report_error(update.error());
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto view = context.open_directory()->set_sspr_policy(context.actor(), context.request_context(),
                                                        *tenant, *update);
  if (!view) return context.report_error(view.error());
  print_policy(context, *view, options.tenant);
}

void show_policy(CommandContext& context, const PolicyOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto view = context.open_directory()->sspr_policy(context.actor(), *tenant);
  if (!view) return context.report_error(view.error());
  print_policy(context, *view, options.tenant);
}

}  // namespace

void register_policy_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<PolicyOptions>();
  const auto on_off_values = CLI::IsMember({"on", "off"});

  auto* group = app.add_subcommand("policy", "a tenant's self-service password reset policy");
  group->require_subcommand(1);

  auto* set = group->add_subcommand(
      "set", "change the settings given; the others keep their value (defaults the first time)");
  set->add_option("--tenant", options->tenant, "tenant (any of its domains)")->required();
  set->add_option("--enabled", options->enabled, "who may reset (default none)")
      ->check(CLI::IsMember({"none", "selected", "all"}));
  set->add_option("--group", options->group, "the group of --enabled selected (nested members)");
  set->add_option("--methods-required", options->methods_required,
                  "methods needed to reset: 1 or 2 (default 1)");
  set->add_option("--methods", options->methods,
                  "comma-separated: email, mobile_phone, office_phone, security_questions, "
                  "app_code, app_notification (default email,mobile_phone)");
  set->add_option("--questions-to-register", options->questions_to_register,
                  "security questions to register, 3-5 (default 3)");
  set->add_option("--questions-to-reset", options->questions_to_reset,
                  "security questions to reset, 3-5, at most those to register (default 3)");
  set->add_option("--require-registration", options->require_registration,
                  "send unregistered users to registration at sign-in (default on)")
      ->check(on_off_values);
  set->add_option("--reconfirm-days", options->reconfirm_days,
                  "days before users must reconfirm their information, 0-730, 0 = never "
                  "(default 180)");
  set->add_option("--notify-users", options->notify_users,
                  "notify users when their password is reset (default on)")
      ->check(on_off_values);
  set->add_option("--notify-admins", options->notify_admins,
                  "notify all administrators when another administrator resets (default off)")
      ->check(on_off_values);
  set->add_option("--helpdesk", options->helpdesk,
                  "helpdesk link (http(s) URL) or email shown to users; \"\" removes it");
  set->add_option("--writeback", options->writeback,
                  "write passwords back on premises (needs an on-premises connection)")
      ->check(on_off_values);
  set->add_option("--unlock", options->unlock,
                  "allow unlocking without a reset (needs an on-premises connection)")
      ->check(on_off_values);
  set->callback([&context, options] { set_policy(context, *options); });

  auto* show = group->add_subcommand("show", "show the policy (or that there is none)");
  show->add_option("--tenant", options->tenant, "tenant (any of its domains)")->required();
  show->callback([&context, options] { show_policy(context, *options); });
}

}  // namespace sspr::cli
