// PasswordReset against the real store on a temporary SQLite database, the real CAPTCHA,
// hasher and method strategies, a fixed clock and a Notifier that keeps what it is given.
#include "flows/password_reset.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "domain/audit_event.h"
#include "flows/directory_administration.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/hmac_captcha_signer.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows {
namespace {

namespace dm = domain::methods;
namespace dp = domain::policy;
namespace dr = domain::reset;

constexpr std::uint32_t kDifficulty = 50;
constexpr const char* kKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
constexpr const char* kUpn = "alice@contoso.example";

class FixedClock final : public domain::Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::time_point{std::chrono::seconds(1'795'000'000)};
  }
};

class CapturingNotifier final : public notify::Notifier {
 public:
  domain::Status send(const notify::OutgoingMessage& message) override {
    messages.push_back(message);
    return domain::ok_status();
  }
  std::string last_code() {
    std::smatch match;
    const std::string body = messages.back().body;
    EXPECT_TRUE(std::regex_search(body, match, std::regex("\\b[0-9]{6,8}\\b"))) << body;
    return match.str();
  }
  std::vector<notify::OutgoingMessage> messages;
};

class PasswordResetTest : public ::testing::Test {
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
    input.upn = kUpn;
    input.display_name = "Alice Lindqvist";
    ASSERT_TRUE(admin_->create_user(op_, ctx_, input, std::nullopt).ok());
    ASSERT_TRUE(admin_->assign_license_to_user(op_, ctx_, kUpn, "SPE").ok());
    transact([&](store::StoreTransaction& tx) { user_ = *tx.find_user_by_upn(kUpn); });
    policy_.enabled = dp::SsprEnabled::kAll;
    policy_.methods = {dm::MethodType::kEmail, dm::MethodType::kMobilePhone,
                       dm::MethodType::kSecurityQuestions};
    set_policy();
    dm::RegisteredMethod email;
    email.user_id = user_.id;
    email.type = dm::MethodType::kEmail;
    email.value = "alice.private@example.org";
    dm::RegisteredMethod mobile = email;
    mobile.type = dm::MethodType::kMobilePhone;
    mobile.value = "+14255550123";
    transact([&](store::StoreTransaction& tx) {
      email_id_ = std::to_string(tx.save_method(email));
      mobile_id_ = std::to_string(tx.save_method(mobile));
    });
    key_ = std::make_unique<platform::SecretKey>(*platform::SecretKey::from_text(kKey));
    box_ = std::make_unique<platform::SecretBox>(*key_);
    digest_ = std::make_unique<platform::OneTimeCodeDigest>(*key_);
    captcha_ = std::make_unique<Captcha>(*store_, clock_, random_, signer_, kDifficulty);
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

  // What the page's worker does.
  nlohmann::json solved_captcha() const {
    const auto challenge = captcha_challenge_json(captcha_->issue());
    const auto salt = challenge.at("salt").get<std::string>();
    const auto target = challenge.at("challenge").get<std::string>();
    for (std::uint64_t n = 0; n <= kDifficulty; ++n) {
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

  domain::Result<ResetFlowView> start(const std::string& upn = kUpn) {
    return reset_->start(ctx_, upn, solved_captcha(), "en");
  }

  void register_questions() {
    const auto available = dm_questions_.available({}, "en");
    ASSERT_GE(available.size(), 3u);
    std::vector<dm::SecurityAnswerInput> inputs;
    for (std::size_t i = 0; i < 3; ++i) {
      inputs.push_back({available[i].id, "answer number " + std::to_string(i)});
      answers_[available[i].id] = inputs.back().answer;
    }
    auto records = dm_questions_.register_answers(inputs, 3, {}, domain::to_iso8601(clock_.now()));
    ASSERT_TRUE(records.ok()) << records.error().technical;
    transact([&](store::StoreTransaction& tx) { tx.replace_security_answers(user_.id, *records); });
  }

  // Passes the email gate of `flow`.
  domain::Result<ResetFlowView> pass_email(const std::string& flow) {
    auto sent = reset_->challenge(ctx_, flow, email_id_, "", "", "en");
    EXPECT_TRUE(sent.ok()) << sent.error().technical;
    return reset_->verify(ctx_, flow, email_id_, notifier_.last_code(), {}, "en");
  }

  std::vector<domain::AuditEvent> audit(std::string_view activity) {
    store::AuditQuery query;
    query.activity = std::string(activity);
    query.limit = 1000;
    return *admin_->audit(op_, query);
  }

  FixedClock clock_;
  platform::SodiumRandom random_;
  platform::Argon2idPasswordHasher hasher_{{8, 1}};
  methods::SecurityQuestionsMethod dm_questions_{hasher_};
  CapturingNotifier notifier_;
  platform::HmacCaptchaSigner signer_{*platform::SecretKey::from_text(std::string(64, '7'))};
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DirectoryAdministration> admin_;
  std::unique_ptr<platform::SecretKey> key_;
  std::unique_ptr<platform::SecretBox> box_;
  std::unique_ptr<platform::OneTimeCodeDigest> digest_;
  std::unique_ptr<Captcha> captcha_;
  std::unique_ptr<PasswordReset> reset_;
  dp::SsprPolicy policy_;
  domain::TenantId tenant_ = 0;
  domain::User user_;
  std::string email_id_;
  std::string mobile_id_;
  std::map<std::string, std::string> answers_;
  domain::Actor op_ = domain::Actor::operator_cli();
  domain::RequestContext ctx_{"corr-1", "127.0.0.1"};
};

TEST_F(PasswordResetTest, CaptchaIsCheckedFirst) {
  auto started = reset_->start(ctx_, kUpn, nlohmann::json::object(), "en");
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().name, "CaptchaInvalid");
}

TEST_F(PasswordResetTest, EligibilityErrorIsPassedThroughAndAudited) {
  policy_.enabled = dp::SsprEnabled::kNone;
  set_policy();
  auto started = start();
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().code, "SSPR_0009");
  auto events = audit(domain::audit_activity::kFlowProgress);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].result_reason, "TenantSSPRFlagDisabled");
}

