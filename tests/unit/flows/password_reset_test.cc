// PasswordReset against the real store on a temporary SQLite database, the real CAPTCHA,
// hasher and method strategies, a fixed clock and a Notifier that keeps what it is given
// (reset_flow_fixture.h).
#include "flows/password_reset.h"

#include <gtest/gtest.h>

#include "domain/onprem/writeback_errors.h"
#include "domain/sign_in_lockout.h"
#include "flows/reset_flow_fixture.h"
#include "flows/reset_flow_steps.h"

namespace sspr::flows {
namespace {

namespace dm = domain::methods;
namespace dp = domain::policy;
namespace dr = domain::reset;

constexpr const char* kUpn = testing::kResetUpn;

// The fixture's tenant with security questions offered too.
class PasswordResetTest : public testing::ResetFlowFixture {
 protected:
  void SetUp() override {
    ResetFlowFixture::SetUp();
    policy_.methods.insert(dm::MethodType::kSecurityQuestions);
    set_policy();
  }
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

TEST_F(PasswordResetTest, AnAccountDisabledMidFlowEndsTheFlowAtItsNextGateStep) {
  auto started = start();
  ASSERT_TRUE(started.ok()) << started.error().technical;
  auto sent = reset_->challenge(ctx_, started->id, email_id_, "", "", "en");
  ASSERT_TRUE(sent.ok()) << sent.error().technical;
  UserChanges disable;
  disable.enabled = false;
  ASSERT_TRUE(admin_->update_user(op_, ctx_, kUpn, disable).ok());
  auto verified = reset_->verify(ctx_, started->id, email_id_, notifier_.last_code(), {}, "en");
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.error().name, "ResetFlowFinished");
  auto again = reset_->challenge(ctx_, started->id, mobile_id_, "", "+14255550123", "en");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().name, "ResetFlowFinished");
  // Both refusals are audited under the flow's correlation id, with the step they ended.
  const auto begun = flow_steps("start");
  ASSERT_EQ(begun.size(), 1u);
  for (const std::string step : {"verify", "challenge"}) {
    std::vector<domain::AuditEvent> ended;
    for (auto& event : flow_steps(step)) {
      if (event.result_reason == "ResetFlowFinished") ended.push_back(std::move(event));
    }
    ASSERT_EQ(ended.size(), 1u) << step;
    EXPECT_EQ(ended[0].target, kUpn);
    EXPECT_EQ(ended[0].correlation_id, begun[0].correlation_id) << step;
    EXPECT_FALSE(ended[0].support_code.empty());
  }
}

TEST_F(PasswordResetTest, AnAccountDisabledAfterItsGatesSetsNoPassword) {
  auto started = start();
  ASSERT_TRUE(started.ok()) << started.error().technical;
  auto verified = pass_email(started->id);
  ASSERT_TRUE(verified.ok()) << verified.error().technical;
  ASSERT_EQ(verified->state, dr::FlowState::kVerified);
  UserChanges disable;
  disable.enabled = false;
  ASSERT_TRUE(admin_->update_user(op_, ctx_, kUpn, disable).ok());
  const int hashes_before = hasher_.hashes();
  auto done = reset_->set_password(ctx_, started->id, "Quartz-Violin-8-Tundra", "en");
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().name, "ResetFlowFinished");
  EXPECT_EQ(hasher_.hashes(), hashes_before);
  EXPECT_TRUE(audit(domain::audit_activity::kResetSelfService).empty());
  const auto refused = flow_steps("password");
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].result_reason, "ResetFlowFinished");
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

  const int hashes_before = hasher_.hashes();
  auto banned = reset_->set_password(ctx_, started->id, "Contoso!1", "en");
  ASSERT_FALSE(banned.ok());
  EXPECT_EQ(banned.error().name, "FuzzyPolicyViolationInvalidPassword");
  EXPECT_EQ(hasher_.hashes(), hashes_before) << "a refused password is not hashed";
  const auto refused = flow_steps("password");  // newest first: this one, the early attempt
  ASSERT_EQ(refused.size(), 2u);
  EXPECT_EQ(refused[0].result_reason, "FuzzyPolicyViolationInvalidPassword");
  EXPECT_EQ(refused[1].result_reason, "GatesNotPassed");

  auto done = reset_->set_password(ctx_, started->id, "Quartz-Violin-8-Tundra", "en");
  ASSERT_TRUE(done.ok()) << done.error().technical;
  EXPECT_EQ(done->state, dr::FlowState::kDone);
  EXPECT_EQ(hasher_.hashes(), hashes_before + 1);
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

