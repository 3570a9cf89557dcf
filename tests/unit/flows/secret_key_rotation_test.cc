// Key rotation of secrets at rest over a real SQLite store: census, refusal when a key is
// missing (nothing changed), batches, resumption, values without a key id.
#include "flows/secret_key_rotation.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows {
namespace {

namespace methods = domain::methods;

constexpr const char* kNow = "2024-05-01T10:00:00.000Z";

platform::SecretKeyRing ring_of(std::initializer_list<char> fills) {
  std::string text;
  for (char fill : fills) text += std::string(64, fill) + "\n";
  return *platform::SecretKeyRing::from_text(text);
}

std::string key_id(char fill) {
  return platform::SecretKey::from_text(std::string(64, fill))->id();
}

std::vector<std::uint8_t> bytes(std::string_view text) { return {text.begin(), text.end()}; }

class SecretKeyRotationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sspr-rotation-test-" + random_.hex(8));
    auto opened = store::open_store({"", dir_.string(), 2});
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    store_ = std::move(opened).value();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // `count` users, each with an authenticator app whose secret is "secret-<n>" sealed by `box`.
  void add_apps(const platform::SecretBox& box, int count) {
    auto status = store_->transact([&](store::StoreTransaction& tx) {
      if (!tenant_) tenant_ = tx.insert_tenant("Contoso", kNow);
      for (int i = 0; i < count; ++i) {
        domain::User user;
        user.tenant_id = tenant_;
        user.upn = "user" + std::to_string(next_) + "@contoso.example";
        methods::RegisteredMethod app;
        app.user_id = tx.insert_user(user, kNow);
        app.type = methods::MethodType::kAppCode;
        app.sealed_secret = box.seal(bytes("secret-" + std::to_string(next_++)));
        app.source = methods::MethodSource::kUser;
        app.created_at = app.updated_at = kNow;
        tx.save_method(app);
      }
      return domain::ok_status();
    });
    ASSERT_TRUE(status) << status.error().technical;
  }

  std::vector<std::string> stored() {
    std::vector<std::string> values;
    auto status = store_->read([&](store::StoreTransaction& tx) {
      tx.each_sealed_secret([&](const store::SealedSecret& s) { values.push_back(s.sealed); });
      return domain::ok_status();
    });
    EXPECT_TRUE(status);
    return values;
  }

  // Every stored value opens with `box` to its original "secret-<n>", in order.
  void expect_all_open(const platform::SecretBox& box) {
    int n = 0;
    for (const auto& value : stored()) {
      auto opened = box.open(value);
      ASSERT_TRUE(opened) << opened.error().technical;
      EXPECT_EQ(*opened, bytes("secret-" + std::to_string(n++)));
    }
    EXPECT_EQ(n, next_);
  }

  platform::SodiumRandom random_;
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  domain::TenantId tenant_ = 0;
  int next_ = 0;
};

TEST_F(SecretKeyRotationTest, CensusCountsByKeyIdAndFlagsMissingKeys) {
  add_apps(platform::SecretBox(ring_of({'a'})), 2);
  add_apps(platform::SecretBox(ring_of({'b'})), 1);
  platform::SecretBox box(ring_of({'b'}));
  auto census = SecretKeyRotation(*store_, box).census(false);
  ASSERT_TRUE(census) << census.error().technical;
  EXPECT_EQ(census->total, 3);
  EXPECT_EQ(census->by_key_id.at(key_id('a')), 2);
  EXPECT_EQ(census->by_key_id.at(key_id('b')), 1);
  EXPECT_EQ(census->unreadable(), 2);
  EXPECT_EQ(census->unreadable_by_key_id.at(key_id('a')), 2);
  EXPECT_EQ(describe_key_counts(census->unreadable_by_key_id), "2 under key " + key_id('a'));
}

