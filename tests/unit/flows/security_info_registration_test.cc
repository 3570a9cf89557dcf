// SecurityInfoRegistration and its method strategies against the real store on a temporary
// SQLite database, with a clock the tests move and a Notifier that keeps what it is given.
#include "flows/security_info_registration.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <regex>
#include <thread>

#include "domain/audit_event.h"
#include "domain/methods/totp.h"
#include "flows/directory_administration.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows {
namespace {

namespace dm = domain::methods;
using std::chrono::minutes;
using std::chrono::seconds;

class MovableClock final : public domain::Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return now_; }
  void advance(std::chrono::system_clock::duration by) { now_ += by; }

 private:
  std::chrono::system_clock::time_point now_{seconds(1'795'000'000)};
};

// Keeps every message; fails while `fail` is set.
class CapturingNotifier final : public notify::Notifier {
 public:
  domain::Status send(const notify::OutgoingMessage& message) override {
    std::lock_guard lock(mutex_);
    if (fail) return domain::errors::notification_failed("email to a***@example.org", false);
    messages.push_back(message);
    return domain::ok_status();
  }
  std::string last_code() {
    std::lock_guard lock(mutex_);
    std::smatch match;
    const std::string body = messages.back().body;
    EXPECT_TRUE(std::regex_search(body, match, std::regex("\\b[0-9]{6,8}\\b"))) << body;
    return match.str();
  }
  std::vector<notify::OutgoingMessage> messages;
  bool fail = false;

 private:
  std::mutex mutex_;
};

methods::MethodRequest email_request(std::string email) {
  methods::MethodRequest request;
  request.email = std::move(email);
  return request;
}

methods::MethodRequest phone_request(std::string phone, std::string channel = "") {
  methods::MethodRequest request;
  request.phone = std::move(phone);
  request.channel = std::move(channel);
  return request;
}

constexpr const char* kKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

class SecurityInfoRegistrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sspr-reg-test-" + random_.hex(8));
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
    ASSERT_TRUE(store_
                    ->transact([&](store::StoreTransaction& tx) -> domain::Status {
                      user_ = *tx.find_user_by_upn("alice@contoso.example");
                      return domain::ok_status();
                    })
                    .ok());
    domain::policy::SsprPolicy policy;
    policy.enabled = domain::policy::SsprEnabled::kAll;
    policy.methods = {dm::MethodType::kEmail, dm::MethodType::kMobilePhone,
                      dm::MethodType::kOfficePhone, dm::MethodType::kSecurityQuestions,
                      dm::MethodType::kAppCode};
    set_policy(policy);
    key_ = std::make_unique<platform::SecretKey>(*platform::SecretKey::from_text(kKey));
    box_ = std::make_unique<platform::SecretBox>(*key_);
    digest_ = std::make_unique<platform::OneTimeCodeDigest>(*key_);
    registration_ = std::make_unique<SecurityInfoRegistration>(*store_, clock_, random_, hasher_,
                                                               notifier_, *box_, *digest_);
  }
  void TearDown() override {
    registration_.reset();
    admin_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void set_policy(const domain::policy::SsprPolicy& policy) {
    ASSERT_TRUE(store_
                    ->transact([&](store::StoreTransaction& tx) -> domain::Status {
                      tx.save_sspr_policy(tenant_, policy, domain::to_iso8601(clock_.now()));
                      return domain::ok_status();
                    })
                    .ok());
  }

  std::vector<domain::AuditEvent> audit(std::string_view activity) {
    store::AuditQuery query;
    query.activity = std::string(activity);
    query.limit = 1000;
    return *admin_->audit(op_, query);
  }

  std::vector<domain::AuditEvent> all_audit() {
    store::AuditQuery query;
    query.limit = 1000;
    return *admin_->audit(op_, query);
  }

  domain::Result<StartedRegistration> start(const std::string& type,
                                            methods::MethodRequest request = {}) {
    return registration_->start(ctx_, user_, type, request, "en");
  }

  domain::Result<SecurityInfoMethod> prove(const std::string& pending, const std::string& code) {
    return registration_->prove(ctx_, user_, pending, code, "en");
  }

  std::vector<dm::RegisteredMethod> stored_methods() {
    std::vector<dm::RegisteredMethod> out;
    EXPECT_TRUE(store_
                    ->transact([&](store::StoreTransaction& tx) -> domain::Status {
                      out = tx.list_methods(user_.id);
                      return domain::ok_status();
                    })
                    .ok());
    return out;
  }

  std::string wrong_code(const std::string& right) {
    std::string wrong = right;
    wrong[0] = wrong[0] == '9' ? '0' : static_cast<char>(wrong[0] + 1);
    return wrong;
  }

  MovableClock clock_;
  platform::SodiumRandom random_;
  platform::Argon2idPasswordHasher hasher_{{8, 1}};
  CapturingNotifier notifier_;
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DirectoryAdministration> admin_;
  std::unique_ptr<platform::SecretKey> key_;
  std::unique_ptr<platform::SecretBox> box_;
  std::unique_ptr<platform::OneTimeCodeDigest> digest_;
  std::unique_ptr<SecurityInfoRegistration> registration_;
  domain::TenantId tenant_ = 0;
  domain::User user_;
  domain::Actor op_ = domain::Actor::operator_cli();
  domain::RequestContext ctx_{"corr-1", "127.0.0.1"};
};