TEST_F(PasswordResetTest, AChallengeRecordsTheGateWithTheCodeBeforeSendingIt) {
  auto started = start();
  ASSERT_TRUE(started.ok()) << started.error().technical;
  std::optional<dr::ResetFlow> at_send;
  std::optional<dm::IssuedCode> code_at_send;
  notifier_.on_send = [&](const notify::OutgoingMessage&) {
    transact([&](store::StoreTransaction& tx) {
      at_send = tx.find_reset_flow(started->id);
      if (at_send && at_send->pending) code_at_send = tx.find_code(at_send->pending->code_id);
    });
  };
  auto sent = reset_->challenge(ctx_, started->id, email_id_, "", "", "en");
  ASSERT_TRUE(sent.ok()) << sent.error().technical;
  // When the message left, the flow already waited for this code (one commit for both).
  ASSERT_TRUE(at_send && at_send->pending);
  EXPECT_EQ(at_send->pending->method, dm::MethodType::kEmail);
  ASSERT_TRUE(code_at_send);
  EXPECT_EQ(code_at_send->subject_id, started->id);
  EXPECT_EQ(flow_steps("challenge").size(), 1u);
  auto verified = verify_email(started->id, notifier_.last_code());
  ASSERT_TRUE(verified.ok()) << verified.error().technical;
}

// Forwards to the real store; runs `before_write` once, before the next write transaction.
class WriteHookStore final : public store::Store {
 public:
  explicit WriteHookStore(store::Store& inner) : inner_(inner) {}
  domain::Status transact(
      const std::function<domain::Status(store::StoreTransaction&)>& work) override {
    if (before_write) std::exchange(before_write, {})();
    return inner_.transact(work);
  }
  domain::Status read(
      const std::function<domain::Status(store::StoreTransaction&)>& work) override {
    return inner_.read(work);
  }
  bool ping() override { return inner_.ping(); }
  std::string backend() const override { return inner_.backend(); }
  PoolUsage pool_usage() const override { return inner_.pool_usage(); }
  std::function<void()> before_write;

 private:
  store::Store& inner_;
};

