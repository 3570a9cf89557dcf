#pragma once
// A fixture for use-case tests: a fresh SQLite store in a temporary directory, the directory
// administration use cases over it (fixed clock, fast Argon2id), the CLI operator as actor,
// and a tenant "Contoso" (contoso.example).

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "fakes/fixed_clock.h"
#include "flows/directory_administration.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows {

class DirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sspr-flows-test-" + random_.hex(8));
    auto opened = store::open_store({"", dir_.string(), 2});
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    store_ = std::move(opened).value();
    admin_ = std::make_unique<DirectoryAdministration>(*store_, clock_, random_, hasher_);
    auto tenant = admin_->create_tenant(op_, ctx_, "Contoso", "contoso.example");
    ASSERT_TRUE(tenant.ok()) << tenant.error().technical;
    tenant_ = tenant->id;
  }

  void TearDown() override {
    admin_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // The tenant's audit events of one activity (every activity when empty).
  std::vector<domain::AuditEvent> audit_of(std::string_view activity = {}) {
    store::AuditQuery query;
    query.tenant_id = tenant_;
    query.activity = std::string(activity);
    query.limit = 1000;
    return *admin_->audit(op_, query);
  }

  sspr::testing::FixedClock clock_;
  platform::SodiumRandom random_;
  platform::Argon2idPasswordHasher hasher_{{8, 1}};
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DirectoryAdministration> admin_;
  domain::Actor op_ = domain::Actor::operator_cli();
  domain::RequestContext ctx_{"corr-1", "127.0.0.1"};
  domain::TenantId tenant_ = 0;
};

}  // namespace sspr::flows
