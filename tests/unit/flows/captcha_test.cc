// flows::Captcha against the real store (temporary SQLite) and the real signer, with a clock
// the tests move and a small difficulty so the tests solve challenges by brute force.
#include "flows/captcha.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "domain/error.h"
#include "platform/hmac_captcha_signer.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows {
namespace {

using std::chrono::seconds;

constexpr std::uint32_t kDifficulty = 200;

class MovableClock final : public domain::Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return now_; }
  void advance(std::chrono::system_clock::duration by) { now_ += by; }

 private:
  std::chrono::system_clock::time_point now_{seconds(1'795'000'000)};
};

platform::SecretKey key_from(char fill) {
  auto key = platform::SecretKey::from_text(std::string(64, fill));
  EXPECT_TRUE(key.ok());
  return *key;
}

class CaptchaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sspr-captcha-test-" + random_.hex(8));
    auto opened = store::open_store({"", dir_.string(), 2});
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    store_ = std::move(opened).value();
    captcha_ = std::make_unique<Captcha>(*store_, clock_, random_, signer_, kDifficulty);
  }
  void TearDown() override {
    captcha_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // What the page's worker does.
  nlohmann::json solve(const nlohmann::json& challenge) const {
    const auto salt = challenge.at("salt").get<std::string>();
    const auto target = challenge.at("challenge").get<std::string>();
    for (std::uint64_t n = 0; n <= challenge.at("maxnumber").get<std::uint64_t>(); ++n) {
      if (signer_.sha256_hex(salt + std::to_string(n)) == target) {
        return {{"algorithm", challenge.at("algorithm")},
                {"challenge", target},
                {"number", n},
                {"salt", salt},
                {"signature", challenge.at("signature")}};
      }
    }
    ADD_FAILURE() << "no solution up to maxnumber";
    return nullptr;
  }
  // The error's name, or "" when `result` (a Status or a Result) succeeded.
  template <typename R>
  std::string error_name(const R& result) const {
    return result ? "" : result.error().name;
  }

  std::filesystem::path dir_;
  platform::SodiumRandom random_;
  MovableClock clock_;
  platform::HmacCaptchaSigner signer_{key_from('7')};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Captcha> captcha_;
};

TEST_F(CaptchaTest, IssuedChallengeHasExactlyTheContractFields) {
  const auto json = captcha_challenge_json(captcha_->issue());
  ASSERT_EQ(json.size(), 5u);
  EXPECT_EQ(json.at("algorithm"), "SHA-256");
  EXPECT_EQ(json.at("maxnumber"), kDifficulty);
  EXPECT_EQ(json.at("challenge").get<std::string>().size(), 64u);
  EXPECT_EQ(json.at("signature").get<std::string>().size(), 64u);
  EXPECT_NE(json.at("salt").get<std::string>().find("?expires=1795000600"), std::string::npos);
}

TEST_F(CaptchaTest, SolvedOnceThenReplayed) {
  const auto solution = solve(captcha_challenge_json(captcha_->issue()));
  EXPECT_EQ(error_name(captcha_->verify(solution)), "");
  EXPECT_EQ(error_name(captcha_->verify(solution)), "CaptchaReplayed");
}

TEST_F(CaptchaTest, ConsumedInTheCallersTransactionOnlyWhenItCommits) {
  const auto solution = solve(captcha_challenge_json(captcha_->issue()));
  const auto checked = captcha_->check(solution);
  ASSERT_TRUE(checked.ok()) << checked.error().technical;
  // A work that consumes it and then fails keeps nothing: the solution is still unused.
  const auto failed = store_->transact([&](store::StoreTransaction& tx) -> domain::Status {
    if (auto used = captcha_->consume(tx, *checked); !used) return used;
    return domain::errors::invalid_input("step", "refused after the captcha");
  });
  EXPECT_EQ(error_name(failed), "InvalidInput");
  const auto kept = store_->transact(
      [&](store::StoreTransaction& tx) { return captcha_->consume(tx, *checked); });
  EXPECT_EQ(error_name(kept), "");
  const auto again = store_->transact(
      [&](store::StoreTransaction& tx) { return captcha_->consume(tx, *checked); });
  EXPECT_EQ(error_name(again), "CaptchaReplayed");
  EXPECT_EQ(error_name(captcha_->verify(solution)), "CaptchaReplayed");
}