TEST_F(SecurityInfoRegistrationTest, EmailIsSavedOnlyAfterItsEightDigitCode) {
  auto started = start("email", email_request("alice.private@example.org"));
  ASSERT_TRUE(started.ok()) << started.error().technical;
  EXPECT_EQ(started->sent_to, "a•••@example.org");
  ASSERT_EQ(notifier_.messages.size(), 1u);
  EXPECT_EQ(notifier_.messages[0].channel, notify::Channel::kEmail);
  EXPECT_EQ(notifier_.messages[0].to, "alice.private@example.org");
  const auto code = notifier_.last_code();
  EXPECT_EQ(code.size(), 8u);
  EXPECT_TRUE(stored_methods().empty());
  auto saved = prove(started->pending_id, code);
  ASSERT_TRUE(saved.ok()) << saved.error().technical;
  EXPECT_EQ(saved->display, "alice.private@example.org");
  ASSERT_EQ(stored_methods().size(), 1u);
  EXPECT_EQ(stored_methods()[0].value, "alice.private@example.org");
}

TEST_F(SecurityInfoRegistrationTest, OwnMailboxIsAllowedWithAWarning) {
  auto started = start("email", email_request("Alice@Contoso.example"));
  ASSERT_TRUE(started.ok());
  EXPECT_NE(started->warning.find("own work mailbox"), std::string::npos);
}

TEST_F(SecurityInfoRegistrationTest, MobilePhoneBySmsSixDigitsAndOfficePhoneVoiceOnly) {
  auto mobile = start("mobile_phone", phone_request("+45 20 12 34 56"));
  ASSERT_TRUE(mobile.ok()) << mobile.error().technical;
  EXPECT_EQ(notifier_.messages.back().channel, notify::Channel::kSms);
  EXPECT_EQ(notifier_.messages.back().to, "+4520123456");
  EXPECT_EQ(notifier_.last_code().size(), 6u);
  ASSERT_TRUE(prove(mobile->pending_id, notifier_.last_code()).ok());

  auto sms_office = start("office_phone", phone_request("+1 425 123 4567 x12", "sms"));
  ASSERT_FALSE(sms_office.ok());
  EXPECT_EQ(sms_office.error().message_key, "error.OfficePhoneVoiceOnly");
  auto office = start("office_phone", phone_request("+1 425 123 4567 x12"));
  ASSERT_TRUE(office.ok()) << office.error().technical;
  EXPECT_EQ(notifier_.messages.back().channel, notify::Channel::kVoice);
  auto saved = prove(office->pending_id, notifier_.last_code());
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved->display, "+1 4251234567 x12");
}

