#pragma once
// A PasswordReset over the real store on a temporary SQLite database, with a clock the test
// moves (fakes/fixed_clock.h), the real CAPTCHA, hasher and method strategies, a Notifier that
// keeps what it is given and an on-premises directory double (use_directory()). Alice is
// licensed and has an alternate email and a mobile phone; the tenant's policy offers both, one
// gate (tests change `policy_` and call set_policy()). Shared by the reset flow's unit tests.

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "domain/audit_event.h"
#include "fakes/fixed_clock.h"
#include "flows/directory_administration.h"
#include "flows/methods/security_questions_method.h"
#include "flows/onprem/onprem_directory.h"
#include "flows/password_reset.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/hmac_captcha_signer.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows::testing {

inline constexpr std::uint32_t kResetCaptchaDifficulty = 50;
inline constexpr const char* kResetUpn = "alice@contoso.example";
inline constexpr const char* kResetMobile = "+14255550123";

// Keeps every message it is given; a message to an address of `failing` (or any message,
// with `fail_all`) is not delivered.
class CapturingNotifier final : public notify::Notifier {
 public:
  domain::Status send(const notify::OutgoingMessage& message) override {
    if (fail_all || failing.count(message.to)) {
      return domain::errors::notification_failed("email to a***: SMTP 451", false);
    }
    if (on_send) on_send(message);
    messages.push_back(message);
    return domain::ok_status();
  }
  std::vector<notify::OutgoingMessage> to(const std::string& address) const {
    std::vector<notify::OutgoingMessage> out;
    for (const auto& message : messages) {
      if (message.to == address) out.push_back(message);
    }
    return out;
  }
  std::string last_code() const {
    std::smatch match;
    const std::string body = messages.back().body;
    EXPECT_TRUE(std::regex_search(body, match, std::regex("\\b[0-9]{6,8}\\b"))) << body;
    return match.str();
  }
  std::set<std::string> failing;
  bool fail_all = false;
  std::function<void(const notify::OutgoingMessage&)> on_send;  // runs before each delivery
  std::vector<notify::OutgoingMessage> messages;
};

// The on-premises directory port as a test double: records what it is asked and answers
// `answer`.
class RecordingDirectory final : public onprem::OnPremisesDirectory {
 public:
  domain::Status set_password(domain::TenantId, const domain::User& user,
                              const std::string& password) override {
    passwords.emplace_back(user.upn, password);
    return answer;
  }
  domain::Status unlock(domain::TenantId, const domain::User& user) override {
    unlocked.push_back(user.upn);
    return answer;
  }
  domain::Status answer = domain::ok_status();
  std::vector<std::pair<std::string, std::string>> passwords;
  std::vector<std::string> unlocked;
};

// The real Argon2id hasher, counting the hashes it makes (so a test can tell that a refused
// password cost none).
class CountingPasswordHasher final : public domain::PasswordHasher {
 public:
  explicit CountingPasswordHasher(const domain::PasswordHasher& inner) : inner_(inner) {}
  std::string hash(std::string_view secret) const override {
    ++hashes_;
    return inner_.hash(secret);
  }
  bool verify(std::string_view secret, const std::string& hashed) const override {
    return inner_.verify(secret, hashed);
  }
  int hashes() const { return hashes_.load(); }

 private:
  const domain::PasswordHasher& inner_;
  mutable std::atomic<int> hashes_{0};
};

class ResetFlowFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sspr-reset-test-" + random_.hex(8));
    auto opened = store::open_store({"", dir_.string(), 4});
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    store_ = std::move(opened).value();
    admin_ = std::make_unique<DirectoryAdministration>(*store_, clock_, random_, hasher_);
    auto tenant = admin_->create_tenant(op_, ctx_, "Contoso", "contoso.example");
    ASSERT_TRUE(tenant.ok());
    tenant_ = tenant->id;
    domain::NewUser input;
    input.upn = kResetUpn;
    input.display_name = "Alice Lindqvist";
    ASSERT_TRUE(admin_->create_user(op_, ctx_, input, std::nullopt).ok());
    ASSERT_TRUE(admin_->assign_license_to_user(op_, ctx_, kResetUpn, "SPE").ok());
    transact([&](store::StoreTransaction& tx) { user_ = *tx.find_user_by_upn(kResetUpn); });
    policy_.enabled = domain::policy::SsprEnabled::kAll;
    policy_.methods = {domain::methods::MethodType::kEmail,
                       domain::methods::MethodType::kMobilePhone};
    set_policy();
    domain::methods::RegisteredMethod email;
    email.user_id = user_.id;
    email.type = domain::methods::MethodType::kEmail;
    email.value = "alice.private@example.org";
    auto mobile = email;
    mobile.type = domain::methods::MethodType::kMobilePhone;
    mobile.value = kResetMobile;
    transact([&](store::StoreTransaction& tx) {
      email_id_ = std::to_string(tx.save_method(email));
      mobile_id_ = std::to_string(tx.save_method(mobile));
    });
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

  template <typename Work>
  void transact(Work work) {
    ASSERT_TRUE(store_
                    ->transact([&](store::StoreTransaction& tx) -> domain::Status {
                      work(tx);
                      return domain::ok_status();
                    })
                    .ok());
  }

  void set_policy() {
    transact([&](store::StoreTransaction& tx) {
      tx.save_sspr_policy(tenant_, policy_, domain::to_iso8601(clock_.now()));
    });
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

  domain::Result<ResetFlowView> start(const std::string& upn = kResetUpn) {
    return reset_->start(ctx_, upn, solved_captcha(), "en");
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

  // Passes the email gate of `flow`.
  domain::Result<ResetFlowView> pass_email(const std::string& flow) {
    auto sent = send_email(flow);
    EXPECT_TRUE(sent.ok()) << sent.error().technical;
    return verify_email(flow, notifier_.last_code());
  }

  // Registers three security answers for Alice ("answer number N"), kept in `answers_`.
  void register_questions() {
    const auto available = questions_.available({}, "en");
    ASSERT_GE(available.size(), 3u);
    std::vector<domain::methods::SecurityAnswerInput> inputs;
    for (std::size_t i = 0; i < 3; ++i) {
      inputs.push_back({available[i].id, "answer number " + std::to_string(i)});
      answers_[available[i].id] = inputs.back().answer;
    }
    auto records = questions_.register_answers(inputs, 3, {}, domain::to_iso8601(clock_.now()));
    ASSERT_TRUE(records.ok()) << records.error().technical;
    transact([&](store::StoreTransaction& tx) { tx.replace_security_answers(user_.id, *records); });
  }

  // The reset flow asking `directory_` instead of the unconfigured on-premises directory.
  void use_directory() {
    reset_ = std::make_unique<PasswordReset>(*store_, clock_, random_, hasher_, notifier_, *box_,
                                             *digest_, *captcha_, nullptr, &directory_);
  }

  // A licensed user with an alternate email (`upn` with ".private" at example.org) and a
  // mobile phone; synced users keep their password on premises.
  domain::User add_user(const std::string& upn, bool synced, const std::string& primary_email,
                        const std::string& role = "") {
    domain::NewUser input;
    input.upn = upn;
    input.display_name = upn.substr(0, upn.find('@'));
    input.email = primary_email;
    if (synced) input.source = "synced";
    EXPECT_TRUE(admin_->create_user(op_, ctx_, input, std::nullopt).ok());
    EXPECT_TRUE(admin_->assign_license_to_user(op_, ctx_, upn, "SPE").ok());
    if (!role.empty()) {
      EXPECT_TRUE(admin_->assign_role(op_, ctx_, upn, role).ok());
    }
    domain::User user;
    transact([&](store::StoreTransaction& tx) {
      user = *tx.find_user_by_upn(upn);
      domain::methods::RegisteredMethod method;
      method.user_id = user.id;
      method.type = domain::methods::MethodType::kEmail;
      method.value = input.display_name + ".private@example.org";
      tx.save_method(method);
      method.type = domain::methods::MethodType::kMobilePhone;
      method.value = kResetMobile;
      tx.save_method(method);
    });
    return user;
  }

  // Starts a flow for `upn` and passes every gate it asks for (email, then the mobile phone).
  domain::Result<ResetFlowView> verified_flow(
      const std::string& upn,
      domain::reset::ResetReason reason = domain::reset::ResetReason::kForgot) {
    auto flow = reset_->start(ctx_, upn, solved_captcha(), "en", reason);
    if (!flow) return flow;
    while (flow->state == domain::reset::FlowState::kVerifying) {
      const auto& method = flow->methods.front();
      const bool email = method.type == domain::methods::MethodType::kEmail;
      auto sent = reset_->challenge(ctx_, flow->id, method.id, "", email ? "" : kResetMobile, "en");
      if (!sent) return sent.error();
      flow = reset_->verify(ctx_, flow->id, method.id, notifier_.last_code(), {}, "en");
      if (!flow) return flow;
    }
    return flow;
  }

  std::vector<domain::AuditEvent> audit(std::string_view activity) {
    store::AuditQuery query;
    query.activity = std::string(activity);
    query.limit = 1000;
    return *admin_->audit(op_, query);
  }

  // The "flow activity progress" events of one step (e.g. "gate_failed").
  std::vector<domain::AuditEvent> flow_steps(const std::string& step) {
    std::vector<domain::AuditEvent> out;
    for (auto& event : audit(domain::audit_activity::kFlowProgress)) {
      if (event.details.value("step", "") == step) out.push_back(std::move(event));
    }
    return out;
  }

  sspr::testing::FixedClock clock_;
  platform::SodiumRandom random_;
  platform::Argon2idPasswordHasher argon2_{{8, 1}};
  CountingPasswordHasher hasher_{argon2_};
  methods::SecurityQuestionsMethod questions_{hasher_};
  CapturingNotifier notifier_;
  RecordingDirectory directory_;
  platform::HmacCaptchaSigner signer_{*platform::SecretKey::from_text(std::string(64, '7'))};
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DirectoryAdministration> admin_;
  std::unique_ptr<platform::SecretKey> key_;
  std::unique_ptr<platform::SecretBox> box_;
  std::unique_ptr<platform::OneTimeCodeDigest> digest_;
  std::unique_ptr<Captcha> captcha_;
  std::unique_ptr<PasswordReset> reset_;
  domain::policy::SsprPolicy policy_;
  domain::TenantId tenant_ = 0;
  domain::User user_;
  std::string email_id_;
  std::string mobile_id_;
  std::map<std::string, std::string> answers_;
  domain::Actor op_ = domain::Actor::operator_cli();
  domain::RequestContext ctx_{"corr-1", "127.0.0.1", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"};
};

}  // namespace sspr::flows::testing
