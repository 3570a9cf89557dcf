#pragma once
// The self-service password reset flow (SPEC §4, §5, §7; issue 5), one step per call so any
// node can serve any step: the flow is a stored object (domain/reset/reset_flow.h) loaded,
// moved by one transition and saved with its version in the same transaction.
//
// start: the CAPTCHA first; then the checks of §4 on the facts of reset_eligibility_facts.h
// (an unknown or disabled user gets the neutral AccountUnavailable and still costs a
// ResetAttempt, counted on "ip:<client ip>"); then a ResetAttempt on "user:<id>"; then a new
// flow with the gates of the applicable policy and the usable methods, masked.
// challenge: sends a code through the method's strategy (phone methods first need the whole
// number typed, a PhoneVerification) or picks `questions_to_reset` of the registered
// questions at random. verify: the code or the answers (each submission of answers is a
// SecurityQuestionAttempt); a right answer passes the gate, a wrong one is recorded.
// set_password: only once verified, and not in a flow started as "locked_out"; the password
// passes the tenant's rules (PasswordChange::kReset), then a cloud user's hash, or for a synced
// user (writeback on; SSPR_0010 when off) the on-premises directory's answer
// (flows/onprem/onprem_directory.h), is recorded with the finished flow, the cleared throttle
// counters and sign-in lockout and the audit event in one transaction; nothing is recorded
// unless the directory accepted the password. unlock: the same for "unlock without reset"
// (can_unlock: policy unlock on and a synced user), through the directory's unlock.
// After the commit (never undoing it), the notices of SPEC §6 and §10 are emailed
// (flows/reset_notifications.h) when the policy says so.
// A code that cannot be sent is recorded on the flow; then contact_admin emails the tenant's
// administrators a request for help (SPEC §5.6), at most 3 times per account and hour.
//
// Refused attempts are recorded: a throttle refusal commits the block (audited "Blocked from
// self-service password reset" once, when it starts) before the error is returned. Every step
// of a known flow, and every refusal of one (out of order, expired, finished, replayed), is
// audited ("Self-service password reset flow activity progress", details.step) with the
// flow's correlation id, the flow's id and the method type; never a code, answer or number.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/methods/security_answer_rules.h"
#include "domain/password/breached_password_list.h"
#include "domain/password/password_policy.h"
#include "domain/password_hasher.h"
#include "domain/random.h"
#include "domain/reset/reset_flow.h"
#include "domain/result.h"
#include "domain/throttling/sspr_throttle.h"
#include "flows/captcha.h"
#include "flows/methods/method_strategy.h"
#include "flows/methods/one_time_codes.h"
#include "flows/methods/security_questions_method.h"
#include "flows/onprem/onprem_directory.h"
#include "flows/reset_eligibility_facts.h"
#include "flows/reset_notifications.h"
#include "flows/tenant_password_rules.h"
#include "notify/notifier.h"
#include "platform/one_time_code_digest.h"
#include "platform/secret_box.h"
#include "store/store.h"

namespace sspr::flows {

// A method the user may pick at a gate. `id` is the registered method's id, or
// "security_questions".
struct ResetMethodView {
  std::string id;
  domain::methods::MethodType type = domain::methods::MethodType::kEmail;
  std::string masked;                 // "+1 XXXXXXXX67", "a•••@example.org"
  std::vector<std::string> channels;  // "email", "sms", "voice"; empty for app and questions
};

struct ResetFlowView {
  std::string id;
  domain::reset::FlowState state = domain::reset::FlowState::kVerifying;
  domain::reset::ResetReason reason = domain::reset::ResetReason::kForgot;
  int gates_required = 1;
  std::vector<domain::methods::MethodType> gates_passed;
  std::vector<ResetMethodView> methods;  // usable and not passed yet
  bool can_unlock = false;
  bool can_contact_admin = false;  // a code failed to send and the flow is open
  std::string expires_at;          // ISO 8601
};

struct ResetChallenge {
  std::string sent_to;                           // masked; "" for the app and questions
  std::vector<methods::QuestionText> questions;  // security questions only
};

// A code that could not be sent (SPEC §5.6): what the page may offer. Filled in only when the
// failure was a delivery failure and was recorded on the flow.
struct ResetSendFailure {
  bool recorded = false;
  int retry_after_seconds = 0;     // "try again" after this pause
  bool can_contact_admin = false;  // "contact your administrator"
};

// Whose password a verified flow sets: for evaluating candidates before submitting one.
struct ResetPasswordSubject {
  domain::TenantId tenant_id = 0;
  std::string upn;
};

inline constexpr std::string_view kSecurityQuestionsMethodId = "security_questions";

class PasswordReset {
 public:
  // `breached` may be null (no breached-password filter loaded). `onprem` may be null: then
  // every writeback and unlock is answered by UnconfiguredOnPremisesDirectory (SSPR_0029).
  PasswordReset(store::Store& store, const domain::Clock& clock, domain::Random& random,
                const domain::PasswordHasher& hasher, notify::Notifier& notifier,
                const platform::SecretBox& box, const platform::OneTimeCodeDigest& digest,
                Captcha& captcha, const domain::password::BreachedPasswordList* breached = nullptr,
                onprem::OnPremisesDirectory* onprem = nullptr);
  ~PasswordReset();