TEST_F(PasswordResetTest, AChallengeWhoseFlowMovedMeanwhileStoresAndSendsNoCode) {
  auto started = start();
  ASSERT_TRUE(started.ok()) << started.error().technical;
  WriteHookStore hooked(*store_);
  PasswordReset reset(hooked, clock_, random_, hasher_, notifier_, *box_, *digest_, *captcha_);
  // Another step of the same flow commits between this challenge's read and its write.
  hooked.before_write = [&] {
    transact([&](store::StoreTransaction& tx) {
      auto flow = tx.find_reset_flow(started->id);
      ASSERT_TRUE(flow);
      ASSERT_TRUE(tx.update_reset_flow(*flow));  // a new version
    });
  };
  auto raced = reset.challenge(ctx_, started->id, email_id_, "", "", "en");
  ASSERT_FALSE(raced.ok());
  EXPECT_EQ(raced.error().name, reset_steps::concurrent_step().name);
  EXPECT_TRUE(notifier_.messages.empty());
  transact([&](store::StoreTransaction& tx) {
    EXPECT_FALSE(tx.find_reset_flow(started->id)->pending);
    EXPECT_EQ(tx.count_codes_issued(user_.id, dm::CodePurpose::kReset, ""), 0u);
  });
  // The next try goes through.
  auto sent = reset.challenge(ctx_, started->id, email_id_, "", "", "en");
  ASSERT_TRUE(sent.ok()) << sent.error().technical;
  EXPECT_EQ(notifier_.messages.size(), 1u);
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

// --- Unlock, writeback, try again / contact your administrator, notices (SPEC §5, §6, §9) ---

namespace sspr::flows {
namespace {

constexpr const char* kSynced = "sam@contoso.example";
constexpr const char* kNewPassword = "Quartz-Violin-8-Tundra";

class PasswordResetCompletionTest : public PasswordResetTest {
 protected:
  void enable_on_premises(bool writeback, bool unlock) {
    policy_.writeback = writeback;
    policy_.unlock = unlock;
    set_policy();
  }
};

TEST_F(PasswordResetCompletionTest, SyncedUserUnlocksWhenThePolicyAllowsIt) {
  use_directory();
  enable_on_premises(/*writeback=*/true, /*unlock=*/true);
  const auto sam = add_user(kSynced, /*synced=*/true, "sam@contoso.example");
  transact([&](store::StoreTransaction& tx) {
    auto failures = tx.lock_sign_in_failures(sam.id);
    failures.lockout_round = 1;
    failures.lockout_until = clock_.now() + std::chrono::minutes(30);
    tx.save_sign_in_failures(sam.id, failures);
  });
  auto flow = verified_flow(kSynced, dr::ResetReason::kLockedOut);
  ASSERT_TRUE(flow.ok()) << flow.error().technical;
  EXPECT_TRUE(flow->can_unlock);
  EXPECT_EQ(flow->reason, dr::ResetReason::kLockedOut);

  // A flow started as "locked out" cannot set a password.
  auto password = reset_->set_password(ctx_, flow->id, kNewPassword, "en");
  ASSERT_FALSE(password.ok());
  EXPECT_EQ(password.error().name, "ResetFlowIsUnlockOnly");
  EXPECT_TRUE(directory_.passwords.empty());

  auto unlocked = reset_->unlock(ctx_, flow->id, "en");
  ASSERT_TRUE(unlocked.ok()) << unlocked.error().technical;
  EXPECT_EQ(unlocked->state, dr::FlowState::kDone);
  EXPECT_EQ(directory_.unlocked, std::vector<std::string>{kSynced});
  auto events = audit(domain::audit_activity::kUnlockSelfService);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].result, "success");
  EXPECT_EQ(events[0].correlation_id, "corr-1");
  transact([&](store::StoreTransaction& tx) {
    const auto failures = tx.lock_sign_in_failures(sam.id);
    EXPECT_FALSE(failures.lockout_until);
    EXPECT_EQ(failures.lockout_round, 0);
  });
  // The user is told (policy notify_users is on by default), with the client's address.
  const auto notices = notifier_.to("sam@contoso.example");
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].body.find("127.0.0.1"), std::string::npos) << notices[0].body;
  EXPECT_FALSE(reset_->unlock(ctx_, flow->id, "en").ok());  // finished
}

TEST_F(PasswordResetCompletionTest, AnAccountDisabledAfterItsGatesIsNotUnlocked) {
  use_directory();
  enable_on_premises(/*writeback=*/true, /*unlock=*/true);
  add_user(kSynced, /*synced=*/true, "sam@contoso.example");
  auto flow = verified_flow(kSynced, dr::ResetReason::kLockedOut);
  ASSERT_TRUE(flow.ok()) << flow.error().technical;
  transact([&](store::StoreTransaction& tx) {
    auto sam = tx.find_user_by_upn(kSynced);
    ASSERT_TRUE(sam);
    sam->enabled = false;  // as the next sync from on premises would
    tx.update_user(*sam, domain::to_iso8601(clock_.now()));
  });
  auto unlocked = reset_->unlock(ctx_, flow->id, "en");
  ASSERT_FALSE(unlocked.ok());
  EXPECT_EQ(unlocked.error().name, "ResetFlowFinished");
  EXPECT_TRUE(directory_.unlocked.empty());
  EXPECT_TRUE(audit(domain::audit_activity::kUnlockSelfService).empty());
  const auto steps = flow_steps("unlock");
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].result_reason, "ResetFlowFinished");
}

