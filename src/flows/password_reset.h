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
// set_password: only once verified; synced users get SSPR_0010 until writeback exists
// (issue 6); cloud users' passwords pass the tenant's rules (PasswordChange::kReset), then
// the hash, the finished flow, the cleared throttle counters and the audit event are written
// in one transaction.
//
// Refused attempts are recorded: a throttle refusal commits the block (audited "Blocked from
// self-service password reset" once, when it starts) before the error is returned. Every step
// is audited ("Self-service password reset flow activity progress") with the request's
// correlation id, the flow's id and the method type; never a code, answer or number.

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
  int gates_required = 1;
  std::vector<domain::methods::MethodType> gates_passed;
  std::vector<ResetMethodView> methods;  // usable and not passed yet
  bool can_unlock = false;
  std::string expires_at;  // ISO 8601
};

struct ResetChallenge {
  std::string sent_to;                           // masked; "" for the app and questions
  std::vector<methods::QuestionText> questions;  // security questions only
};

inline constexpr std::string_view kSecurityQuestionsMethodId = "security_questions";

class PasswordReset {
 public:
  // `breached` may be null (no breached-password filter loaded).
  PasswordReset(store::Store& store, const domain::Clock& clock, domain::Random& random,
                const domain::PasswordHasher& hasher, notify::Notifier& notifier,
                const platform::SecretBox& box, const platform::OneTimeCodeDigest& digest,
                Captcha& captcha, const domain::password::BreachedPasswordList* breached = nullptr);
  ~PasswordReset();

  domain::Result<ResetFlowView> start(const domain::RequestContext& ctx, const std::string& upn,
                                      const nlohmann::json& captcha, const std::string& language);
  // `channel`: "" (the method's default), "email", "sms", "voice". `phone`: the whole number,
  // required for phone methods.
  domain::Result<ResetChallenge> challenge(const domain::RequestContext& ctx,
                                           const std::string& flow_id, const std::string& method_id,
                                           const std::string& channel, const std::string& phone,
                                           const std::string& language);
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
  domain::Result<ResetFlowView> get(const std::string& flow_id, const std::string& language);

 private:
  struct Loaded;
  domain::Result<Loaded> load(store::StoreTransaction& tx, const std::string& flow_id,
                              const std::string& language);
  domain::Result<ResetFlowView> view_of(const std::string& flow_id, const std::string& language);
  methods::MethodStrategy* strategy(domain::methods::MethodType type);
  // Counts an attempt of `action` on `key`; the refusal (with the block it records) otherwise.
  std::optional<domain::Error> throttle(store::StoreTransaction& tx,
                                        const domain::RequestContext& ctx, const std::string& key,
                                        domain::throttling::ThrottledAction action,
                                        const domain::User* user);

  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  const domain::PasswordHasher& hasher_;
  Captcha& captcha_;
  methods::OneTimeCodes codes_;
  methods::SecurityQuestionsMethod questions_;
  TenantPasswordRules password_rules_;
  std::vector<std::unique_ptr<methods::MethodStrategy>> strategies_;
};

}  // namespace sspr::flows
