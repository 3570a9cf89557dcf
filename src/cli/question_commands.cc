// sspr questions add | list | remove: a tenant's custom security questions (SPEC §3: up to
// 20, 3-200 characters, shown to users as entered).

#include <memory>

#include "cli/command_groups.h"
#include "cli/text_table.h"

namespace sspr::cli {
namespace {

struct QuestionOptions {
  std::string tenant;
  std::string text;
  std::string id;
};

void add_question(CommandContext& context, const QuestionOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto added = context.open_directory()->add_custom_question(
      context.actor(), context.request_context(), *tenant, options.text);
  if (!added) return context.report_error(added.error());
  context.print(flows::to_json(*added), "added " + added->question_id() + ": " + added->text);
}

void list_questions(CommandContext& context, const QuestionOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto questions = context.open_directory()->custom_questions(context.actor(), *tenant);
  if (!questions) return context.report_error(questions.error());
  nlohmann::json json = nlohmann::json::array();
  TextTable table({"ID", "QUESTION"});
  for (const auto& question : *questions) {
    json.push_back(flows::to_json(question));
    table.add_row({question.question_id(), question.text});
  }
  context.print(json, table.empty() ? "no custom security questions" : table.render());
}

void remove_question(CommandContext& context, const QuestionOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto status = context.open_directory()->remove_custom_question(
      context.actor(), context.request_context(), *tenant, options.id);
  if (!status) return context.report_error(status.error());
  context.print({{"removed", options.id}}, "removed " + options.id);
}

}  // namespace

void register_question_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<QuestionOptions>();
  auto* group = app.add_subcommand("questions", "a tenant's custom security questions");
  group->require_subcommand(1);

  auto* add = group->add_subcommand("add", "add a custom question (3-200 characters, at most 20)");
  add->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  add->add_option("--text", options->text, "the question, as users will see it")->required();
  add->callback([&context, options] { add_question(context, *options); });

  auto* list = group->add_subcommand("list", "list the tenant's custom questions");
  list->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  list->callback([&context, options] { list_questions(context, *options); });

  auto* remove = group->add_subcommand("remove", "remove a custom question");
  remove->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  remove->add_option("--id", options->id, "its id, e.g. custom-3")->required();
  remove->callback([&context, options] { remove_question(context, *options); });
}

}  // namespace sspr::cli
