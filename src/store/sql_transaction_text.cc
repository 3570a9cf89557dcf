#include "store/sql_transaction_text.h"

#include "store/soci_headers.h"

namespace sspr::store {

const char* begin_transaction_sql(SqlBackend backend) {
  return backend == SqlBackend::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN";
}

const char* begin_read_transaction_sql(SqlBackend backend) {
  return backend == SqlBackend::kSqlite ? "BEGIN DEFERRED" : "BEGIN READ ONLY";
}

std::string describe_database_error(const std::exception& error) {
  std::string message;
  if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&error)) {
    message = soci_error->get_error_message();
  } else {
    message = error.what();
  }
  if (const auto end = message.find('\n'); end != std::string::npos) message.resize(end);
  if (message.size() > 300) message.resize(300);
  return message.empty() ? "database error" : message;
}

}  // namespace sspr::store