TEST_F(PasswordResetTest, UnknownAndDisabledUsersGetTheNeutralAnswer) {
  auto unknown = start("nobody@contoso.example");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().name, "AccountUnavailable");
  UserChanges disable;
  disable.enabled = false;
  ASSERT_TRUE(admin_->update_user(op_, ctx_, kUpn, disable).ok());
  auto disabled = start();
  ASSERT_FALSE(disabled.ok());
  EXPECT_EQ(disabled.error().name, "AccountUnavailable");
  EXPECT_EQ(disabled.error().technical, unknown.error().technical);
}

TEST_F(PasswordResetTest, StartListsUsableMethodsMasked) {
  auto started = start();
  ASSERT_TRUE(started.ok()) << started.error().technical;
  EXPECT_EQ(started->state, dr::FlowState::kVerifying);
  EXPECT_EQ(started->gates_required, 1);
  ASSERT_EQ(started->methods.size(), 2u);  // questions are not registered
  for (const auto& method : started->methods) {
    EXPECT_EQ(method.masked.find("alice.private"), std::string::npos) << method.masked;
    EXPECT_EQ(method.masked.find("5550123"), std::string::npos) << method.masked;
  }
}

TEST_F(PasswordResetTest, BannedPasswordIsRejectedThenAGoodOneIsAcceptedAndTheFlowIsDone) {
  auto started = start();
  ASSERT_TRUE(started.ok());
  auto early = reset_->set_password(ctx_, started->id, "Quartz-Violin-8-Tundra", "en");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().name, "GatesNotPassed");

  auto verified = pass_email(started->id);
  ASSERT_TRUE(verified.ok()) << verified.error().technical;
  EXPECT_EQ(verified->state, dr::FlowState::kVerified);

  auto banned = reset_->set_password(ctx_, started->id, "Contoso!1", "en");
  ASSERT_FALSE(banned.ok());
  EXPECT_EQ(banned.error().name, "FuzzyPolicyViolationInvalidPassword");

  auto done = reset_->set_password(ctx_, started->id, "Quartz-Violin-8-Tundra", "en");
  ASSERT_TRUE(done.ok()) << done.error().technical;
  EXPECT_EQ(done->state, dr::FlowState::kDone);
  std::optional<std::string> hash;
  transact([&](store::StoreTransaction& tx) { hash = tx.password_hash(user_.id); });
  ASSERT_TRUE(hash.has_value());
  EXPECT_TRUE(hasher_.verify("Quartz-Violin-8-Tundra", *hash));
  auto events = audit(domain::audit_activity::kResetSelfService);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].correlation_id, "corr-1");

  // A finished flow accepts nothing.
  auto again = reset_->set_password(ctx_, started->id, "Another-Quartz-9-Violin", "en");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().name, "ResetFlowFinished");
  auto challenge = reset_->challenge(ctx_, started->id, mobile_id_, "", "+14255550123", "en");
  ASSERT_FALSE(challenge.ok());
  EXPECT_EQ(challenge.error().name, "ResetFlowFinished");
}