TEST_F(PasswordResetCompletionTest, UnlockIsRefusedForCloudUsersWhenOffAndBeforeTheGates) {
  use_directory();
  enable_on_premises(true, true);
  // A cloud user has nothing on premises to unlock.
  auto cloud = verified_flow(kUpn);
  ASSERT_TRUE(cloud.ok()) << cloud.error().technical;
  EXPECT_FALSE(cloud->can_unlock);
  auto refused = reset_->unlock(ctx_, cloud->id, "en");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().name, "UnlockNotAllowed");
  auto locked_out = reset_->start(ctx_, kUpn, solved_captcha(), "en", dr::ResetReason::kLockedOut);
  ASSERT_FALSE(locked_out.ok());
  EXPECT_EQ(locked_out.error().name, "UnlockNotAllowed");

  add_user(kSynced, true, "");
  auto early = reset_->start(ctx_, kSynced, solved_captcha(), "en", dr::ResetReason::kLockedOut);
  ASSERT_TRUE(early.ok()) << early.error().technical;
  auto not_verified = reset_->unlock(ctx_, early->id, "en");
  ASSERT_FALSE(not_verified.ok());
  EXPECT_EQ(not_verified.error().name, "GatesNotPassed");

  auto flow = verified_flow(kSynced);
  ASSERT_TRUE(flow.ok()) << flow.error().technical;
  enable_on_premises(true, /*unlock=*/false);
  auto off = reset_->unlock(ctx_, flow->id, "en");
  ASSERT_FALSE(off.ok());
  EXPECT_EQ(off.error().name, "UnlockNotAllowed");
  EXPECT_TRUE(directory_.unlocked.empty());
  EXPECT_TRUE(audit(domain::audit_activity::kUnlockSelfService).empty());
  // Each refusal is audited as a failed step of its flow.
  const auto steps = flow_steps("unlock");
  ASSERT_EQ(steps.size(), 3u);
  for (const auto& step : steps) EXPECT_EQ(step.result, "failure");
}

TEST_F(PasswordResetCompletionTest, SyncedUserWithoutAnOnPremisesConnectionGetsSspr0029) {
  enable_on_premises(/*writeback=*/true, false);  // the reset flow's own, unconfigured directory
  const auto sam = add_user(kSynced, true, "sam@contoso.example");
  auto flow = verified_flow(kSynced);
  ASSERT_TRUE(flow.ok()) << flow.error().technical;
  const auto sent_before = notifier_.messages.size();
  auto refused = reset_->set_password(ctx_, flow->id, kNewPassword, "en");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "SSPR_0029");
  EXPECT_EQ(refused.error().name, "OnPremisesAdminActionRequired");
  EXPECT_NE(refused.error().technical.find("no on-premises connection is configured"),
            std::string::npos);
  EXPECT_EQ(refused.error().technical.find(kNewPassword), std::string::npos);
  // Nothing recorded as reset: the flow stays verified, no hash, no success, no notice.
  auto view = reset_->get(flow->id, "en");
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->state, dr::FlowState::kVerified);
  transact([&](store::StoreTransaction& tx) { EXPECT_FALSE(tx.password_hash(sam.id)); });
  EXPECT_TRUE(audit(domain::audit_activity::kResetSelfService).empty());
  EXPECT_EQ(notifier_.messages.size(), sent_before);
  const auto steps = flow_steps("password");
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].result_reason, "OnPremisesAdminActionRequired");
}

TEST_F(PasswordResetCompletionTest, SyncedUserWithWritebackOffKeepsSspr0010) {
  use_directory();
  enable_on_premises(true, false);
  add_user(kSynced, true, "");
  auto flow = verified_flow(kSynced);
  ASSERT_TRUE(flow.ok()) << flow.error().technical;
  enable_on_premises(/*writeback=*/false, false);
  auto refused = reset_->set_password(ctx_, flow->id, kNewPassword, "en");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "SSPR_0010");
  EXPECT_TRUE(directory_.passwords.empty());
}

