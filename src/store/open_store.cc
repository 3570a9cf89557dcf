#include "store/open_store.h"

#include <sys/stat.h>

#include <filesystem>
#include <system_error>

#include "domain/error.h"
#include "store/postgresql_conninfo.h"
#include "store/soci_store.h"

namespace sspr::store {

namespace errors = domain::errors;

namespace {

// Creates the data directory (and its parents) when missing; the directory itself is
// private to the service user (0700) because it holds password hashes.
domain::Status ensure_data_dir(const std::string& data_dir) {
  std::error_code error;
  if (std::filesystem::is_directory(data_dir, error)) return domain::ok_status();
  std::filesystem::create_directories(data_dir, error);
  if (error) {
    return errors::store_unavailable("cannot create the data directory " + data_dir + ": " +
                                     error.message());
  }
  ::chmod(data_dir.c_str(), 0700);
  return domain::ok_status();
}

}  // namespace

domain::Result<std::unique_ptr<Store>> open_store(const StoreLocation& location) {
  const std::string& url = location.db_url;
  domain::Result<std::unique_ptr<SociStore>> opened = errors::internal("not opened");
  if (url.empty()) {
    if (auto status = ensure_data_dir(location.data_dir); !status) return status.error();
    const auto path = (std::filesystem::path(location.data_dir) / "sspr.db").string();
    opened = SociStore::open(SqlBackend::kSqlite, path, location.pool_size);
  } else if (url.starts_with("sqlite:")) {
    std::string path = url.substr(7);
    if (path.starts_with("//")) path.erase(0, 2);  // sqlite:///abs/path
    if (path.empty()) return errors::invalid_input("db_url", "sqlite: needs a file path");
    opened = SociStore::open(SqlBackend::kSqlite, path, location.pool_size);
  } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    auto conninfo = postgresql_conninfo(url);
    if (!conninfo) return conninfo.error();
    opened = SociStore::open(SqlBackend::kPostgresql, *conninfo, location.pool_size);
  } else {
    // Only the scheme is repeated: the rest of a URL may hold a password.
    const auto colon = url.find(':');
    return errors::invalid_input(
        "db_url", "unknown database URL scheme '" +
                      (colon == std::string::npos ? std::string("(none)") : url.substr(0, colon)) +
                      "'; use sqlite:PATH or postgresql://...");
  }
  if (!opened) return opened.error();
  return std::unique_ptr<Store>(std::move(opened).value());
}

}  // namespace sspr::store