TEST_F(SecurityInfoRegistrationTest, BadPhoneNumbersAreRefusedAndNothingIsSent) {
  for (const char* phone : {"20 12 34 56", "+45 CALL-ME", "+999 1234567", ""}) {
    auto started = start("mobile_phone", phone_request(phone));
    ASSERT_FALSE(started.ok()) << phone;
    EXPECT_EQ(started.error().kind, domain::ErrorKind::kBadInput);
    EXPECT_EQ(started.error().technical.rfind("phone: ", 0), 0u) << started.error().technical;
  }
  EXPECT_TRUE(notifier_.messages.empty());
}

TEST_F(SecurityInfoRegistrationTest, ThreeWrongCodesLockAndEndThePendingRegistration) {
  auto started = start("email", email_request("alice@example.org"));
  ASSERT_TRUE(started.ok());
  const auto code = notifier_.last_code();
  auto first = prove(started->pending_id, wrong_code(code));
  EXPECT_EQ(first.error().name, "InvalidVerificationCode");
  EXPECT_EQ(prove(started->pending_id, wrong_code(code)).error().name, "InvalidVerificationCode");
  EXPECT_EQ(prove(started->pending_id, wrong_code(code)).error().name, "VerificationCodeLocked");
  EXPECT_EQ(prove(started->pending_id, code).error().kind, domain::ErrorKind::kNotFound);
  EXPECT_TRUE(stored_methods().empty());
}

TEST_F(SecurityInfoRegistrationTest, CodesExpireAtTenMinutes) {
  auto started = start("email", email_request("alice@example.org"));
  ASSERT_TRUE(started.ok());
  clock_.advance(minutes(9) + seconds(59));
  EXPECT_EQ(prove(started->pending_id, wrong_code(notifier_.last_code())).error().name,
            "InvalidVerificationCode");
  clock_.advance(seconds(1));
  EXPECT_EQ(prove(started->pending_id, notifier_.last_code()).error().name,
            "VerificationCodeExpired");
  EXPECT_TRUE(stored_methods().empty());
}

TEST_F(SecurityInfoRegistrationTest, ACodeIsAcceptedOnce) {
  auto started = start("email", email_request("alice@example.org"));
  ASSERT_TRUE(started.ok());
  const auto code = notifier_.last_code();
  ASSERT_TRUE(prove(started->pending_id, code).ok());
  EXPECT_FALSE(prove(started->pending_id, code).ok());
  // The code itself is single use too, whatever asks for it.
  methods::OneTimeCodes codes(*store_, clock_, random_, notifier_, *digest_);
  methods::ChallengeSubject subject{user_, "Contoso", dm::CodePurpose::kRegistration,
                                    started->pending_id, "en"};
  auto issued = codes.issue(ctx_, subject, dm::MethodType::kEmail, "a@example.org", "a•••",
                            dm::Channel::kEmail);
  ASSERT_TRUE(issued.ok());
  const auto again = notifier_.last_code();
  EXPECT_TRUE(codes.check(subject, issued->code_id, again).ok());
  EXPECT_EQ(codes.check(subject, issued->code_id, again).error().name, "VerificationCodeUsed");
}

TEST_F(SecurityInfoRegistrationTest, ConcurrentEntriesOfTheRightCodeAcceptItOnce) {
  methods::OneTimeCodes codes(*store_, clock_, random_, notifier_, *digest_);
  methods::ChallengeSubject subject{user_, "Contoso", dm::CodePurpose::kRegistration, "subject-1",
                                    "en"};
  for (int round = 0; round < 5; ++round) {
    auto issued = codes.issue(ctx_, subject, dm::MethodType::kEmail, "a@example.org", "a•••",
                              dm::Channel::kEmail);
    ASSERT_TRUE(issued.ok());
    const auto code = notifier_.last_code();
    std::atomic<int> accepted{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&] {
        if (codes.check(subject, issued->code_id, code).ok()) ++accepted;
      });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(accepted.load(), 1);
  }
}