TEST_F(PasswordResetCompletionTest, WritebackRecordsOnlyWhatTheDirectoryAccepted) {
  use_directory();
  enable_on_premises(true, false);
  const auto sam = add_user(kSynced, true, "");
  auto flow = verified_flow(kSynced);
  ASSERT_TRUE(flow.ok()) << flow.error().technical;

  directory_.answer = domain::onprem::policy_violation("constraint violation (password history)");
  auto rejected = reset_->set_password(ctx_, flow->id, kNewPassword, "en");
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.error().name, "OnPremisesPolicyViolation");
  EXPECT_EQ(reset_->get(flow->id, "en")->state, dr::FlowState::kVerified);

  // The user may choose another; the directory takes it and only then is the reset recorded.
  directory_.answer = domain::ok_status();
  auto done = reset_->set_password(ctx_, flow->id, "Another-Quartz-9-Violin", "en");
  ASSERT_TRUE(done.ok()) << done.error().technical;
  EXPECT_EQ(done->state, dr::FlowState::kDone);
  ASSERT_EQ(directory_.passwords.size(), 2u);
  EXPECT_EQ(directory_.passwords[1],
            (std::pair<std::string, std::string>{kSynced, "Another-Quartz-9-Violin"}));
  // The password lives on premises: no hash kept here.
  transact([&](store::StoreTransaction& tx) { EXPECT_FALSE(tx.password_hash(sam.id)); });
  EXPECT_EQ(audit(domain::audit_activity::kResetSelfService).size(), 1u);
}

TEST_F(PasswordResetCompletionTest, ResetClearsTheSignInLockout) {
  transact([&](store::StoreTransaction& tx) {
    auto failures = tx.lock_sign_in_failures(user_.id);
    failures.failures = 10;
    failures.lockout_round = 2;
    failures.lockout_until = clock_.now() + std::chrono::minutes(2);
    failures.recent_wrong = {"digest-1"};
    tx.save_sign_in_failures(user_.id, failures);
  });
  auto flow = verified_flow(kUpn);
  ASSERT_TRUE(flow.ok()) << flow.error().technical;
  ASSERT_TRUE(reset_->set_password(ctx_, flow->id, kNewPassword, "en").ok());
  transact([&](store::StoreTransaction& tx) {
    const auto failures = tx.lock_sign_in_failures(user_.id);
    EXPECT_EQ(failures.failures, 0);
    EXPECT_EQ(failures.lockout_round, 0);
    EXPECT_FALSE(failures.lockout_until);
    EXPECT_TRUE(failures.recent_wrong.empty());
  });
}

TEST_F(PasswordResetCompletionTest, NoticeGoesToPrimaryAndAlternateEmailWhenThePolicySaysSo) {
  const auto bea = add_user("bea@contoso.example", false, "bea@contoso.example");
  auto flow = verified_flow("bea@contoso.example");
  ASSERT_TRUE(flow.ok()) << flow.error().technical;
  ctx_.client_ip = "192.0.2.44";
  ASSERT_TRUE(reset_->set_password(ctx_, flow->id, kNewPassword, "da").ok());
  for (const auto* mailbox : {"bea@contoso.example", "bea.private@example.org"}) {
    const auto notices = notifier_.to(mailbox);
    ASSERT_FALSE(notices.empty()) << mailbox;
    const auto& notice = notices.back();
    EXPECT_EQ(notice.language, "da");
    EXPECT_NE(notice.body.find("192.0.2.44"), std::string::npos) << notice.body;
    EXPECT_NE(notice.body.find("bea@contoso.example"), std::string::npos) << notice.body;
    EXPECT_EQ(notice.body.find(kNewPassword), std::string::npos);
  }
  const auto steps = flow_steps("notify_user");
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].result, "success");
  EXPECT_EQ(steps[0].details.at("delivered"), 2);
  EXPECT_EQ(steps[0].correlation_id, "corr-1");
  EXPECT_TRUE(flow_steps("notify_admins").empty());  // Bea is no administrator

  // Off in the policy: nothing is sent after the next reset.
  policy_.notify_users = false;
  set_policy();
  auto again = verified_flow("bea@contoso.example");
  ASSERT_TRUE(again.ok()) << again.error().technical;
  const auto before = notifier_.messages.size();
  ASSERT_TRUE(reset_->set_password(ctx_, again->id, "Another-Quartz-9-Violin", "en").ok());
  EXPECT_EQ(notifier_.messages.size(), before);
  (void)bea;
}

