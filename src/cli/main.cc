// `sspr`: the OpenSSPR server and its administration commands. main() only assembles the
// command groups and turns parse errors and unexpected exceptions into exit statuses.

#include <csignal>
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/command_context.h"
#include "cli/command_groups.h"
#include "platform/password_hash_worker.h"

int main(int argc, char** argv) {
  using namespace sspr::cli;
  // `sspr serve` runs its password hashes in processes of this binary (hidden command).
  if (argc >= 2 && argv[1] == sspr::platform::kPasswordHashWorkerCommand) {
    return sspr::platform::password_hash_worker_main(argc, argv);
  }
  // A peer that has gone (an LDAP server cut off by the handshake deadline, a closed pipe on
  // stdout) must give a write error that the code reports, not kill the process with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  CommandContext context;

  CLI::App app{"OpenSSPR: self-service password reset server and directory administration.",
               "sspr"};
  app.add_option("--data", context.data_dir,
                 "directory of the embedded SQLite database (default ./sspr-data)")
      ->type_name("DIR");
  app.add_option("--db", context.db_url,
                 "database URL: sqlite:PATH or postgresql://USER@HOST:PORT/DB (wins over --data)")
      ->type_name("URL");
  app.add_option("--config", context.config_file, "TOML configuration file")->type_name("FILE");
  app.add_flag("--json", context.json, "machine-readable JSON output on stdout");
  app.require_subcommand(1);
  // Global options may follow the subcommand: unknown options fall through to the parent.
  app.fallthrough();
  app.footer(
      "Global options work in any position: --data DIR, --db URL, --config FILE, --json.\n"
      "Exit status: 0 success, 1 rejected or failed check, 2 bad usage or bad input.");

  register_server_commands(app, context);
  register_tenant_commands(app, context);
  register_user_commands(app, context);
  register_group_commands(app, context);
  register_license_commands(app, context);
  register_role_commands(app, context);
  register_token_commands(app, context);
  register_audit_commands(app, context);
  register_breached_commands(app, context);
  register_password_commands(app, context);
  register_notify_commands(app, context);
  register_policy_commands(app, context);
  register_method_commands(app, context);
  register_question_commands(app, context);
  register_support_commands(app, context);
  register_diagnose_commands(app, context);
  register_report_commands(app, context);
  register_onprem_commands(app, context);
  register_key_commands(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // One line, not the whole help text. A mistyped command shows up as a missing
    // subcommand plus a left-over word: name the word, it is the actual mistake.
    const auto left_over = app.remaining(true);
    const bool unknown_command = dynamic_cast<const CLI::RequiredError*>(&e) != nullptr &&
                                 !left_over.empty() && left_over.front().rfind("-", 0) != 0;
    std::cerr << "sspr: error: "
              << (unknown_command ? "unknown command '" + left_over.front() + "'"
                                  : std::string(e.what()))
              << " (run with --help for usage)\n";
    return kExitBadUsage;
  } catch (const std::exception& e) {
    std::cerr << "sspr: error: unexpected failure: " << e.what() << " (Internal)\n";
    return kExitRejected;
  }
  return context.exit_code;
}