TEST_F(SecurityInfoRegistrationTest, ACodeTheCallerReadBeforeItWasUsedIsNotAcceptedAgain) {
  methods::OneTimeCodes codes(*store_, clock_, random_, notifier_, *digest_);
  methods::ChallengeSubject subject{user_, "Contoso", dm::CodePurpose::kRegistration, "subject-2",
                                    "en"};
  auto issued = codes.issue(ctx_, subject, dm::MethodType::kEmail, "a@example.org", "a•••",
                            dm::Channel::kEmail);
  ASSERT_TRUE(issued.ok());
  const auto code = notifier_.last_code();
  // Several callers read the code unused, then all enter it: one is accepted; the others'
  // compare-and-set finds it changed, reads it again and sees it used.
  methods::ChallengeSubject read_first = subject;
  read_first.code_read = true;
  (void)store_->read([&](store::StoreTransaction& tx) -> domain::Status {
    read_first.code = tx.find_code(issued->code_id);
    return domain::ok_status();
  });
  ASSERT_TRUE(read_first.code.has_value());
  std::atomic<int> accepted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      if (codes.check(read_first, issued->code_id, code).ok()) ++accepted;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(accepted.load(), 1);
  EXPECT_EQ(codes.check(read_first, issued->code_id, code).error().name, "VerificationCodeUsed");
  // A caller whose read found no such code is refused without a read of its own.
  methods::ChallengeSubject none = subject;
  none.code_read = true;
  EXPECT_EQ(codes.check(none, issued->code_id, code).error().name, "VerificationCodeExpired");
}

TEST_F(SecurityInfoRegistrationTest, AuthenticatorAppFirstCodeMustVerifyAndIsNotReplayable) {
  auto started = start("app_code");
  ASSERT_TRUE(started.ok()) << started.error().technical;
  EXPECT_EQ(started->otpauth_uri.rfind("otpauth://totp/Contoso:", 0), 0u);
  EXPECT_NE(started->qr_svg.find("<svg"), std::string::npos);
  EXPECT_TRUE(notifier_.messages.empty());
  // The secret the page shows is the one in the URI; compute the app's code from it.
  EXPECT_NE(started->otpauth_uri.find("secret=" + started->secret_base32), std::string::npos);
  auto pending = [&] {
    std::optional<dm::PendingRegistration> found;
    (void)store_->transact([&](store::StoreTransaction& tx) -> domain::Status {
      found = tx.find_pending_registration(started->pending_id);
      return domain::ok_status();
    });
    return found;
  }();
  ASSERT_TRUE(pending);
  EXPECT_EQ(pending->sealed_secret.find(started->secret_base32), std::string::npos);
  auto secret = box_->open(pending->sealed_secret);
  ASSERT_TRUE(secret.ok());
  const auto step = dm::totp_step(clock_.now());
  const auto code = dm::totp_code(*secret, step);
  EXPECT_EQ(prove(started->pending_id, dm::totp_code(*secret, step + 5)).error().name,
            "InvalidVerificationCode");
  auto saved = prove(started->pending_id, code);
  ASSERT_TRUE(saved.ok()) << saved.error().technical;
  EXPECT_EQ(saved->display, "Authenticator app");
  auto methods = stored_methods();
  ASSERT_EQ(methods.size(), 1u);
  EXPECT_EQ(methods[0].last_totp_step, step);
  // The same code again, as a reset gate would check it: refused.
  auto* app = registration_->strategy(dm::MethodType::kAppCode);
  methods::ChallengeSubject subject{user_, "Contoso", dm::CodePurpose::kReset, "flow-1", "en"};
  EXPECT_FALSE(app->verify_response(subject, methods[0], "", code).ok());
  clock_.advance(seconds(30));
  EXPECT_TRUE(app->verify_response(subject, methods[0], "", dm::totp_code(*secret, step + 1)).ok());
}