TEST_F(SecretKeyRotationTest, RotatesEverySecretToTheCurrentKeyInBatches) {
  add_apps(platform::SecretBox(ring_of({'a'})), 5);
  add_apps(platform::SecretBox(ring_of({'b'})), 2);
  platform::SecretBox rotated(ring_of({'b', 'a'}));
  SecretKeyRotation rotation(*store_, rotated);
  std::vector<long long> progress;
  auto outcome =
      rotation.rotate(2, [&](const RotationOutcome& o) { progress.push_back(o.re_encrypted); });
  ASSERT_TRUE(outcome) << outcome.error().technical;
  EXPECT_EQ(outcome->re_encrypted, 5);
  EXPECT_EQ(outcome->already_current, 2);
  EXPECT_EQ(outcome->batches, 3);
  EXPECT_EQ(progress, (std::vector<long long>{2, 4, 5}));
  for (const auto& value : stored()) EXPECT_EQ(platform::sealed_key_id(value), key_id('b'));
  // The old key can go now: the new key alone opens everything.
  expect_all_open(platform::SecretBox(ring_of({'b'})));
  // Running again is harmless.
  auto again = rotation.rotate(2, {});
  ASSERT_TRUE(again) << again.error().technical;
  EXPECT_EQ(again->re_encrypted, 0);
  EXPECT_EQ(again->already_current, 7);
}

TEST_F(SecretKeyRotationTest, RefusesAndChangesNothingWhenAKeyIsMissing) {
  add_apps(platform::SecretBox(ring_of({'a'})), 3);
  add_apps(platform::SecretBox(ring_of({'c'})), 1);
  const auto before = stored();
  platform::SecretBox rotated(ring_of({'b', 'a'}));  // lacks key c
  auto outcome = SecretKeyRotation(*store_, rotated).rotate(1, {});
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().name, "SecretKeyUnavailable");
  EXPECT_NE(outcome.error().technical.find("1 under key " + key_id('c')), std::string::npos)
      << outcome.error().technical;
  EXPECT_NE(outcome.error().technical.find("nothing was changed"), std::string::npos);
  EXPECT_EQ(stored(), before);
}

TEST_F(SecretKeyRotationTest, ADamagedValueIsRefusedBeforeAnyChange) {
  add_apps(platform::SecretBox(ring_of({'a'})), 2);
  auto status = store_->transact([&](store::StoreTransaction& tx) {
    auto batch = tx.sealed_secrets_not_starting_with("none", 1);
    std::string damaged = batch[0].sealed;
    damaged.back() = damaged.back() == 'A' ? 'B' : 'A';
    tx.replace_sealed_secret(batch[0], damaged);
    return domain::ok_status();
  });
  ASSERT_TRUE(status);
  const auto before = stored();
  platform::SecretBox rotated(ring_of({'b', 'a'}));
  auto outcome = SecretKeyRotation(*store_, rotated).rotate(10, {});
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().name, "SecretKeyUnavailable");
  EXPECT_EQ(stored(), before);
}

TEST_F(SecretKeyRotationTest, ResumesAfterAnInterruptedRun) {
  add_apps(platform::SecretBox(ring_of({'a'})), 4);
  platform::SecretBox rotated(ring_of({'b', 'a'}));
  // A run that stopped after its first batch: two values re-encrypted, two left.
  auto status = store_->transact([&](store::StoreTransaction& tx) {
    for (const auto& secret : tx.sealed_secrets_not_starting_with("v1:" + key_id('b') + ":", 2)) {
      tx.replace_sealed_secret(secret, rotated.seal(*rotated.open(secret.sealed)));
    }
    return domain::ok_status();
  });
  ASSERT_TRUE(status);
  auto outcome = SecretKeyRotation(*store_, rotated).rotate(100, {});
  ASSERT_TRUE(outcome) << outcome.error().technical;
  EXPECT_EQ(outcome->already_current, 2);
  EXPECT_EQ(outcome->re_encrypted, 2);
  expect_all_open(platform::SecretBox(ring_of({'b'})));
}

}  // namespace
}  // namespace sspr::flows
