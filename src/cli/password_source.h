#pragma once
// Where a command reads a password from. Secrets never come from command-line arguments
// (they would show in `ps` and shell history): only from a file (`--password-file F`,
// `-` meaning stdin) or from stdin (`--password-stdin`). One trailing newline is dropped.

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "domain/result.h"

namespace sspr::cli {

class PasswordSource {
 public:
  // Adds --password-file and --password-stdin (mutually exclusive) to `command`.
  void add_options(CLI::App& command, bool required);

  bool given() const { return !file_.empty() || from_stdin_; }

  // The password, or nullopt when no option was given. Errors (BadInput) name the file but
  // never the content.
  domain::Result<std::optional<std::string>> read() const;

 private:
  std::string file_;
  bool from_stdin_ = false;
};

// Reads a secret from `path` ("-" = stdin) with one trailing newline removed.
domain::Result<std::string> read_secret_file(const std::string& path, const std::string& field);

}  // namespace sspr::cli