TEST_F(PasswordResetCompletionTest, AnAdministratorsResetNotifiesTheOtherAdministratorsWhenOn) {
  add_user("ada@contoso.example", false, "ada@contoso.example", "global-administrator");
  add_user("ben@contoso.example", false, "ben@contoso.example", "helpdesk-administrator");
  add_user("cy@contoso.example", false, "cy@contoso.example");  // no role
  policy_.notify_admins = true;
  set_policy();
  auto flow = verified_flow("ada@contoso.example");
  ASSERT_TRUE(flow.ok()) << flow.error().technical;
  ASSERT_TRUE(reset_->set_password(ctx_, flow->id, kNewPassword, "en").ok());
  EXPECT_EQ(notifier_.to("ben@contoso.example").size(), 1u);
  EXPECT_TRUE(notifier_.to("cy@contoso.example").empty());
  // Ada herself gets the user's notice, not the administrators' one.
  const auto own = notifier_.to("ada@contoso.example");
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].subject, notifier_.to("ada.private@example.org").back().subject);
  EXPECT_NE(own[0].subject, notifier_.to("ben@contoso.example")[0].subject);
  ASSERT_EQ(flow_steps("notify_admins").size(), 1u);

  // Off (the default): the others hear nothing.
  policy_.notify_admins = false;
  set_policy();
  auto again = verified_flow("ada@contoso.example");
  ASSERT_TRUE(again.ok()) << again.error().technical;
  ASSERT_TRUE(reset_->set_password(ctx_, again->id, "Another-Quartz-9-Violin", "en").ok());
  EXPECT_EQ(notifier_.to("ben@contoso.example").size(), 1u);
}

TEST_F(PasswordResetCompletionTest, AFailingNoticeDoesNotUndoTheReset) {
  const auto bea = add_user("bea@contoso.example", false, "bea@contoso.example");
  auto flow = verified_flow("bea@contoso.example");
  ASSERT_TRUE(flow.ok()) << flow.error().technical;
  notifier_.fail_all = true;
  auto done = reset_->set_password(ctx_, flow->id, kNewPassword, "en");
  ASSERT_TRUE(done.ok()) << done.error().technical;
  EXPECT_EQ(done->state, dr::FlowState::kDone);
  std::optional<std::string> hash;
  transact([&](store::StoreTransaction& tx) { hash = tx.password_hash(bea.id); });
  ASSERT_TRUE(hash);
  EXPECT_TRUE(hasher_.verify(kNewPassword, *hash));
  EXPECT_EQ(audit(domain::audit_activity::kResetSelfService).size(), 1u);
  const auto steps = flow_steps("notify_user");
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].result, "failure");
  EXPECT_EQ(steps[0].result_reason, "NotificationFailed");
  EXPECT_EQ(steps[0].details.at("delivered"), 0);
}

