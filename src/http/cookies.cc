#include "http/cookies.h"

namespace sspr::http {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string attributes(bool secure) {
  return std::string("; Path=/; HttpOnly; SameSite=Strict") + (secure ? "; Secure" : "");
}

}  // namespace

std::map<std::string, std::string> parse_cookie_header(std::string_view header) {
  std::map<std::string, std::string> out;
  while (!header.empty()) {
    const auto end = header.find(';');
    const auto pair = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    const auto name = trim(pair.substr(0, equals));
    auto value = trim(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (!name.empty()) out.emplace(std::string(name), std::string(value));
  }
  return out;
}

std::string session_cookie(std::string_view token, bool secure) {
  return std::string(kSessionCookie) + "=" + std::string(token) + attributes(secure);
}

std::string expired_session_cookie(bool secure) {
  return std::string(kSessionCookie) + "=" + attributes(secure) +
         "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
}

}  // namespace sspr::http