  // `reason` kLockedOut is refused (UnlockNotAllowed) unless the user can unlock.
  domain::Result<ResetFlowView> start(
      const domain::RequestContext& ctx, const std::string& upn, const nlohmann::json& captcha,
      const std::string& language,
      domain::reset::ResetReason reason = domain::reset::ResetReason::kForgot);
  // `channel`: "" (the method's default), "email", "sms", "voice". `phone`: the whole number,
  // required for phone methods. When the code cannot be delivered, the failure is recorded on
  // the flow and `send_failure` (when given) says what the page may offer.
  domain::Result<ResetChallenge> challenge(const domain::RequestContext& ctx,
                                           const std::string& flow_id, const std::string& method_id,
                                           const std::string& channel, const std::string& phone,
                                           const std::string& language,
                                           ResetSendFailure* send_failure = nullptr);
  // `code` for code methods, `answers` for security questions.
  domain::Result<ResetFlowView> verify(
      const domain::RequestContext& ctx, const std::string& flow_id, const std::string& method_id,
      const std::string& code, const std::vector<domain::methods::SecurityAnswerInput>& answers,
      const std::string& language);
  // When the tenant's rules reject the password and `rejected` is given, the evaluation (its
  // reasons) is copied there.
  domain::Result<ResetFlowView> set_password(
      const domain::RequestContext& ctx, const std::string& flow_id, const std::string& password,
      const std::string& language, domain::password::PasswordEvaluation* rejected = nullptr);
  // Unlock without reset: only once verified, when the user can unlock.
  domain::Result<ResetFlowView> unlock(const domain::RequestContext& ctx,
                                       const std::string& flow_id, const std::string& language);
  // Emails the tenant's administrators a request to reset this user's password; only in an
  // open flow in which a code failed to send. Returns how many were emailed.
  domain::Result<std::size_t> contact_admin(const domain::RequestContext& ctx,
                                            const std::string& flow_id,
                                            const std::string& language);
  // Whose password the flow may set now: the flow's error unless it is verified, open and
  // not "locked_out". Writes nothing (evaluating a candidate is no step of the flow).
  domain::Result<ResetPasswordSubject> password_subject(const std::string& flow_id);
  domain::Result<ResetFlowView> get(const std::string& flow_id, const std::string& language);

 private:
  // A flow loaded with the facts about its user, in one transaction.
  struct Loaded {
    domain::reset::ResetFlow flow;
    ResetEligibilityFacts facts;
    std::string tenant_name;
    // A step's load only (not `full`): the flow cannot go on (the account was disabled since
    // it started), and `facts` holds only the user, for the step to audit the refusal.
    std::optional<domain::Error> ended;
  };
  enum class Completion { kPassword, kUnlock };

  // `full`: all the facts of §4 (reset_eligibility_facts.h); otherwise only what a gate
  // depends on (gather_reset_step_facts), and a disabled account ends the flow (`ended`:
  // FlowFinished, which the step audits). A deleted user ends it too, unaudited (FlowFinished
  // as the error: there is no user left to audit against).
  domain::Result<Loaded> load(store::StoreTransaction& tx, const std::string& flow_id,
                              bool full = true);
  ResetFlowView make_view(const domain::reset::ResetFlow& flow, const ResetEligibilityFacts& facts,
                          const std::string& language);
  methods::MethodStrategy* strategy(domain::methods::MethodType type);
  // Counts an attempt of `action` on `key`; the refusal (with the block it records) otherwise.
  std::optional<domain::Error> throttle(store::StoreTransaction& tx,
                                        const domain::RequestContext& ctx, const std::string& key,
                                        domain::throttling::ThrottledAction action,
                                        const domain::User* user);
  // The refusal when `key` is blocked now, without counting an attempt: the steps that finish
  // a verified flow (new password, unlock) respect a block but are not attempts themselves.
  std::optional<domain::Error> refuse_if_blocked(store::StoreTransaction& tx,
                                                 const std::string& key);
  // Audits `error` as a failed step of the flow (`details` name it) and keeps it in `refusal`;
  // returns ok so that the transaction commits the audit record (and any attempt counted).
  domain::Status refuse(store::StoreTransaction& tx, const domain::RequestContext& ctx,
                        const domain::User& user, const domain::Error& error,
                        nlohmann::json details, std::optional<domain::Error>& refusal);
  // Records a completion in `tx`: the flow done (as of `step_time`, when the step was
  // accepted), a cloud user's new `hash`, the throttle counters (after a reset) and the sign-in
  // lockout cleared, the audit event; `view` gets the finished flow.
  domain::Status record_completion(store::StoreTransaction& tx, const domain::RequestContext& ctx,
                                   const Loaded& loaded, Completion completion,
                                   domain::reset::TimePoint step_time,
                                   const std::optional<std::string>& hash,
                                   std::optional<ResetFlowView>& view, const std::string& language);
  // A synced user's step, claimed in the store at `step_time`: asks the on-premises directory
  // (outside any transaction), audits its refusal, or records the completion.
  domain::Result<ResetFlowView> finish_on_premises(const domain::RequestContext& ctx,
                                                   const Loaded& loaded, Completion completion,
                                                   const std::string& password,
                                                   domain::reset::TimePoint step_time,
                                                   const std::string& language);
  // After the commit: the notices the policy asks for (never undoing the completion).
  void notify_completion(const domain::RequestContext& ctx, const Loaded& loaded,
                         Completion completion, const std::string& language);

  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  const domain::PasswordHasher& hasher_;
  Captcha& captcha_;
  std::unique_ptr<onprem::OnPremisesDirectory> unconfigured_onprem_;
  onprem::OnPremisesDirectory& onprem_;
  ResetNotifications notifications_;
  methods::OneTimeCodes codes_;
  methods::SecurityQuestionsMethod questions_;
  TenantPasswordRules password_rules_;
  std::vector<std::unique_ptr<methods::MethodStrategy>> strategies_;
};

}  // namespace sspr::flows
