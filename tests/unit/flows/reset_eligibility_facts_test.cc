// gather_reset_eligibility_facts against the real store on a temporary SQLite database: the
// facts it gathers drive the §4 checks to the error a user would see.
#include "flows/reset_eligibility_facts.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "flows/directory_administration.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows {
namespace {

namespace dm = domain::methods;
namespace dp = domain::policy;
namespace de = domain::eligibility;

class FixedClock final : public domain::Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::time_point{std::chrono::seconds(1'795'000'000)};
  }
};

class ResetEligibilityFactsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sspr-facts-test-" + random_.hex(8));
    auto opened = store::open_store({"", dir_.string(), 4});
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    store_ = std::move(opened).value();
    admin_ = std::make_unique<DirectoryAdministration>(*store_, clock_, random_, hasher_);
    auto tenant = admin_->create_tenant(op_, ctx_, "Contoso", "contoso.example");
    ASSERT_TRUE(tenant.ok());
    tenant_ = tenant->id;
    domain::NewUser input;
    input.upn = "alice@contoso.example";
    input.display_name = "Alice Lindqvist";
    ASSERT_TRUE(admin_->create_user(op_, ctx_, input, std::nullopt).ok());
  }
  void TearDown() override {
    admin_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void set_policy(const dp::SsprPolicy& policy) {
    ASSERT_TRUE(store_
                    ->transact([&](store::StoreTransaction& tx) -> domain::Status {
                      tx.save_sspr_policy(tenant_, policy, domain::to_iso8601(clock_.now()));
                      return domain::ok_status();
                    })
                    .ok());
  }

  ResetEligibilityFacts gather(const std::string& upn) {
    ResetEligibilityFacts out;
    EXPECT_TRUE(store_
                    ->transact([&](store::StoreTransaction& tx) -> domain::Status {
                      out = gather_reset_eligibility_facts(tx, clock_, upn);
                      return domain::ok_status();
                    })
                    .ok());
    return out;
  }

  std::string blocking_code(const ResetEligibilityFacts& facts) {
    auto error = de::check_reset_eligibility(facts.facts).blocking_error();
    return error ? error->code : "";
  }

  FixedClock clock_;
  platform::SodiumRandom random_;
  platform::Argon2idPasswordHasher hasher_{{8, 1}};
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DirectoryAdministration> admin_;
  domain::TenantId tenant_ = 0;
  domain::Actor op_ = domain::Actor::operator_cli();
  domain::RequestContext ctx_{"corr-1", "127.0.0.1"};
};

TEST_F(ResetEligibilityFactsTest, UnknownUserIsNotFound) {
  auto facts = gather("nobody@contoso.example");
  EXPECT_FALSE(facts.user.has_value());
  EXPECT_FALSE(facts.facts.account_found);
  EXPECT_FALSE(de::check_reset_eligibility(facts.facts).eligible());
}

TEST_F(ResetEligibilityFactsTest, NeverConfiguredPolicyAndNoLicence) {
  auto facts = gather("ALICE@contoso.example");
  ASSERT_TRUE(facts.user.has_value());
  EXPECT_TRUE(facts.facts.account_found);
  EXPECT_TRUE(facts.facts.account_enabled);
  EXPECT_FALSE(facts.facts.is_admin);
  EXPECT_FALSE(facts.facts.policy.has_value());
  EXPECT_TRUE(facts.facts.skus.empty());
  EXPECT_FALSE(de::check_reset_eligibility(facts.facts).eligible());
}

TEST_F(ResetEligibilityFactsTest, ScopedGroupLicenceAndRegistration) {
  auto group = admin_->create_group(op_, ctx_, tenant_, "SSPR users", "");
  ASSERT_TRUE(group.ok());
  ASSERT_TRUE(admin_
                  ->add_member(op_, ctx_, tenant_, "SSPR users", domain::MemberKind::kUser,
                               "alice@contoso.example")
                  .ok());
  dp::SsprPolicy policy;
  policy.enabled = dp::SsprEnabled::kSelected;
  policy.group_id = group->group.id;
  policy.methods = {dm::MethodType::kEmail};
  set_policy(policy);

  auto unlicensed = gather("alice@contoso.example");
  EXPECT_TRUE(unlicensed.facts.member_of_scoped_group);
  EXPECT_EQ(unlicensed.facts.scoped_group_name, "SSPR users");
  EXPECT_EQ(blocking_code(unlicensed), "SSPR_0012");

  ASSERT_TRUE(admin_->assign_license_to_user(op_, ctx_, "alice@contoso.example", "SPE").ok());
  auto licensed = gather("alice@contoso.example");
  EXPECT_EQ(licensed.facts.skus, std::vector<std::string>{"SPE"});
  EXPECT_FALSE(licensed.facts.registration.registered);
  EXPECT_EQ(blocking_code(licensed), "SSPR_0014");
}

TEST_F(ResetEligibilityFactsTest, AdministratorsGetTheFixedPolicy) {
  ASSERT_TRUE(
      admin_->assign_role(op_, ctx_, "alice@contoso.example", "authentication-administrator").ok());
  auto facts = gather("alice@contoso.example");
  EXPECT_TRUE(facts.facts.is_admin);
  EXPECT_TRUE(facts.facts.registration.admin_policy);
}

}  // namespace
}  // namespace sspr::flows
