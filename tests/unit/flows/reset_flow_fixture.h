#pragma once
// A PasswordReset over the real store on a temporary SQLite database, with a clock the test
// moves (fakes/fixed_clock.h), the real CAPTCHA, hasher and method strategies, and a Notifier
// that keeps what it is given. Alice is licensed and has an alternate email and a mobile phone;
// the tenant's policy offers both, one gate. For tests of time: expiry and throttling.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "domain/audit_event.h"
#include "fakes/fixed_clock.h"
#include "flows/directory_administration.h"
#include "flows/password_reset.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/hmac_captcha_signer.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows::testing {

inline constexpr std::uint32_t kResetCaptchaDifficulty = 50;
inline constexpr const char* kResetUpn = "alice@contoso.example";
inline constexpr const char* kResetMobile = "+14255550123";

class KeepingNotifier final : public notify::Notifier {
 public:
  domain::Status send(const notify::OutgoingMessage& message) override {
    messages.push_back(message);
    return domain::ok_status();
  }
  std::string last_code() const {
    std::smatch match;
    const std::string body = messages.back().body;
    EXPECT_TRUE(std::regex_search(body, match, std::regex("\\b[0-9]{6,8}\\b"))) << body;
    return match.str();
  }
  std::vector<notify::OutgoingMessage> messages;
};

class ResetFlowFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sspr-reset-time-" + random_.hex(8));
    auto opened = store::open_store({"", dir_.string(), 4});
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    store_ = std::move(opened).value();
    admin_ = std::make_unique<DirectoryAdministration>(*store_, clock_, random_, hasher_);
    auto tenant = admin_->create_tenant(op_, ctx_, "Contoso", "contoso.example");
    ASSERT_TRUE(tenant.ok());
    domain::NewUser input;
    input.upn = kResetUpn;
    input.display_name = "Alice Lindqvist";
    ASSERT_TRUE(admin_->create_user(op_, ctx_, input, std::nullopt).ok());
    ASSERT_TRUE(admin_->assign_license_to_user(op_, ctx_, kResetUpn, "SPE").ok());
    domain::policy::SsprPolicy policy;
    policy.enabled = domain::policy::SsprEnabled::kAll;
    policy.methods = {domain::methods::MethodType::kEmail,
                      domain::methods::MethodType::kMobilePhone};
    ASSERT_TRUE(store_
                    ->transact([&](store::StoreTransaction& tx) -> domain::Status {
                      const auto user = *tx.find_user_by_upn(kResetUpn);
                      tx.save_sspr_policy(tenant->id, policy, domain::to_iso8601(clock_.now()));
                      domain::methods::RegisteredMethod email;
                      email.user_id = user.id;
                      email.type = domain::methods::MethodType::kEmail;
                      email.value = "alice.private@example.org";
                      auto mobile = email;
                      mobile.type = domain::methods::MethodType::kMobilePhone;
                      mobile.value = kResetMobile;
                      email_id_ = std::to_string(tx.save_method(email));
                      mobile_id_ = std::to_string(tx.save_method(mobile));
                      return domain::ok_status();
                    })
                    .ok());
    key_ = std::make_unique<platform::SecretKey>(
        *platform::SecretKey::from_text("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
    box_ = std::make_unique<platform::SecretBox>(*key_);
    digest_ = std::make_unique<platform::OneTimeCodeDigest>(*key_);
    captcha_ =
        std::make_unique<Captcha>(*store_, clock_, random_, signer_, kResetCaptchaDifficulty);
    reset_ = std::make_unique<PasswordReset>(*store_, clock_, random_, hasher_, notifier_, *box_,
                                             *digest_, *captcha_);
  }

  void TearDown() override {
    reset_.reset();
    captcha_.reset();
    admin_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // What the page's worker does, at the clock's current time.
  nlohmann::json solved_captcha() const {
    const auto challenge = captcha_challenge_json(captcha_->issue());
    const auto salt = challenge.at("salt").get<std::string>();
    const auto target = challenge.at("challenge").get<std::string>();
    for (std::uint64_t n = 0; n <= kResetCaptchaDifficulty; ++n) {
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

  domain::Result<ResetFlowView> start() {
    return reset_->start(ctx_, kResetUpn, solved_captcha(), "en");
  }
  domain::Result<ResetChallenge> send_email(const std::string& flow) {
    return reset_->challenge(ctx_, flow, email_id_, "", "", "en");
  }
  domain::Result<ResetChallenge> send_sms(const std::string& flow) {
    return reset_->challenge(ctx_, flow, mobile_id_, "sms", kResetMobile, "en");
  }
  domain::Result<ResetFlowView> verify_email(const std::string& flow, const std::string& code) {
    return reset_->verify(ctx_, flow, email_id_, code, {}, "en");
  }

  std::vector<domain::AuditEvent> audit(std::string_view activity) {
    store::AuditQuery query;
    query.activity = std::string(activity);
    query.limit = 1000;
    return *admin_->audit(op_, query);
  }

  sspr::testing::FixedClock clock_;
  platform::SodiumRandom random_;
  platform::Argon2idPasswordHasher hasher_{{8, 1}};
  KeepingNotifier notifier_;
  platform::HmacCaptchaSigner signer_{*platform::SecretKey::from_text(std::string(64, '7'))};
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DirectoryAdministration> admin_;
  std::unique_ptr<platform::SecretKey> key_;
  std::unique_ptr<platform::SecretBox> box_;
  std::unique_ptr<platform::OneTimeCodeDigest> digest_;
  std::unique_ptr<Captcha> captcha_;
  std::unique_ptr<PasswordReset> reset_;
  std::string email_id_;
  std::string mobile_id_;
  domain::Actor op_ = domain::Actor::operator_cli();
  domain::RequestContext ctx_{"corr-time", "127.0.0.1", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"};
};

}  // namespace sspr::flows::testing