TEST_F(PasswordResetTest, TwoGatesNeedTwoDifferentMethods) {
  policy_.methods_required = 2;
  set_policy();
  register_questions();
  auto started = start();
  ASSERT_TRUE(started.ok()) << started.error().technical;
  EXPECT_EQ(started->gates_required, 2);
  auto first = pass_email(started->id);
  ASSERT_TRUE(first.ok()) << first.error().technical;
  EXPECT_EQ(first->state, dr::FlowState::kVerifying);

  auto reuse = reset_->challenge(ctx_, started->id, email_id_, "", "", "en");
  ASSERT_FALSE(reuse.ok());
  EXPECT_EQ(reuse.error().name, "GateAlreadyPassed");
  auto early = reset_->set_password(ctx_, started->id, "Quartz-Violin-8-Tundra", "en");
  ASSERT_FALSE(early.ok());

  auto asked = reset_->challenge(ctx_, started->id, "security_questions", "", "", "en");
  ASSERT_TRUE(asked.ok()) << asked.error().technical;
  ASSERT_EQ(asked->questions.size(), 3u);
  std::vector<dm::SecurityAnswerInput> typed;
  for (const auto& question : asked->questions) {
    EXPECT_FALSE(question.text.empty());
    typed.push_back({question.id, "wrong answer here"});
  }
  auto wrong = reset_->verify(ctx_, started->id, "security_questions", "", typed, "en");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().name, "IncorrectSecurityAnswers");
  for (auto& answer : typed) answer.answer = answers_.at(answer.question_id);
  auto second = reset_->verify(ctx_, started->id, "security_questions", "", typed, "en");
  ASSERT_TRUE(second.ok()) << second.error().technical;
  EXPECT_EQ(second->state, dr::FlowState::kVerified);
}

TEST_F(PasswordResetTest, PhoneMethodsNeedTheWholeNumber) {
  auto started = start();
  ASSERT_TRUE(started.ok());
  auto mismatch = reset_->challenge(ctx_, started->id, mobile_id_, "sms", "+14255550999", "en");
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().name, "PhoneNumberMismatch");
  EXPECT_TRUE(notifier_.messages.empty());
  auto sent = reset_->challenge(ctx_, started->id, mobile_id_, "sms", "+1 425 555 0123", "en");
  ASSERT_TRUE(sent.ok()) << sent.error().technical;
  ASSERT_EQ(notifier_.messages.size(), 1u);
  auto verified = reset_->verify(ctx_, started->id, mobile_id_, notifier_.last_code(), {}, "en");
  ASSERT_TRUE(verified.ok()) << verified.error().technical;
  EXPECT_EQ(verified->state, dr::FlowState::kVerified);
}

TEST_F(PasswordResetTest, SixthStartInAnHourIsBlockedAndAuditedOnce) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(start().ok()) << i;
  auto sixth = start();
  ASSERT_FALSE(sixth.ok());
  EXPECT_EQ(sixth.error().name, "ThrottledBlocked");
  EXPECT_EQ(sixth.error().kind, domain::ErrorKind::kThrottled);
  auto seventh = start();
  ASSERT_FALSE(seventh.ok());
  EXPECT_EQ(seventh.error().name, "ThrottledBlocked");
  EXPECT_EQ(audit(domain::audit_activity::kBlocked).size(), 1u);
}

}  // namespace
}  // namespace sspr::flows

namespace sspr::flows {
namespace {

TEST_F(PasswordResetTest, UnknownUsersCostAnAttemptOfTheClientAddress) {
  for (int i = 0; i < 5; ++i) {
    auto refused = start("nobody@contoso.example");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().name, "AccountUnavailable") << i;
  }
  auto sixth = start("nobody@contoso.example");
  ASSERT_FALSE(sixth.ok());
  EXPECT_EQ(sixth.error().name, "ThrottledBlocked");
  // The user's own counter is another key.
  EXPECT_TRUE(start().ok());
}

TEST_F(PasswordResetTest, SixthSecurityQuestionAttemptIsBlocked) {
  policy_.methods = {dm::MethodType::kSecurityQuestions};
  set_policy();
  register_questions();
  auto started = start();
  ASSERT_TRUE(started.ok()) << started.error().technical;
  auto asked = reset_->challenge(ctx_, started->id, "security_questions", "", "", "en");
  ASSERT_TRUE(asked.ok()) << asked.error().technical;
  std::vector<dm::SecurityAnswerInput> typed;
  for (const auto& question : asked->questions) typed.push_back({question.id, "not it at all"});
  for (int i = 0; i < 5; ++i) {
    auto wrong = reset_->verify(ctx_, started->id, "security_questions", "", typed, "en");
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().name, "IncorrectSecurityAnswers") << i;
  }
  for (auto& answer : typed) answer.answer = answers_.at(answer.question_id);
  auto blocked = reset_->verify(ctx_, started->id, "security_questions", "", typed, "en");
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().name, "ThrottledBlocked");
  EXPECT_EQ(audit(domain::audit_activity::kBlocked).size(), 1u);
}

}  // namespace
}  // namespace sspr::flows
