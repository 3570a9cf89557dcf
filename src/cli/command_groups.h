#pragma once
// Each command group registers its subcommands on the root `sspr` app. The callbacks run
// after parsing and report their outcome through CommandContext::exit_code.

#include <CLI/CLI.hpp>

#include "cli/command_context.h"

namespace sspr::cli {

void register_server_commands(CLI::App& app, CommandContext& context);  // serve, demo
void register_tenant_commands(CLI::App& app, CommandContext& context);
void register_user_commands(CLI::App& app, CommandContext& context);
void register_group_commands(CLI::App& app, CommandContext& context);
void register_license_commands(CLI::App& app, CommandContext& context);
void register_role_commands(CLI::App& app, CommandContext& context);
void register_token_commands(CLI::App& app, CommandContext& context);
void register_audit_commands(CLI::App& app, CommandContext& context);
void register_breached_commands(CLI::App& app, CommandContext& context);  // breached import
void register_password_commands(CLI::App& app, CommandContext& context);  // banned, password
void register_notify_commands(CLI::App& app, CommandContext& context);    // notify test
void register_policy_commands(CLI::App& app, CommandContext& context);    // policy set/show
void register_method_commands(CLI::App& app, CommandContext& context);  // methods (pre-population)
void register_question_commands(CLI::App& app, CommandContext& context);  // custom questions
void register_support_commands(CLI::App& app, CommandContext& context);   // support show
void register_diagnose_commands(CLI::App& app, CommandContext& context);  // diagnose (SPEC §12)
void register_onprem_commands(CLI::App& app, CommandContext& context);    // onprem set/show/test
void register_report_commands(CLI::App& app, CommandContext& context);    // report (SPEC §11)
void register_key_commands(CLI::App& app, CommandContext& context);  // keys generate/status/rotate

}  // namespace sspr::cli
