// sspr serve | demo | routes

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/command_groups.h"
#include "cli/demo_directory.h"
#include "cli/text_table.h"
#include "flows/secret_key_rotation.h"
#include "http/route_families.h"
#include "http/route_listing.h"
#include "http/server.h"
#include "platform/crash_output.h"

namespace sspr::cli {
namespace {

// HOST:PORT with a port of 0-65535; a malformed address is bad usage (exit 2), while a
// well-formed one that cannot be bound is the server's failure (exit 1).
const CLI::Validator kListenAddress(
    [](std::string& value) -> std::string {
      const auto colon = value.rfind(':');
      if (colon == std::string::npos || colon == 0)
        return "expected HOST:PORT, got '" + value + "'";
      const std::string port = value.substr(colon + 1);
      if (port.empty() || port.size() > 5 ||
          port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535) {
        return "the port of '" + value + "' is not a number from 0 to 65535";
      }
      return {};
    },
    "");

struct ServerOptions {
  std::optional<std::string> listen;
};

// Whether every stored sealed secret names a key of the ring (key ids only: fast, no
// decryption). SecretKeyUnavailable names the missing key ids and counts.
domain::Status check_secret_keys(CommandContext& context) {
  auto box = context.secret_box();
  if (!box) return box.error();
  flows::SecretKeyRotation rotation(*context.store(), **box);
  auto census = rotation.census(false);
  if (!census) return census.error();
  if (census->unreadable() == 0) return domain::ok_status();
  return domain::errors::secret_key_unavailable(
      "stored secrets are sealed under keys missing from " +
      config::secret_key_path(context.config() ? **context.config() : config::Config{}) + " (" +
      flows::describe_key_counts(census->unreadable_by_key_id) +
      "): add those keys to the key file (see `sspr keys status`)");
}

// Opens everything and blocks in the HTTP server until SIGTERM/SIGINT. `on_listening`
// receives the bound address (the real port when the configured one is 0).
void run(CommandContext& context, config::Config& config,
         const std::function<void(const std::string&)>& on_listening,
         const std::string& demo_outbox = "") {
  // A crash must not leave the server's memory (passwords, answers, codes, keys) on disk.
  platform::install_quiet_terminate_handler();
  if (auto hardened = platform::disable_core_dumps(); !hardened) {
    return context.report_error(hardened.error());
  }
  auto* directory = context.open_directory();
  if (!directory) return;
  auto registration = context.registration();
  if (!registration) return context.report_error(registration.error());
  // Refuse to serve when a stored secret is sealed under a key the ring lacks: such a node would
  // fail those users' authenticator codes one by one instead of saying what is wrong.
  if (auto ready = check_secret_keys(context); !ready) return context.report_error(ready.error());
  auto* captcha = context.captcha();
  if (!captcha) return;
  auto reset = context.password_reset();
  if (!reset) return context.report_error(reset.error());
  http::ServerDependencies dependencies{*context.store(),
                                        *directory,
                                        *context.passwords(),
                                        context.clock(),
                                        context.random(),
                                        context.sessions(),
                                        context.password_change(),
                                        *registration,
                                        demo_outbox,
                                        *captcha,
                                        *reset};
  flows::ResetDiagnosis diagnosis(*context.store(), context.clock());
  dependencies.diagnosis = &diagnosis;
  dependencies.metrics = &context.metrics();
  dependencies.hash_limiter = context.hash_limiter();
  dependencies.hash_processes = context.hash_processes();
  // With --config, the file's [[onprem]] connections are applied here, and again on SIGHUP.
  dependencies.onprem_connections = context.onprem_connections();
  if (!dependencies.onprem_connections) return;
  dependencies.onprem_sync = context.onprem_sync();
  dependencies.on_reload = [&context] { context.apply_configured_onprem(/*reread=*/true); };
  context.exit_code = http::run_server(config, dependencies, [&](const std::string& address) {
    if (on_listening) on_listening(address);
    std::cout << "listening on http://" << address << std::endl;
  });
}

void serve(CommandContext& context, const ServerOptions& options) {
  auto config = context.config();
  if (!config) return context.report_error(config.error());
  if (options.listen) (*config)->server.listen = *options.listen;
  context.serving = true;
  run(context, **config, {});
}

void print_demo_guide(const config::Config& config, const DemoSetup& setup,
                      const std::string& address) {
  const std::string base = "http://" + address;
  // Never print the database URL: it may carry a password.
  const std::string data =
      config.store.db.empty() ? "--data " + config.store.data_dir : "--db <your database URL>";
  std::cout << "\nOpenSSPR demo: tenant Contoso (" << kDemoDomain << ")"
            << (setup.created_now ? ", created now" : ", kept from an earlier run")
            << "; tenants Fabrikam (" << kDemoSsprOffDomain << ") and Tailspin ("
            << kDemoUnconfiguredDomain << ") for the tenant-wide errors\n\n"
            << "Demo users (the passwords are public demo values, for this demo only):\n";
  TextTable users({"  USER", "PASSWORD", "DEMONSTRATES"});
  for (const auto& user : demo_users()) {
    users.add_row({"  " + user.upn, user.password.empty() ? "(on premises)" : user.password,
                   user.demonstrates});
  }
  std::cout << users.render() << "\n"
            << "API token (global-administrator; a new one on every start, shown once):\n  "
            << setup.token << "\n\n"
            << "Try it:\n"
            << "  curl " << base << "/healthz\n"
            << "  curl -H 'Authorization: Bearer " << setup.token << "' " << base
            << "/api/v1/users/alice@contoso.example\n"
            << "  sspr " << data << " user show --upn alice@contoso.example\n"
            << "  sspr " << data << " group show --tenant contoso.example --name 'SSPR Users'\n"
            << "Reset page (forgot password; each user above shows one outcome): " << base
            << "/reset.html\n"
            << "Sign-in page (demo users, password change): " << base << "/signin.html\n"
            << "Security info (register phone, email, app, questions): " << base
            << "/security-info.html\n"
            << "Notifications (emails, SMS codes) are appended to " << config.notify.outbox_path
            << "\n"
            << "  and shown on the demo outbox page: " << base << "/outbox.html\n"
            << "Stop with Ctrl-C.\n\n";
}

void demo(CommandContext& context, const ServerOptions& options) {
  auto loaded = context.config();
  if (!loaded) return context.report_error(loaded.error());
  config::Config& config = **loaded;
  config.server.listen = options.listen.value_or("127.0.0.1:8080");
  // The demo never sends real mail or SMS: everything goes to the outbox file.
  config.notify.email = "file";
  config.notify.sms = "file";
  if (config.notify.outbox_path.empty()) {
    config.notify.outbox_path =
        (std::filesystem::path(config.store.data_dir) / "outbox.jsonl").string();
  }
  context.serving = true;
  auto* directory = context.open_directory();
  if (!directory) return;
  auto setup = set_up_demo(*directory, context.random());
  if (!setup) return context.report_error(setup.error());
  run(
      context, config,
      [&](const std::string& address) { print_demo_guide(config, *setup, address); },
      config.notify.outbox_path);
}

// Every HTTP route the server answers, with how it authenticates (opens nothing).
void list_routes(CommandContext& context) {
  const auto listing = http::route_listing(http::api_routes());
  TextTable table({"METHOD", "PATH", "AUTHENTICATION"});
  for (const auto& route : listing) {
    table.add_row({route["method"].get<std::string>(), route["path"].get<std::string>(),
                   route["authentication"].get<std::string>()});
  }
  context.print(listing, table.render());
}

}  // namespace

void register_server_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<ServerOptions>();

  auto* serve_command = app.add_subcommand(
      "serve", "run the HTTP server (admin API, reset pages) until SIGTERM or Ctrl-C");
  serve_command
      ->add_option("--listen", options->listen,
                   "address to listen on, HOST:PORT (default from config, 127.0.0.1:8080; "
                   "port 0 picks a free port)")
      ->type_name("HOST:PORT")
      ->check(kListenAddress);
  serve_command->callback([&context, options] { serve(context, *options); });

  auto* demo_command = app.add_subcommand(
      "demo", "create the Contoso demo tenant (once), print how to use it, then serve");
  demo_command
      ->add_option("--listen", options->listen, "address to listen on (default 127.0.0.1:8080)")
      ->type_name("HOST:PORT")
      ->check(kListenAddress);
  demo_command->callback([&context, options] { demo(context, *options); });

  app.add_subcommand("routes", "list every HTTP route the server answers and how it authenticates")
      ->callback([&context] { list_routes(context); });
}

}  // namespace sspr::cli
