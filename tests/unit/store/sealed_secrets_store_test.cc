// Sealed secrets across authentication_methods and pending_registrations (key rotation, issue
// 9), on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <vector>

#include "store/backend_store_test.h"

namespace sspr::store {
namespace {

namespace methods = domain::methods;
using Holder = SealedSecret::Holder;

constexpr const char* kNow = "2024-05-01T10:00:00.000Z";

class SealedSecretsStoreTest : public BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    run([&](StoreTransaction& tx) {
      const auto tenant = tx.insert_tenant("Contoso", kNow);
      for (const char* upn :
           {"alice@contoso.example", "bob@contoso.example", "carol@contoso.example"}) {
        domain::User user;
        user.tenant_id = tenant;
        user.upn = upn;
        users_.push_back(tx.insert_user(user, kNow));
      }
      app_ids_.push_back(tx.save_method(app(users_[0], "v1:aaaaaaaa:one")));
      app_ids_.push_back(tx.save_method(app(users_[1], "v1:bbbbbbbb:two")));
      app_ids_.push_back(tx.save_method(app(users_[2], "legacy-three")));
      // A phone has no sealed secret and is never listed.
      auto phone = app(users_[0], "");
      phone.type = methods::MethodType::kMobilePhone;
      phone.value = "+4520123456";
      tx.save_method(phone);
      tx.insert_pending_registration({"p1", users_[1], methods::MethodType::kAppCode, "", "",
                                      "v1:aaaaaaaa:pending", "", kNow, "2024-05-01T10:15:00.000Z"});
    });
  }

  methods::RegisteredMethod app(domain::UserId user, std::string sealed) {
    methods::RegisteredMethod m;
    m.user_id = user;
    m.type = methods::MethodType::kAppCode;
    m.sealed_secret = std::move(sealed);
    m.source = methods::MethodSource::kUser;
    m.created_at = kNow;
    m.updated_at = kNow;
    return m;
  }

  std::vector<domain::UserId> users_;
  std::vector<std::int64_t> app_ids_;
};

TEST_P(SealedSecretsStoreTest, EachSealedSecretVisitsEveryNonEmptyValue) {
  std::vector<std::pair<Holder, std::string>> seen;
  run([&](StoreTransaction& tx) {
    tx.each_sealed_secret(
        [&](const SealedSecret& secret) { seen.emplace_back(secret.holder, secret.sealed); });
  });
  EXPECT_EQ(seen, (std::vector<std::pair<Holder, std::string>>{
                      {Holder::kAuthenticationMethod, "v1:aaaaaaaa:one"},
                      {Holder::kAuthenticationMethod, "v1:bbbbbbbb:two"},
                      {Holder::kAuthenticationMethod, "legacy-three"},
                      {Holder::kPendingRegistration, "v1:aaaaaaaa:pending"}}));
}

TEST_P(SealedSecretsStoreTest, ListsValuesNotUnderAPrefixInBatches) {
  run([&](StoreTransaction& tx) {
    auto first = tx.sealed_secrets_not_starting_with("v1:aaaaaaaa:", 1);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].holder, Holder::kAuthenticationMethod);
    EXPECT_EQ(first[0].id, std::to_string(app_ids_[1]));
    EXPECT_EQ(first[0].sealed, "v1:bbbbbbbb:two");
    auto all = tx.sealed_secrets_not_starting_with("v1:aaaaaaaa:", 10);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1].sealed, "legacy-three");
    auto other = tx.sealed_secrets_not_starting_with("v1:bbbbbbbb:", 10);
    ASSERT_EQ(other.size(), 3u);
    EXPECT_EQ(other[2].holder, Holder::kPendingRegistration);
    EXPECT_EQ(other[2].id, "p1");
  });
}

TEST_P(SealedSecretsStoreTest, ReplaceIsACompareAndSet) {
  run([&](StoreTransaction& tx) {
    auto batch = tx.sealed_secrets_not_starting_with("v1:cccccccc:", 10);
    ASSERT_EQ(batch.size(), 4u);
    for (const auto& secret : batch) {
      EXPECT_TRUE(tx.replace_sealed_secret(secret, "v1:cccccccc:" + secret.id));
    }
    // The second write of the same old value finds it changed.
    EXPECT_FALSE(tx.replace_sealed_secret(batch[0], "v1:dddddddd:x"));
    EXPECT_TRUE(tx.sealed_secrets_not_starting_with("v1:cccccccc:", 10).empty());
    EXPECT_EQ(tx.find_pending_registration("p1")->sealed_secret, "v1:cccccccc:p1");
    const auto alice = tx.list_methods(users_[0]);
    ASSERT_EQ(alice.size(), 2u);
    EXPECT_EQ(alice[0].sealed_secret, "v1:cccccccc:" + std::to_string(app_ids_[0]));
    EXPECT_EQ(alice[1].sealed_secret, "");  // the phone is untouched
  });
}

BACKEND_STORE_TEST_SUITE(SealedSecretsStoreTest);

}  // namespace
}  // namespace sspr::store
