// sspr keys generate FILE | status | rotate [--batch-size N]: the server's key ring for secrets
// at rest (platform/secret_key_ring.h, flows/secret_key_rotation.h; docs/OPERATIONS.md,
// "Rotating the secret key"). status and rotate read the key file named by [security]
// secret_key_file and never create it. Exit 1 when a stored secret cannot be opened with the
// ring (status) or the rotation refused or stopped (rotate); 2 for bad usage or a key file that
// cannot be read or already exists (generate).

#include <iostream>
#include <memory>

#include "cli/command_groups.h"
#include "flows/secret_key_rotation.h"
#include "platform/secret_box.h"
#include "platform/secret_key_ring.h"

namespace sspr::cli {
namespace {

using nlohmann::json;

struct KeyOptions {
  std::string file;
  std::size_t batch_size = 500;
};

void generate(CommandContext& context, const KeyOptions& options) {
  auto created = platform::generate_key_file(options.file);
  if (!created) return context.report_error(created.error());
  if (!*created) {
    return context.report_error(domain::errors::already_exists("key file", options.file));
  }
  auto key = platform::SecretKey::from_file(options.file);
  if (!key) return context.report_error(key.error());
  context.print(json{{"file", options.file}, {"key_id", key->id()}},
                "created " + options.file + " holding a new key, id " + key->id() +
                    " (mode 0600; see docs/OPERATIONS.md, \"Rotating the secret key\")");
}

// The ring of the configured key file, and the box over it; reports errors itself.
struct LoadedRing {
  std::string path;
  std::unique_ptr<platform::SecretKeyRing> ring;
  std::unique_ptr<platform::SecretBox> box;
};

std::optional<LoadedRing> load_ring(CommandContext& context) {
  auto config = context.config();
  if (!config) {
    context.report_error(config.error());
    return std::nullopt;
  }
  LoadedRing loaded;
  loaded.path = config::secret_key_path(**config);
  auto ring = platform::SecretKeyRing::from_file(loaded.path);
  if (!ring) {
    context.report_error(ring.error());
    return std::nullopt;
  }
  loaded.ring = std::make_unique<platform::SecretKeyRing>(*ring);
  loaded.box = std::make_unique<platform::SecretBox>(*loaded.ring);
  if (!context.open_directory()) return std::nullopt;
  return loaded;
}

json counts_json(const std::map<std::string, long long>& counts) {
  json out = json::object();
  for (const auto& [id, count] : counts) out[id.empty() ? "(none)" : id] = count;
  return out;
}

void status(CommandContext& context) {
  auto loaded = load_ring(context);
  if (!loaded) return;
  flows::SecretKeyRotation rotation(*context.store(), *loaded->box);
  auto census = rotation.census(true);
  if (!census) return context.report_error(census.error());
  json keys = json::array();
  std::string text = "key file " + loaded->path + "\n";
  for (const auto& key : loaded->ring->keys()) {
    const bool current = &key == &loaded->ring->current();
    const auto held = census->by_key_id.find(key.id());
    const long long count = held == census->by_key_id.end() ? 0 : held->second;
    keys.push_back({{"id", key.id()}, {"current", current}, {"secrets", count}});
    text += "  key " + key.id() + (current ? " (current)  " : " (previous) ") +
            std::to_string(count) + " stored secret(s)\n";
  }
  const auto under_current = census->by_key_id.find(loaded->ring->current().id());
  const long long to_rotate =
      census->total - (under_current == census->by_key_id.end() ? 0 : under_current->second);
  text += "stored secrets: " + std::to_string(census->total) + " (" +
          flows::describe_key_counts(census->by_key_id) + ")\n";
  text += "to re-encrypt with `sspr keys rotate`: " + std::to_string(to_rotate) + "\n";
  text +=
      "cannot be opened with this key file: " + std::to_string(census->unreadable()) +
      (census->unreadable() ? " (" + flows::describe_key_counts(census->unreadable_by_key_id) + ")"
                            : "") +
      "\n";
  context.print(json{{"key_file", loaded->path},
                     {"current_key_id", loaded->ring->current().id()},
                     {"keys", keys},
                     {"secrets", census->total},
                     {"secrets_by_key_id", counts_json(census->by_key_id)},
                     {"to_rotate", to_rotate},
                     {"unreadable", census->unreadable()},
                     {"unreadable_by_key_id", counts_json(census->unreadable_by_key_id)}},
                text);
  if (census->unreadable() > 0) {
    // The status above is the answer (on stdout, also with --json); the failed check is the
    // exit status and one line on stderr.
    const auto error = domain::errors::secret_key_unavailable(
        std::to_string(census->unreadable()) +
        " stored secret(s) cannot be opened with the key file: add the keys they name");
    std::cerr << "sspr: error: " << error.technical << " (" << error.code << ")\n";
    context.exit_code = kExitRejected;
  }
}

void rotate(CommandContext& context, const KeyOptions& options) {
  auto loaded = load_ring(context);
  if (!loaded) return;
  flows::SecretKeyRotation rotation(*context.store(), *loaded->box);
  const std::string current = loaded->ring->current().id();
  auto outcome = rotation.rotate(options.batch_size, [&](const flows::RotationOutcome& so_far) {
    if (!context.json) {
      std::cout << "batch " << so_far.batches << ": " << so_far.re_encrypted
                << " re-encrypted so far" << std::endl;
    }
  });
  if (!outcome) return context.report_error(outcome.error());
  context.print(json{{"current_key_id", current},
                     {"re_encrypted", outcome->re_encrypted},
                     {"already_current", outcome->already_current},
                     {"batches", outcome->batches}},
                "re-encrypted " + std::to_string(outcome->re_encrypted) +
                    " stored secret(s) under key " + current + " in " +
                    std::to_string(outcome->batches) + " batch(es); " +
                    std::to_string(outcome->already_current) + " were already under it");
}

}  // namespace

void register_key_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<KeyOptions>();
  auto* group = app.add_subcommand(
      "keys", "the key ring for secrets at rest: generate a key, status, rotate");
  group->require_subcommand(1);

  auto* generate_command = group->add_subcommand(
      "generate", "write a new random key to FILE (mode 0600, never overwrites)");
  generate_command->add_option("file", options->file, "the new key file")->required();
  generate_command->callback([&context, options] { generate(context, *options); });

  auto* status_command = group->add_subcommand(
      "status", "the keys of the key file and how many stored secrets each sealed");
  status_command->callback([&context] { status(context); });

  auto* rotate_command = group->add_subcommand(
      "rotate", "re-encrypt every stored secret under the current key (resumable)");
  rotate_command->add_option("--batch-size", options->batch_size, "secrets per transaction")
      ->check(CLI::Range(1, 100000));
  rotate_command->callback([&context, options] { rotate(context, *options); });
}

}  // namespace sspr::cli