TEST_F(PasswordResetCompletionTest, AFailedSendOffersContactAdminWhichEmailsTheAdministrators) {
  add_user("ada@contoso.example", false, "ada@contoso.example", "global-administrator");
  add_user("ben@contoso.example", false, "ben@contoso.example", "user-administrator");
  auto flow = reset_->start(ctx_, kUpn, solved_captcha(), "en");
  ASSERT_TRUE(flow.ok()) << flow.error().technical;
  EXPECT_FALSE(flow->can_contact_admin);

  // Not before a code failed to send.
  auto early = reset_->contact_admin(ctx_, flow->id, "en");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().name, "ContactAdminNotAvailable");

  notifier_.failing.insert("alice.private@example.org");
  ResetSendFailure failure;
  auto sent = reset_->challenge(ctx_, flow->id, email_id_, "", "", "en", &failure);
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().name, "NotificationFailed");
  EXPECT_TRUE(failure.recorded);
  EXPECT_EQ(failure.retry_after_seconds, 10);
  EXPECT_TRUE(failure.can_contact_admin);
  EXPECT_TRUE(reset_->get(flow->id, "en")->can_contact_admin);
  const auto failed_steps = flow_steps("send_failed");
  ASSERT_EQ(failed_steps.size(), 1u);
  EXPECT_EQ(failed_steps[0].result_reason, "NotificationFailed");
  EXPECT_EQ(failed_steps[0].correlation_id, "corr-1");
  // Why it failed, as the user was shown it (the support code's story tells it).
  EXPECT_EQ(failed_steps[0].details.at("technical"), sent.error().technical);
  EXPECT_FALSE(sent.error().technical.empty());

  ctx_.correlation_id = "corr-2";  // a later request of the same flow
  auto asked = reset_->contact_admin(ctx_, flow->id, "de");
  ASSERT_TRUE(asked.ok()) << asked.error().technical;
  EXPECT_EQ(*asked, 2u);
  for (const auto* admin : {"ada@contoso.example", "ben@contoso.example"}) {
    const auto requests = notifier_.to(admin);
    ASSERT_EQ(requests.size(), 1u) << admin;
    EXPECT_EQ(requests[0].language, "de");
    EXPECT_NE(requests[0].body.find(kUpn), std::string::npos);
    EXPECT_NE(requests[0].body.find("Alice Lindqvist"), std::string::npos);
    EXPECT_NE(requests[0].body.find("corr-1"), std::string::npos) << requests[0].body;
  }
  // Both the early refusal and the request are audited as the flow's step.
  const auto steps = flow_steps("contact_admin");
  ASSERT_EQ(steps.size(), 2u);
  std::set<std::string> results;
  for (const auto& step : steps) {
    results.insert(step.result + ":" + step.result_reason);
    EXPECT_EQ(step.correlation_id, "corr-1");
  }
  EXPECT_EQ(results, (std::set<std::string>{"failure:ContactAdminNotAvailable", "success:"}));

  // At most 3 requests per account and hour.
  ASSERT_TRUE(reset_->contact_admin(ctx_, flow->id, "en").ok());
  ASSERT_TRUE(reset_->contact_admin(ctx_, flow->id, "en").ok());
  auto fourth = reset_->contact_admin(ctx_, flow->id, "en");
  ASSERT_FALSE(fourth.ok());
  EXPECT_EQ(fourth.error().name, "ContactAdminLimitReached");
  EXPECT_EQ(fourth.error().kind, domain::ErrorKind::kThrottled);
  EXPECT_EQ(notifier_.to("ada@contoso.example").size(), 3u);
  // Asking for help does not block the account from resetting.
  notifier_.failing.clear();
  EXPECT_TRUE(reset_->challenge(ctx_, flow->id, email_id_, "", "", "en").ok());
}

TEST_F(PasswordResetCompletionTest, ContactAdminWithoutAnyAdministratorIsRefused) {
  notifier_.fail_all = true;
  auto flow = reset_->start(ctx_, kUpn, solved_captcha(), "en");
  ASSERT_TRUE(flow.ok());
  ASSERT_FALSE(reset_->challenge(ctx_, flow->id, email_id_, "", "", "en").ok());
  auto refused = reset_->contact_admin(ctx_, flow->id, "en");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().name, "NoAdministratorToContact");
}

