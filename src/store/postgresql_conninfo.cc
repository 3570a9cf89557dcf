#include "store/postgresql_conninfo.h"

#include <libpq-fe.h>

#include "domain/error.h"

namespace sspr::store {

namespace {

// libpq conninfo quoting: single quotes around the value, backslash before ' and \.
std::string quoted(const char* value) {
  std::string out = "'";
  for (const char* c = value; *c != '\0'; ++c) {
    if (*c == '\'' || *c == '\\') out += '\\';
    out += *c;
  }
  return out + "'";
}

bool needs_quotes(const char* value) {
  if (*value == '\0') return true;
  for (const char* c = value; *c != '\0'; ++c) {
    if (*c == ' ' || *c == '\'' || *c == '\\' || *c == '\t' || *c == '\n') return true;
  }
  return false;
}

}  // namespace

domain::Result<std::string> postgresql_conninfo(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    if (error != nullptr) PQfreemem(error);
    return domain::errors::invalid_input("db_url", "not a valid PostgreSQL connection URL");
  }
  std::string conninfo;
  bool has_connect_timeout = false;
  bool has_tcp_user_timeout = false;
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    const std::string keyword = option->keyword;
    has_connect_timeout = has_connect_timeout || keyword == "connect_timeout";
    has_tcp_user_timeout = has_tcp_user_timeout || keyword == "tcp_user_timeout";
    if (!conninfo.empty()) conninfo += ' ';
    conninfo += option->keyword;
    conninfo += '=';
    conninfo += needs_quotes(option->val) ? quoted(option->val) : std::string(option->val);
  }
  PQconninfoFree(options);
  // Bounds unless the URL says otherwise: a database host that does not answer makes a
  // (re)connect fail within 5 s and an unacknowledged send within 30 s, so requests get
  // StoreUnavailable instead of hanging.
  if (!has_connect_timeout)
    conninfo += std::string(conninfo.empty() ? "" : " ") + "connect_timeout=5";
  if (!has_tcp_user_timeout) conninfo += " tcp_user_timeout=30000";
  return conninfo;
}

}  // namespace sspr::store
