#include "store/migration_runner.h"
#include "domain/ascii_text.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <set>

#include "domain/error.h"
#include "store/sql_transaction_text.h"

namespace sspr::store {

namespace errors = domain::errors;

namespace {

// Any constant shared by every OpenSSPR process of a database: it serialises migrations.
constexpr long long kMigrationLockKey = 0x55505352;  // "SSPR"

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Starts a migration transaction that no other process runs at the same time.
void begin_exclusive(soci::session& session, SqlBackend backend) {
  session << begin_transaction_sql(backend);
  if (backend == SqlBackend::kPostgresql) {
    session << "SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")";
  }
  session << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY "
             "KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
}

int database_version(soci::session& session) {
  int version = 0;
  soci::indicator indicator = soci::i_ok;
  session << "SELECT MAX(version) FROM schema_migrations", soci::into(version, indicator);
  return indicator == soci::i_ok ? version : 0;
}

}  // namespace

domain::Result<std::vector<Migration>> parse_migrations(
    const std::vector<std::pair<std::string_view, std::string_view>>& files) {
  std::vector<Migration> migrations;
  std::set<int> versions;
  for (const auto& [name, content] : files) {
    std::size_t digits = 0;
    while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) {
      ++digits;
    }
    if (digits == 0 || digits > 6) {
      return errors::internal("migration file name without a version number: " + std::string(name));
    }
    const int version = std::stoi(std::string(name.substr(0, digits)));
    if (!versions.insert(version).second) {
      return errors::internal("two migration files with version " + std::to_string(version));
    }
    migrations.push_back({version, std::string(name), std::string(content)});
  }
  std::sort(migrations.begin(), migrations.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return migrations;
}

std::vector<std::string> migration_statements(std::string_view sql, SqlBackend backend) {
  const std::string_view id_column = backend == SqlBackend::kSqlite
                                         ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                         : "BIGSERIAL PRIMARY KEY";
  std::vector<std::string> statements;
  std::string current;
  while (!sql.empty()) {
    const std::size_t end = sql.find('\n');
    std::string_view line = domain::trim_ascii_space(sql.substr(0, end));
    sql.remove_prefix(end == std::string_view::npos ? sql.size() : end + 1);
    if (line.empty() || line.starts_with("--")) continue;
    const bool last = line.ends_with(';');
    if (last) line.remove_suffix(1);
    current.append(line).append("\n");
    if (last) {
      statements.push_back(replace_all(std::move(current), "{{ID}}", id_column));
      current.clear();
    }
  }
  if (!domain::trim_ascii_space(current).empty()) {
    statements.push_back(replace_all(std::move(current), "{{ID}}", id_column));
  }
  return statements;
}

domain::Status migrate(soci::session& session, SqlBackend backend,
                       const std::vector<Migration>& migrations, const std::string& now) {
  const int known = migrations.empty() ? 0 : migrations.back().version;
  std::string step = "reading the schema version";
  try {
    for (std::size_t i = 0;; ++i) {
      begin_exclusive(session, backend);
      const int version = database_version(session);
      if (version > known) {
        session << "ROLLBACK";
        return errors::store_unavailable(
            "the database schema is at version " + std::to_string(version) +
            ", newer than this program knows (" + std::to_string(known) +
            "); upgrade OpenSSPR or use another database");
      }
      while (i < migrations.size() && migrations[i].version <= version) ++i;
      if (i == migrations.size()) {
        session << "COMMIT";
        return domain::ok_status();
      }
      const Migration& migration = migrations[i];
      step = "applying migration " + migration.name;
      for (const std::string& statement : migration_statements(migration.sql, backend)) {
        session << statement;
      }
      session << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)",
          soci::use(migration.version), soci::use(migration.name), soci::use(now);
      session << "COMMIT";
    }
  } catch (const std::exception& e) {
    try {
      session << "ROLLBACK";
    } catch (const std::exception&) {
      // The connection is gone; the transaction ends with it.
    }
    return errors::store_unavailable(step + " failed: " + describe_database_error(e));
  }
}

}  // namespace sspr::store