TEST_F(PasswordResetCompletionTest, ContactAdminForAnAccountDisabledMidFlowIsRefused) {
  add_user("ada@contoso.example", false, "ada@contoso.example", "global-administrator");
  auto flow = reset_->start(ctx_, kUpn, solved_captcha(), "en");
  ASSERT_TRUE(flow.ok()) << flow.error().technical;
  notifier_.failing.insert("alice.private@example.org");
  ASSERT_FALSE(reset_->challenge(ctx_, flow->id, email_id_, "", "", "en").ok());
  ASSERT_TRUE(reset_->get(flow->id, "en")->can_contact_admin);
  transact([&](store::StoreTransaction& tx) {
    auto alice = tx.find_user_by_upn(kUpn);
    ASSERT_TRUE(alice);
    alice->enabled = false;  // an administrator disabled the account meanwhile
    tx.update_user(*alice, domain::to_iso8601(clock_.now()));
  });
  auto refused = reset_->contact_admin(ctx_, flow->id, "en");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().name, "ResetFlowFinished");
  EXPECT_TRUE(notifier_.to("ada@contoso.example").empty());
  const auto steps = flow_steps("contact_admin");
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].result, "failure");
  EXPECT_EQ(steps[0].result_reason, "ResetFlowFinished");
}

TEST_F(PasswordResetCompletionTest, IntegrityRefusalsAreAuditedWithTheFlowsCorrelationId) {
  auto flow = reset_->start(ctx_, kUpn, solved_captcha(), "en");
  ASSERT_TRUE(flow.ok());
  ctx_.correlation_id = "corr-later";
  // Skipping the gate.
  EXPECT_EQ(reset_->set_password(ctx_, flow->id, kNewPassword, "en").error().name,
            "GatesNotPassed");
  // Answering what was never asked.
  EXPECT_EQ(reset_->verify(ctx_, flow->id, email_id_, "12345678", {}, "en").error().name,
            "NoChallengePending");
  ASSERT_TRUE(reset_->challenge(ctx_, flow->id, email_id_, "", "", "en").ok());
  const auto code = notifier_.last_code();
  ASSERT_TRUE(reset_->verify(ctx_, flow->id, email_id_, code, {}, "en").ok());
  // Replaying the code.
  EXPECT_EQ(reset_->verify(ctx_, flow->id, email_id_, code, {}, "en").error().name,
            "NoChallengePending");
  ASSERT_TRUE(reset_->set_password(ctx_, flow->id, kNewPassword, "en").ok());
  // Acting on a finished flow.
  EXPECT_EQ(reset_->challenge(ctx_, flow->id, mobile_id_, "", "+14255550123", "en").error().name,
            "ResetFlowFinished");
  std::vector<std::string> reasons;
  for (const auto& event : audit(domain::audit_activity::kFlowProgress)) {
    EXPECT_EQ(event.correlation_id, "corr-1") << event.details.dump();
    if (event.result == "failure") reasons.push_back(event.result_reason);
  }
  std::sort(reasons.begin(), reasons.end());
  EXPECT_EQ(reasons, (std::vector<std::string>{"GatesNotPassed", "NoChallengePending",
                                               "NoChallengePending", "ResetFlowFinished"}));
}

TEST_F(PasswordResetCompletionTest, PasswordSubjectOnlyForAFlowThatMaySetAPassword) {
  auto flow = reset_->start(ctx_, kUpn, solved_captcha(), "en");
  ASSERT_TRUE(flow.ok());
  auto early = reset_->password_subject(flow->id);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().name, "GatesNotPassed");
  EXPECT_EQ(reset_->password_subject("no-such-flow").error().name, "NotFound");
  auto verified = pass_email(flow->id);
  ASSERT_TRUE(verified.ok());
  auto subject = reset_->password_subject(flow->id);
  ASSERT_TRUE(subject.ok()) << subject.error().technical;
  EXPECT_EQ(subject->upn, kUpn);
  EXPECT_EQ(subject->tenant_id, tenant_);
}

}  // namespace
}  // namespace sspr::flows