TEST_F(CaptchaTest, ASpentSolutionIsRefusedByAReadAlone) {
  const auto checked = captcha_->check(solve(captcha_challenge_json(captcha_->issue())));
  ASSERT_TRUE(checked.ok()) << checked.error().technical;
  auto refused = [&] {
    return error_name(store_->read(
        [&](store::StoreTransaction& tx) { return captcha_->refuse_if_used(tx, *checked); }));
  };
  EXPECT_EQ(refused(), "");
  ASSERT_TRUE(store_->transact(
      [&](store::StoreTransaction& tx) { return captcha_->consume(tx, *checked); }));
  EXPECT_EQ(refused(), "CaptchaReplayed");
}

TEST_F(CaptchaTest, CheckRefusesWhatVerifyRefusesWithoutTheStore) {
  auto solution = solve(captcha_challenge_json(captcha_->issue()));
  solution["number"] = solution["number"].get<std::uint64_t>() + 1;
  EXPECT_EQ(error_name(captcha_->check(solution)), "CaptchaInvalid");
  EXPECT_EQ(error_name(captcha_->check(nlohmann::json::object())), "CaptchaInvalid");
}

TEST_F(CaptchaTest, AnotherServersChallengeIsRefused) {
  platform::HmacCaptchaSigner other_signer(key_from('8'));
  Captcha other(*store_, clock_, random_, other_signer, kDifficulty);
  const auto solution = solve(captcha_challenge_json(other.issue()));
  EXPECT_EQ(error_name(captcha_->verify(solution)), "CaptchaInvalid");
  EXPECT_EQ(error_name(other.verify(solution)), "");
}

TEST_F(CaptchaTest, ExpiresTenMinutesAfterIssue) {
  const auto first = solve(captcha_challenge_json(captcha_->issue()));
  const auto second = solve(captcha_challenge_json(captcha_->issue()));
  clock_.advance(seconds(599));
  EXPECT_EQ(error_name(captcha_->verify(first)), "");
  clock_.advance(seconds(1));
  EXPECT_EQ(error_name(captcha_->verify(second)), "CaptchaExpired");
  // The replay record of `first` is purged once it expired; it stays refused (as expired).
  EXPECT_EQ(error_name(captcha_->verify(first)), "CaptchaExpired");
}

TEST_F(CaptchaTest, MalformedObjectsAreInvalid) {
  const auto good = solve(captcha_challenge_json(captcha_->issue()));
  EXPECT_EQ(error_name(captcha_->verify(nlohmann::json())), "CaptchaInvalid");
  EXPECT_EQ(error_name(captcha_->verify(nlohmann::json::array())), "CaptchaInvalid");
  for (const char* field : {"algorithm", "challenge", "number", "salt", "signature"}) {
    auto missing = good;
    missing.erase(field);
    EXPECT_EQ(error_name(captcha_->verify(missing)), "CaptchaInvalid") << field;
  }
  for (const nlohmann::json& number :
       {nlohmann::json(-1), nlohmann::json(1.5), nlohmann::json("1"), nlohmann::json(nullptr)}) {
    auto bad = good;
    bad["number"] = number;
    EXPECT_EQ(error_name(captcha_->verify(bad)), "CaptchaInvalid") << number.dump();
  }
  auto other_number = good;
  other_number["number"] = good["number"].get<std::uint64_t>() == 0 ? 1 : 0;
  EXPECT_EQ(error_name(captcha_->verify(other_number)), "CaptchaInvalid");
  // None of the refusals used it up.
  EXPECT_EQ(error_name(captcha_->verify(good)), "");
}

TEST_F(CaptchaTest, SecretNumbersSpreadOverTheWholeRange) {
  std::uint64_t lowest = kDifficulty, highest = 0;
  for (int i = 0; i < 100; ++i) {
    const auto n =
        solve(captcha_challenge_json(captcha_->issue())).at("number").get<std::uint64_t>();
    lowest = std::min(lowest, n);
    highest = std::max(highest, n);
    ASSERT_LE(n, kDifficulty);
  }
  EXPECT_LT(lowest, kDifficulty / 4);
  EXPECT_GT(highest, kDifficulty * 3 / 4);
}

}  // namespace
}  // namespace sspr::flows
