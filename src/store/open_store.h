#pragma once
// Opens the configured store and brings its schema up to date (numbered migrations,
// forward only, applied at start-up inside a transaction each).

#include <memory>
#include <string>

#include "domain/result.h"
#include "store/store.h"

namespace sspr::store {

struct StoreLocation {
  // "sqlite:PATH" or "postgresql://user@host:port/db?..." ; when empty, SQLite in data_dir.
  std::string db_url;
  // Directory for the embedded SQLite database (data_dir/sspr.db); created when missing.
  std::string data_dir = "./sspr-data";
  std::size_t pool_size = 8;
};

// Errors: BadInput for an unknown URL scheme, StoreUnavailable when the database cannot be
// opened or migrated (the message says why, without any password of the URL).
domain::Result<std::unique_ptr<Store>> open_store(const StoreLocation& location);

}  // namespace sspr::store