TEST_F(SecurityInfoRegistrationTest, SecurityAnswersFollowTheRulesAndAreHashed) {
  using Answers = std::vector<dm::SecurityAnswerInput>;
  const Answers good = {
      {"birth_city", "Malmö"}, {"first_pet", "Rex the dog"}, {"childhood_best_friend", "Karin"}};
  auto two = registration_->set_questions(ctx_, user_, Answers(good.begin(), good.begin() + 2));
  EXPECT_EQ(two.error().message_key, "error.NotEnoughSecurityQuestions");
  auto repeated = good;
  repeated[2].answer = "  REX THE   dog ";
  EXPECT_EQ(registration_->set_questions(ctx_, user_, repeated).error().message_key,
            "error.SecurityAnswerRepeated");
  auto short_answer = good;
  short_answer[1].answer = "ab";
  EXPECT_EQ(registration_->set_questions(ctx_, user_, short_answer).error().message_key,
            "error.SecurityAnswerTooShort");
  auto long_answer = good;
  long_answer[1].answer = std::string(41, 'x');
  EXPECT_EQ(registration_->set_questions(ctx_, user_, long_answer).error().message_key,
            "error.SecurityAnswerTooLong");
  EXPECT_TRUE(audit(domain::audit_activity::kSecurityInfoSaved).empty());

  auto saved = registration_->set_questions(ctx_, user_, good);
  ASSERT_TRUE(saved.ok()) << saved.error().technical;
  EXPECT_EQ(*saved, 3);
  std::vector<dm::SecurityAnswerRecord> records;
  (void)store_->transact([&](store::StoreTransaction& tx) -> domain::Status {
    records = tx.list_security_answers(user_.id);
    return domain::ok_status();
  });
  ASSERT_EQ(records.size(), 3u);
  for (const auto& record : records) {
    EXPECT_EQ(record.answer_hash.rfind("$argon2id$", 0), 0u);
    EXPECT_EQ(record.answer_hash.find("Malm"), std::string::npos);
  }
  methods::SecurityQuestionsMethod method(hasher_);
  EXPECT_TRUE(method.verify_answers(records, Answers{{"first_pet", "rex  THE dog"}}));
  EXPECT_FALSE(method.verify_answers(records, Answers{{"first_pet", "Rex"}}));
  ASSERT_TRUE(registration_->remove_questions(ctx_, user_).ok());
  EXPECT_EQ(audit(domain::audit_activity::kSecurityInfoRemoved).size(), 1u);
}

TEST_F(SecurityInfoRegistrationTest, MethodsThePolicyDoesNotOfferAreRefused) {
  domain::policy::SsprPolicy policy;
  policy.enabled = domain::policy::SsprEnabled::kAll;
  policy.methods = {dm::MethodType::kEmail, dm::MethodType::kMobilePhone};
  set_policy(policy);
  EXPECT_EQ(start("app_code").error().name, "MethodTypeNotAllowed");
  EXPECT_EQ(start("office_phone", phone_request("+4520123456")).error().name,
            "MethodTypeNotAllowed");
  EXPECT_EQ(registration_->set_questions(ctx_, user_, {}).error().name, "MethodTypeNotAllowed");
  EXPECT_EQ(start("carrier_pigeon").error().message_key, "error.InvalidMethodType");
  EXPECT_TRUE(notifier_.messages.empty());
}

