// sspr breached import FILE|DIR [--output PATH] | status [--file PATH]
//
// The breached-password filter (SPEC §8): the administrator downloads the Pwned Passwords
// SHA-1 list (one file, or the folder of range files the official downloader writes) and
// imports it into a compact filter file, by default DATA_DIR/breached.filter.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "breached/breached_filter_file.h"
#include "breached/breached_filter_import.h"
#include "cli/command_groups.h"

namespace sspr::cli {
namespace {

struct BreachedOptions {
  std::string input;
  std::string output;  // empty: the default path in the data directory
};

// The filter path: explicit, or the configured one (breached_filter_path).
std::optional<std::string> filter_path(CommandContext& context, const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  auto config = context.config();
  if (!config) {
    context.report_error(config.error());
    return std::nullopt;
  }
  return breached_filter_path(**config);
}

std::string decimal(double value, int digits) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

std::string megabytes(std::uint64_t bytes) {
  return decimal(static_cast<double>(bytes) / 1e6, 1) + " MB";
}

double bytes_per_entry(std::uint64_t bytes, std::uint64_t entries) {
  return entries == 0 ? 0.0 : static_cast<double>(bytes) / static_cast<double>(entries);
}

// Progress on stderr at most every two seconds; stdout stays for the result.
class ProgressLine {
 public:
  void operator()(const breached::ReadProgress& progress) {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::seconds(2)) return;
    last_ = now;
    const double percent = progress.bytes_total == 0
                               ? 100.0
                               : 100.0 * static_cast<double>(progress.bytes_read) /
                                     static_cast<double>(progress.bytes_total);
    std::cerr << "sspr: reading: " << progress.lines << " lines, " << decimal(percent, 1) << "% of "
              << megabytes(progress.bytes_total) << ", file " << progress.files_done << "/"
              << progress.files_total << "\n";
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

void import_filter(CommandContext& context, const BreachedOptions& options) {
  const auto output = filter_path(context, options.output);
  if (!output) return;
  std::error_code ignored;
  const auto folder = std::filesystem::path(*output).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder, ignored);

  const auto built_at =
      std::chrono::duration_cast<std::chrono::seconds>(context.clock().now().time_since_epoch())
          .count();
  auto progress = std::make_shared<ProgressLine>();
  std::cerr << "sspr: reading " << options.input << "\n";
  auto summary = breached::import_breached_filter(
      options.input, *output, built_at,
      [progress](const breached::ReadProgress& read) { (*progress)(read); });
  if (!summary) return context.report_error(summary.error());

  nlohmann::json json = {
      {"file", *output},
      {"lines", summary->lines},
      {"entries", summary->entries},
      {"files", summary->files},
      {"ignored_files", summary->ignored_files},
      {"bytes", summary->filter_bytes},
      {"bytes_per_entry", bytes_per_entry(summary->filter_bytes, summary->entries)},
      {"read_seconds", summary->read_seconds},
      {"build_seconds", summary->build_seconds}};
  std::string text = "imported " + std::to_string(summary->entries) +
                     " breached password hashes (" + std::to_string(summary->lines) + " lines in " +
                     std::to_string(summary->files) + " file(s)";
  if (summary->ignored_files > 0) {
    text += ", " + std::to_string(summary->ignored_files) + " other file(s) ignored";
  }
  text += ")\nfilter: " + *output + ", " + megabytes(summary->filter_bytes) + ", " +
          decimal(bytes_per_entry(summary->filter_bytes, summary->entries), 3) +
          " bytes/entry\ntime: reading " + decimal(summary->read_seconds, 1) + " s, building " +
          decimal(summary->build_seconds, 1) + " s";
  context.print(json, text);
}

void show_status(CommandContext& context, const BreachedOptions& options) {
  const auto path = filter_path(context, options.output);
  if (!path) return;
  if (!std::filesystem::exists(*path)) {
    return context.report_error(domain::errors::not_found("breached filter", *path));
  }
  auto filter = breached::BreachedFilterFile::open(*path);
  if (!filter) return context.report_error(filter.error());
  const auto& info = (*filter)->info();
  const std::string built_at = domain::to_iso8601(
      std::chrono::system_clock::time_point(std::chrono::seconds(info.built_at_unix_seconds)));
  const double per_entry = bytes_per_entry(info.file_size, info.entry_count);
  nlohmann::json json = {{"file", info.path},
                         {"entries", info.entry_count},
                         {"bytes", info.file_size},
                         {"bytes_per_entry", per_entry},
                         {"built_at", built_at},
                         {"filter", "binary fuse 8"},
                         {"expected_false_positive_rate", 1.0 / 256},
                         {"checksum", "ok"}};
  context.print(json, "file: " + info.path + "\nentries: " + std::to_string(info.entry_count) +
                          "\nsize: " + megabytes(info.file_size) + " (" + decimal(per_entry, 3) +
                          " bytes/entry)\nbuilt at: " + built_at +
                          "\nfilter: binary fuse 8, expected false positives 0.39%" +
                          "\nchecksum: ok");
}

}  // namespace

void register_breached_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<BreachedOptions>();
  auto* group = app.add_subcommand("breached", "the breached-password filter (Pwned Passwords)");
  group->require_subcommand(1);

  auto* import = group->add_subcommand(
      "import",
      "build the filter from the Pwned Passwords SHA-1 list: a file of HEX40:COUNT lines or a "
      "folder of 5-hex-digit range files");
  import->add_option("input", options->input, "the SHA-1 text file or folder of range files")
      ->required()
      ->type_name("FILE|DIR");
  import->add_option("--output", options->output, "filter file (default DATA_DIR/breached.filter)")
      ->type_name("PATH");
  import->callback([&context, options] { import_filter(context, *options);
});

auto* status = group->add_subcommand("status", "show the imported filter and verify it");
status->add_option("--file", options->output, "filter file (default DATA_DIR/breached.filter)")
    ->type_name("PATH");
status->callback([&context, options] { show_status(context, *options); });
}  // namespace sspr::cli

}  // namespace sspr::cli
