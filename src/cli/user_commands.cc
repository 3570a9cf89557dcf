// sspr user create | show | list | update | delete | set-password

#include <memory>

#include "cli/command_groups.h"
#include "cli/directory_text.h"
#include "cli/password_source.h"
#include "cli/text_table.h"
#include "flows/json_view.h"

namespace sspr::cli {
namespace {

struct UserOptions {
  domain::NewUser user;
  bool disabled = false;
  PasswordSource password;
  std::string tenant;
  std::size_t offset = 0;
  std::size_t limit = 100;
  // update: only the options given are changed.
  std::optional<std::string> display_name;
  std::optional<std::string> given_name;
  std::optional<std::string> surname;
  std::optional<std::string> email;
  bool enable = false;
  bool disable = false;
};

void create_user(CommandContext& context, UserOptions& options) {
  auto password = options.password.read();
  if (!password) return context.report_error(password.error());
  auto* directory = context.open_directory();
  if (!directory) return;
  options.user.enabled = !options.disabled;
  auto created =
      directory->create_user(context.actor(), context.request_context(), options.user, *password);
  if (!created) return context.report_error(created.error());
  std::string text = "created user " + user_label(created->user);
  if (password->has_value()) text += " with a password";
  if (!created->user.enabled) text += " (disabled)";
  context.print(flows::to_json(*created), text);
}

void show_user(CommandContext& context, const UserOptions& options) {
  auto* directory = context.open_directory();
  if (!directory) return;
  auto details = directory->user(context.actor(), options.user.upn);
  if (!details) return context.report_error(details.error());
  context.print(flows::to_json(*details), describe(*details));
}

void list_users(CommandContext& context, const UserOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto page =
      context.open_directory()->list_users(context.actor(), *tenant, options.offset, options.limit);
  if (!page) return context.report_error(page.error());
  nlohmann::json json = nlohmann::json::array();
  TextTable table({"UPN", "DISPLAY NAME", "SOURCE", "ENABLED"});
  for (const auto& user : page->users) {
    json.push_back(flows::to_json(user));
    std::string source(domain::to_string(user.source));
    if (user.auth_mode) source += " (" + std::string(domain::to_string(*user.auth_mode)) + ")";
    table.add_row({user.upn, user.display_name, source, user.enabled ? "yes" : "no"});
  }
  context.print(json, table.empty() ? "no users" : table.render());
}

void update_user(CommandContext& context, const UserOptions& options) {
  flows::UserChanges changes{options.display_name, options.given_name, options.surname,
                             options.email, std::nullopt};
  if (options.enable) changes.enabled = true;
  if (options.disable) changes.enabled = false;
  if (!changes.display_name && !changes.given_name && !changes.surname && !changes.email &&
      !changes.enabled) {
    return context.report_usage_error(
        "nothing to change: give --display-name, --given-name, --surname, --email, --enable or "
        "--disable");
  }
  auto* directory = context.open_directory();
  if (!directory) return;
  auto updated =
      directory->update_user(context.actor(), context.request_context(), options.user.upn, changes);
  if (!updated) return context.report_error(updated.error());
  context.print(flows::to_json(*updated), "updated user " + updated->user.upn);
}

void delete_user(CommandContext& context, const UserOptions& options) {
  auto* directory = context.open_directory();
  if (!directory) return;
  auto status =
      directory->delete_user(context.actor(), context.request_context(), options.user.upn);
  if (!status) return context.report_error(status.error());
  context.print({{"deleted", options.user.upn}}, "deleted user " + options.user.upn);
}

void set_password(CommandContext& context, const UserOptions& options) {
  if (!options.password.given()) {
    return context.report_usage_error(
        "a password is required: give --password-file F or "
        "--password-stdin");
  }
  auto password = options.password.read();
  if (!password) return context.report_error(password.error());
  auto* directory = context.open_directory();
  if (!directory) return;
  auto status = directory->set_password(context.actor(), context.request_context(),
                                        options.user.upn, **password);
  if (!status) return context.report_error(status.error());
  context.print({{"upn", options.user.upn}, {"password_set", true}},
                "set the password of " + options.user.upn);
}

}  // namespace

void register_user_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<UserOptions>();
  auto* group = app.add_subcommand("user", "create, inspect and change users");
  group->require_subcommand(1);

  auto* create = group->add_subcommand("create", "create a user in the tenant of its UPN's domain");
  create->add_option("--upn", options->user.upn, "user principal name, e.g. alice@contoso.example")
      ->required();
  create->add_option("--display-name", options->user.display_name, "full name shown to people")
      ->required();
  create->add_option("--given-name", options->user.given_name, "first name");
  create->add_option("--surname", options->user.surname, "last name");
  create->add_option("--email", options->user.email, "primary email address");
  create->add_flag("--disabled", options->disabled, "create the account disabled");
  create->add_option("--source", options->user.source, "where the account is mastered")
      ->check(CLI::IsMember({"cloud", "synced"}))
      ->capture_default_str();
  create
      ->add_option("--auth-mode", options->user.auth_mode,
                   "how a synced user signs in (default password_hash_sync)")
      ->check(CLI::IsMember({"password_hash_sync", "pass_through", "federated"}));
  create->add_option("--onprem-id", options->user.onprem_id,
                     "on-premises identity of a synced user (DN or objectGUID)");
  options->password.add_options(*create, false);
  create->callback([&context, options] { create_user(context, *options); });

  auto* show = group->add_subcommand("show", "show a user with groups, licences and roles");
  show->add_option("--upn", options->user.upn, "user principal name")->required();
  show->callback([&context, options] { show_user(context, *options); });

  auto* list = group->add_subcommand("list", "list the users of a tenant");
  list->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  list->add_option("--offset", options->offset, "skip this many users")->capture_default_str();
  list->add_option("--limit", options->limit, "show at most this many users")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  list->callback([&context, options] { list_users(context, *options); });

  auto* update = group->add_subcommand("update", "change a user's attributes");
  update->add_option("--upn", options->user.upn, "user principal name")->required();
  update->add_option("--display-name", options->display_name, "new display name");
  update->add_option("--given-name", options->given_name, "new first name");
  update->add_option("--surname", options->surname, "new last name");
  update->add_option("--email", options->email, "new primary email address");
  auto* enable = update->add_flag("--enable", options->enable, "enable the account");
  auto* disable = update->add_flag("--disable", options->disable, "disable the account");
  enable->excludes(disable);
  update->callback([&context, options] { update_user(context, *options); });

  auto* remove = group->add_subcommand("delete", "delete a user");
  remove->add_option("--upn", options->user.upn, "user principal name")->required();
  remove->callback([&context, options] { delete_user(context, *options); });

  auto* password = group->add_subcommand(
      "set-password", "set a user's password (a synced user's in the on-premises directory)");
  password->add_option("--upn", options->user.upn, "user principal name")->required();
  options->password.add_options(*password, true);
  password->callback([&context, options] { set_password(context, *options); });
}

}  // namespace sspr::cli
