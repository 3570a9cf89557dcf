#pragma once
// A test fixture that gives each test an empty store on the backend named by the test
// parameter: "sqlite" (a fresh file in a temporary directory, always) or "postgresql" (a fresh
// schema of the database named by SSPR_TEST_PG_URL, e.g. from scripts/test-postgres.sh;
// skipped when unset). Instantiate with BACKEND_STORE_TEST_SUITE(Suite).

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "store/open_store.h"
#include "store/postgresql_conninfo.h"
#include "store/soci_headers.h"

namespace sspr::store {

class BackendStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const auto suffix = std::to_string(::getpid()) + "_" + std::to_string(counter++);
    std::string url;
    if (GetParam() == "sqlite") {
      dir_ = std::filesystem::temp_directory_path() / ("sspr_backend_test_" + suffix);
      std::filesystem::create_directories(dir_);
      url = "sqlite:" + (dir_ / "test.db").string();
    } else {
      const char* base = std::getenv("SSPR_TEST_PG_URL");
      if (base == nullptr || *base == '\0') GTEST_SKIP() << "SSPR_TEST_PG_URL not set";
      base_url_ = base;
      schema_ = "sspr_backend_test_" + suffix;
      admin() << "CREATE SCHEMA " + schema_;
      url = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") +
            "options=-csearch_path%3D" + schema_;
    }
    auto opened = open_store({url, "", 4});
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    store_ = std::move(opened).value();
  }

  void TearDown() override {
    store_.reset();
    if (!schema_.empty()) admin() << "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE";
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // Runs `work` in one committed transaction; fails the test when the store fails.
  void run(const std::function<void(StoreTransaction&)>& work) {
    auto status = store_->transact([&](StoreTransaction& tx) {
      work(tx);
      return domain::ok_status();
    });
    ASSERT_TRUE(status.ok()) << status.error().technical;
  }

  std::unique_ptr<Store> store_;

 private:
  soci::session& admin() {
    if (!admin_) {
      admin_ = std::make_unique<soci::session>(soci::postgresql, *postgresql_conninfo(base_url_));
      *admin_ << "SET client_min_messages = warning";
    }
    return *admin_;
  }

  std::filesystem::path dir_;
  std::string base_url_;
  std::string schema_;
  std::unique_ptr<soci::session> admin_;
};

}  // namespace sspr::store

#define BACKEND_STORE_TEST_SUITE(suite)                                                \
  INSTANTIATE_TEST_SUITE_P(Backends, suite, ::testing::Values("sqlite", "postgresql"), \
                           [](const auto& info) { return info.param; })
