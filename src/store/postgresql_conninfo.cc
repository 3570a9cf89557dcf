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
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    if (!conninfo.empty()) conninfo += ' ';
    conninfo += option->keyword;
    conninfo += '=';
    conninfo += needs_quotes(option->val) ? quoted(option->val) : std::string(option->val);
  }
  PQconninfoFree(options);
  return conninfo;
}

}  // namespace sspr::store