TEST_F(SecurityInfoRegistrationTest, RegisteredEventOnceAndOneAuditEventPerDataSet) {
  auto required = registration_->registration_required(user_);
  ASSERT_TRUE(required.ok());
  EXPECT_TRUE(*required);
  auto email = start("email", email_request("alice@example.org"));
  ASSERT_TRUE(prove(email->pending_id, notifier_.last_code()).ok());
  EXPECT_FALSE(*registration_->registration_required(user_));
  auto phone = start("mobile_phone", phone_request("+4520123456"));
  const auto phone_code = notifier_.last_code();
  ASSERT_TRUE(prove(phone->pending_id, phone_code).ok());
  const auto view = registration_->view(user_, "en");
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->methods.size(), 2u);
  EXPECT_TRUE(view->status.registered);
  ASSERT_TRUE(registration_->remove(ctx_, user_, view->methods[0].id, "en").ok());
  EXPECT_EQ(registration_->remove(ctx_, user_, "999", "en").error().kind,
            domain::ErrorKind::kNotFound);
  ASSERT_TRUE(registration_->confirm(ctx_, user_).ok());

  EXPECT_EQ(audit(domain::audit_activity::kRegistered).size(), 1u);
  EXPECT_EQ(audit(domain::audit_activity::kSecurityInfoSaved).size(), 2u);
  EXPECT_EQ(audit(domain::audit_activity::kSecurityInfoRemoved).size(), 1u);
  EXPECT_EQ(audit(domain::audit_activity::kSecurityInfoReviewed).size(), 1u);
  for (const auto& event : all_audit()) {
    const auto details = event.details.dump();
    EXPECT_EQ(details.find("20123456"), std::string::npos) << details;
    EXPECT_EQ(details.find(phone_code), std::string::npos) << details;
    EXPECT_EQ(details.find("alice@example.org"), std::string::npos) << details;
  }
  for (const auto& event : audit(domain::audit_activity::kSecurityInfoSaved)) {
    EXPECT_EQ(event.category, domain::audit_category::kSelfService);
  }
}

TEST_F(SecurityInfoRegistrationTest, ADeliveryFailureIsAuditedWithoutTheCode) {
  notifier_.fail = true;
  auto started = start("email", email_request("alice@example.org"));
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().name, "NotificationFailed");
  const auto failures = audit(domain::audit_activity::kDeliverVerificationCode);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].result, "failure");
  EXPECT_EQ(failures[0].result_reason, "NotificationFailed");
  EXPECT_EQ(failures[0].details.dump().find("alice@example.org"), std::string::npos);
}

TEST_F(SecurityInfoRegistrationTest, AtMostTenCodesAnHour) {
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(start("email", email_request("alice@example.org")).ok()) << i;
  }
  auto eleventh = start("mobile_phone", phone_request("+4520123456"));
  ASSERT_FALSE(eleventh.ok());
  EXPECT_EQ(eleventh.error().kind, domain::ErrorKind::kThrottled);
  EXPECT_EQ(notifier_.messages.size(), 10u);
  EXPECT_TRUE(start("app_code").ok());  // sends nothing
  clock_.advance(std::chrono::minutes(61));
  EXPECT_TRUE(start("email", email_request("alice@example.org")).ok());
}

TEST_F(SecurityInfoRegistrationTest, WithNothingOnFileTheUserIsAskedToAddNotToConfirm) {
  const auto contains = [](const std::vector<std::string>& lines, const std::string& text) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& line) { return line.find(text) != line.npos; });
  };
  const auto empty = registration_->view(user_, "en");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(contains(empty->missing, "Add one more method"))
      << testing::PrintToString(empty->missing);
  EXPECT_FALSE(contains(empty->missing, "confirm it")) << testing::PrintToString(empty->missing);
  // Once something is on file and its confirmation is old, confirming is asked for.
  auto email = start("email", email_request("alice@example.org"));
  ASSERT_TRUE(prove(email->pending_id, notifier_.last_code()).ok());
  clock_.advance(std::chrono::hours(24 * 180));
  const auto old = registration_->view(user_, "en");
  ASSERT_TRUE(old->status.reconfirm_due);
  EXPECT_TRUE(contains(old->missing, "confirm it")) << testing::PrintToString(old->missing);
}

TEST_F(SecurityInfoRegistrationTest, ReconfirmIsDueAfterThePeriod) {
  auto email = start("email", email_request("alice@example.org"));
  ASSERT_TRUE(prove(email->pending_id, notifier_.last_code()).ok());
  EXPECT_FALSE(registration_->view(user_, "en")->status.reconfirm_due);
  clock_.advance(std::chrono::hours(24 * 180));
  EXPECT_TRUE(registration_->view(user_, "en")->status.reconfirm_due);
  EXPECT_TRUE(*registration_->registration_required(user_));
  ASSERT_TRUE(registration_->confirm(ctx_, user_).ok());
  EXPECT_FALSE(*registration_->registration_required(user_));
}

}  // namespace
}  // namespace sspr::flows
