#include "cli/password_source.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace sspr::cli {

void PasswordSource::add_options(CLI::App& command, bool required) {
  auto* file = command
                   .add_option("--password-file", file_,
                               "read the password from this file ('-' = stdin); one trailing "
                               "newline is ignored")
                   ->type_name("FILE");
  auto* stdin_flag =
      command.add_flag("--password-stdin", from_stdin_, "read the password from stdin");
  file->excludes(stdin_flag);
  stdin_flag->excludes(file);
  if (required) {
    // CLI11 has no "one of these is required"; read() reports the missing option instead.
    command.footer("A password is required: give --password-file F or --password-stdin.");
  }
}

domain::Result<std::string> read_secret_file(const std::string& path, const std::string& field) {
  std::string content;
  if (path == "-") {
    content.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return domain::errors::invalid_input(field, "cannot read the file '" + path + "'");
    content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (!content.empty() && content.back() == '\n') content.pop_back();
  if (!content.empty() && content.back() == '\r') content.pop_back();
  if (content.empty()) return domain::errors::invalid_input(field, "the secret is empty");
  return content;
}

domain::Result<std::optional<std::string>> PasswordSource::read() const {
  if (!given()) return std::optional<std::string>{};
  auto secret = read_secret_file(from_stdin_ ? "-" : file_, "password");
  if (!secret) return secret.error();
  return std::optional<std::string>{std::move(secret).value()};
}

}  // namespace sspr::cli
