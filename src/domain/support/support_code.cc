#include "domain/support/support_code.h"

#include "domain/ascii_text.h"

namespace sspr::domain::support {

std::optional<std::string> parse_support_code(std::string_view text) {
  const std::string code = ascii_lower(trim_ascii_space(text));
  if (code.size() != 36) return std::nullopt;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    if (dash_position ? c != '-' : !hex) return std::nullopt;
  }
  return code;
}

Error unknown_support_code(const std::string& code) {
  return Error{ErrorKind::kNotFound, "UnknownSupportCode", "UnknownSupportCode",
               "error.UnknownSupportCode",
               "no record under this support code: codes of requests that changed nothing are "
               "only in the server log (search for support_code=" +
                   code + ")"};
}

}  // namespace sspr::domain::support
