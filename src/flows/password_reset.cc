#include "flows/password_reset.h"

#include <algorithm>
#include <string_view>

#include "domain/audit_event.h"
#include "domain/eligibility/eligibility_errors.h"
#include "domain/eligibility/reset_eligibility.h"
#include "domain/error.h"
#include "domain/methods/phone_number.h"
#include "domain/reset/administrator_help.h"
#include "domain/reset/reset_gate_errors.h"
#include "domain/reset/unlock_rule.h"
#include "domain/throttling/throttled_error.h"
#include "flows/methods/authenticator_app_method.h"
#include "flows/methods/email_method.h"
#include "flows/methods/phone_method.h"
#include "flows/onprem/unconfigured_onprem_directory.h"
#include "flows/reset_flow_steps.h"
#include "flows/self_service_audit.h"

namespace sspr::flows {
namespace {

namespace dm = domain::methods;
namespace dr = domain::reset;
namespace dt = domain::throttling;
namespace errors = domain::errors;
using domain::Error;
using domain::Result;
using domain::Status;
using reset_steps::concurrent_step;
using reset_steps::flow_context;
using reset_steps::step_details;
using reset_steps::user_key;

// The channels a method's codes can travel by, as the page offers them.
std::vector<std::string> channels_of(dm::MethodType type) {
  switch (type) {
    case dm::MethodType::kEmail:
      return {"email"};
    case dm::MethodType::kMobilePhone:
      return {"sms", "voice"};
    case dm::MethodType::kOfficePhone:
      return {"voice"};
    default:
      return {};
  }
}

bool is_phone(dm::MethodType type) {
  return type == dm::MethodType::kMobilePhone || type == dm::MethodType::kOfficePhone;
}

bool usable(const ResetEligibilityFacts& facts, dm::MethodType type) {
  const auto& list = facts.facts.registration.usable;
  return std::find(list.begin(), list.end(), type) != list.end();
}

// A delivery failure of the notifier (as opposed to a request the method cannot serve).
bool is_delivery_failure(const Error& error) { return error.name == "NotificationFailed"; }

}  // namespace

// A method chosen at a gate: a registered one, or the security questions.
struct ChosenMethod {
  dm::RegisteredMethod method;
  bool questions = false;
};

PasswordReset::PasswordReset(store::Store& store, const domain::Clock& clock,
                             domain::Random& random, const domain::PasswordHasher& hasher,
                             notify::Notifier& notifier, const platform::SecretBox& box,
                             const platform::OneTimeCodeDigest& digest, Captcha& captcha,
                             const domain::password::BreachedPasswordList* breached,
                             onprem::OnPremisesDirectory* onprem)
    : store_(store),
      clock_(clock),
      random_(random),
      hasher_(hasher),
      captcha_(captcha),
      unconfigured_onprem_(onprem ? nullptr
                                  : std::make_unique<onprem::UnconfiguredOnPremisesDirectory>()),
      onprem_(onprem ? *onprem : *unconfigured_onprem_),
      notifications_(store, clock, random, notifier),
      codes_(store, clock, random, notifier, digest),
      questions_(hasher),
      password_rules_(breached) {
  strategies_.push_back(
      std::make_unique<methods::PhoneMethod>(dm::MethodType::kMobilePhone, codes_));
  strategies_.push_back(
      std::make_unique<methods::PhoneMethod>(dm::MethodType::kOfficePhone, codes_));
  strategies_.push_back(std::make_unique<methods::EmailMethod>(codes_));
  strategies_.push_back(
      std::make_unique<methods::AuthenticatorAppMethod>(store, clock, random, box));
}

PasswordReset::~PasswordReset() = default;

methods::MethodStrategy* PasswordReset::strategy(dm::MethodType type) {
  for (auto& candidate : strategies_) {
    if (candidate->type() == type) return candidate.get();
  }
  return nullptr;
}

std::optional<Error> PasswordReset::throttle(store::StoreTransaction& tx,
                                             const domain::RequestContext& ctx,
                                             const std::string& key, dt::ThrottledAction action,
                                             const domain::User* user) {
  const auto now = clock_.now();
  const std::string block = tx.lock_throttle_key(key);
  std::optional<dt::TimePoint> blocked_until;
  if (!block.empty()) blocked_until = domain::parse_iso8601(block);
  const auto limit = dt::limit_of(action);
  const int earlier = tx.count_throttle_attempts(key, std::string(dt::action_name(action)),
                                                 domain::to_iso8601(now - limit.window));
  const auto decision = dt::decide(action, earlier, blocked_until, now);
  if (decision.allowed) {
    tx.record_throttle_attempt(key, std::string(dt::action_name(action)), domain::to_iso8601(now));
    return std::nullopt;
  }
  if (decision.blocked_until)
    tx.set_throttle_block(key, domain::to_iso8601(*decision.blocked_until));
  auto error = dt::throttled_blocked(action);
  if (decision.starts_block && user) {
    write_self_service_failure(tx, clock_, random_, ctx, *user, domain::audit_activity::kBlocked,
                               error, {{"action", dt::action_name(action)}});
  }
  return error;
}

std::optional<Error> PasswordReset::refuse_if_blocked(store::StoreTransaction& tx,
                                                      const std::string& key) {
  const std::string block = tx.lock_throttle_key(key);
  if (block.empty()) return std::nullopt;
  if (!dt::is_blocked(domain::parse_iso8601(block), clock_.now())) return std::nullopt;
  return dt::throttled_blocked(dt::ThrottledAction::kResetAttempt);
}

Status PasswordReset::refuse(store::StoreTransaction& tx, const domain::RequestContext& ctx,
                             const domain::User& user, const Error& error, nlohmann::json details,
                             std::optional<Error>& refusal) {
  write_self_service_failure(tx, clock_, random_, ctx, user, domain::audit_activity::kFlowProgress,
                             error, std::move(details));
  refusal = error;
  return domain::ok_status();
}

Result<PasswordReset::Loaded> PasswordReset::load(store::StoreTransaction& tx,
                                                  const std::string& flow_id, bool full) {
  // An unknown flow has no tenant or user to audit against: NotFound, unaudited.
  auto flow = tx.find_reset_flow(flow_id);
  if (!flow) return errors::not_found("reset flow", flow_id);
  auto user = tx.find_user(flow->user_id);
  if (!user) return dr::flow_finished();  // the user was deleted meanwhile
  Loaded out;
  out.flow = std::move(*flow);
  if (!full && !user->enabled) {  // disabled meanwhile
    out.facts.user = std::move(*user);
    out.ended = dr::flow_finished();
    return out;
  }
  out.facts = full ? gather_reset_eligibility_facts(tx, clock_, *user)
                   : gather_reset_step_facts(tx, clock_, *user);
  if (out.facts.tenant) out.tenant_name = out.facts.tenant->name;
  return out;
}

ResetFlowView PasswordReset::make_view(const dr::ResetFlow& flow,
                                       const ResetEligibilityFacts& facts,
                                       const std::string& language) {
  ResetFlowView view;
  view.id = flow.id;
  view.state = flow.state;
  view.reason = flow.reason;
  view.gates_required = flow.gates_required;
  view.gates_passed = flow.gates_passed;
  view.expires_at = domain::to_iso8601(flow.expires_at());
  view.can_unlock = facts.user && dr::can_unlock(facts.policy, *facts.user);
  const bool open =
      flow.state == dr::FlowState::kVerifying || flow.state == dr::FlowState::kVerified;
  view.can_contact_admin = open && flow.send_failed_at.has_value() && !flow.expired(clock_.now());
  if (flow.state != dr::FlowState::kVerifying) return view;
  for (const auto& method : facts.methods) {
    auto* handler = strategy(method.type);
    if (!handler || !usable(facts, method.type) || flow.passed(method.type)) continue;
    view.methods.push_back({std::to_string(method.id), method.type,
                            handler->masked(method, language), channels_of(method.type)});
  }
  if (usable(facts, dm::MethodType::kSecurityQuestions) &&
      !flow.passed(dm::MethodType::kSecurityQuestions)) {
    view.methods.push_back(
        {std::string(kSecurityQuestionsMethodId), dm::MethodType::kSecurityQuestions, "", {}});
  }
  return view;
}

Result<ResetFlowView> PasswordReset::get(const std::string& flow_id, const std::string& language) {
  std::optional<Loaded> loaded;
  auto status = store_.read([&](store::StoreTransaction& tx) -> Status {
    auto found = load(tx, flow_id);
    if (!found) return found.error();
    loaded = std::move(*found);
    return domain::ok_status();
  });
  if (!status) return status.error();
  return make_view(loaded->flow, loaded->facts, language);
}

Result<ResetFlowView> PasswordReset::start(const domain::RequestContext& ctx,
                                           const std::string& upn, const nlohmann::json& captcha,
                                           const std::string& language, dr::ResetReason reason) {
  // The solution is checked first; its single use is recorded in the step's one write, where
  // a replay fails the whole work, so a replayed start writes nothing else. A solution spent
  // before is refused before the user's facts are read, so a spent one cannot probe user IDs
  // by how long its refusal takes; only a use racing with the first one gets that far.
  const auto solved = captcha_.check(captcha);
  if (!solved) return solved.error();
  // The eligibility facts are read first, beside the writers (as a challenge's are); the
  // write transaction then only throttles, records and audits what they decided.
  std::optional<ResetEligibilityFacts> gathered;  // nullopt: unknown user ID or disabled
  const auto read = store_.read([&](store::StoreTransaction& tx) -> Status {
    if (auto unused = captcha_.refuse_if_used(tx, *solved); !unused) return unused;
    // SPEC §4 check 1 before any other fact is read: an unknown user ID and a disabled
    // account cost the same work (this look-up, then the address's throttle) and get the same
    // answer, so neither the body nor the timing tells them apart.
    const auto found = tx.find_user_by_upn(upn);
    if (found && found->enabled) gathered = gather_reset_eligibility_facts(tx, clock_, *found);
    return domain::ok_status();
  });
  if (!read) return read.error();
  std::optional<Error> refusal;
  std::optional<dr::ResetFlow> started;
  auto status = store_.transact([&](store::StoreTransaction& tx) -> Status {
    // Spent by every start it lets through, refused ones included.
    if (auto used = captcha_.consume(tx, *solved); !used) return used;
    // A user deleted or disabled since the read is unknown or disabled now.
    if (gathered) {
      const auto now = tx.find_user(gathered->user->id);
      if (!now || !now->enabled) gathered.reset();
    }
    if (!gathered) {
      // Neutral, and it costs an attempt like any other start.
      refusal =
          throttle(tx, ctx, "ip:" + ctx.client_ip, dt::ThrottledAction::kResetAttempt, nullptr);
      // One technical line for both, so the answer tells nothing apart.
      if (!refusal) {
        refusal = domain::eligibility::account_unavailable("unknown user ID or disabled account");
      }
      return domain::ok_status();
    }
    const auto report = domain::eligibility::check_reset_eligibility(gathered->facts);
    const auto blocking = report.blocking_error();
    const auto& user = *gathered->user;
    const nlohmann::json start_details = {{"step", "start"}, {"reason", dr::to_string(reason)}};
    if (blocking) return refuse(tx, ctx, user, *blocking, start_details, refusal);
    if (reason == dr::ResetReason::kLockedOut && !dr::can_unlock(gathered->policy, user)) {
      return refuse(tx, ctx, user, dr::unlock_not_allowed(), start_details, refusal);
    }
    refusal = throttle(tx, ctx, user_key(user), dt::ThrottledAction::kResetAttempt, &user);
    if (refusal) return domain::ok_status();
    const int gates = std::max(1, gathered->facts.registration.methods_required);
    auto flow = dr::start_flow(random_.uuid(), user.tenant_id, user.id, gates, ctx.correlation_id,
                               clock_.now(), reason);
    tx.insert_reset_flow(flow);
    auto details = step_details("start", flow.id);
    details["reason"] = dr::to_string(reason);
    write_self_service_audit(tx, clock_, random_, ctx, user, domain::audit_activity::kFlowProgress,
                             {}, std::move(details));
    started = std::move(flow);  // its view is made after the COMMIT, off the writer
    return domain::ok_status();
  });
  if (!status) return status.error();
  if (refusal) return *refusal;
  return make_view(*started, *gathered, language);
}

Result<ResetChallenge> PasswordReset::challenge(
    const domain::RequestContext& request_ctx, const std::string& flow_id,
    const std::string& method_id, const std::string& channel, const std::string& phone,
    const std::string& language, ResetSendFailure* send_failure) {
  std::optional<Loaded> loaded;
  ChosenMethod chosen;
  ResetChallenge out;
  std::optional<dm::Channel> parsed_channel;
  if (!channel.empty()) {
    parsed_channel = dm::channel_from_string(channel);
    if (!parsed_channel) return errors::invalid_input("channel", "unknown channel");
  }
  // Reads first, beside the writers; what they decide is recorded by the writes below.
  std::optional<Error> early;  // a refusal decided while reading, audited in a short write
  nlohmann::json early_details;
  bool phone_mismatch = false;
  const auto read = store_.read([&](store::StoreTransaction& tx) -> Status {
    auto found = load(tx, flow_id, false);
    if (!found) return found.error();
    loaded = std::move(*found);
    if (loaded->ended) {
      early = *loaded->ended;
      early_details = step_details("challenge", flow_id);
      return domain::ok_status();
    }
    const auto& facts = loaded->facts;
    const auto& user = *facts.user;
    if (method_id == kSecurityQuestionsMethodId &&
        usable(facts, dm::MethodType::kSecurityQuestions)) {
      chosen.questions = true;
      chosen.method.type = dm::MethodType::kSecurityQuestions;
    } else {
      auto it = std::find_if(facts.methods.begin(), facts.methods.end(), [&](const auto& m) {
        return std::to_string(m.id) == method_id && usable(facts, m.type) && strategy(m.type);
      });
      if (it == facts.methods.end()) {
        early = errors::not_found("method", method_id);
        early_details = step_details("challenge", flow_id);
        return domain::ok_status();
      }
      chosen.method = *it;
    }
    // Out of order (expired, finished, gate passed already): refused before anything is sent.
    if (auto probe = dr::begin_gate(loaded->flow, {chosen.method.type, "", {}}, clock_.now());
        !probe) {
      early = probe.error();
      early_details = step_details("challenge", flow_id, chosen.method.type);
      return domain::ok_status();
    }
    if (is_phone(chosen.method.type)) {
      if (phone.empty()) return errors::invalid_input("phone", "the whole number is required");
      // Stored in E.164 form when registered: compared as stored, not parsed again.
      phone_mismatch = !dm::phone_number_matches(phone, {chosen.method.value, ""});
    } else if (chosen.questions) {
      auto answers = tx.list_security_answers(user.id);
      const auto custom = tx.list_custom_questions(user.tenant_id);
      // A random choice of questions_to_reset among the registered ones (Fisher–Yates).
      for (std::size_t i = answers.size(); i > 1; --i) {
        std::swap(answers[i - 1], answers[random_.uniform(static_cast<std::uint32_t>(i))]);
      }
      const auto wanted = static_cast<std::size_t>(std::max(1, facts.policy.questions_to_reset));
      for (std::size_t i = 0; i < answers.size() && i < wanted; ++i) {
        out.questions.push_back(
            {answers[i].question_id, questions_.text_of(answers[i].question_id, custom, language)});
      }
    }
    return domain::ok_status();
  });
  if (!read) return read.error();
  if (early) {
    const auto ctx = flow_context(loaded->flow, request_ctx);
    std::optional<Error> refusal;
    const auto audited = store_.transact([&](store::StoreTransaction& tx) -> Status {
      return refuse(tx, ctx, *loaded->facts.user, *early, early_details, refusal);
    });
    if (!audited) return audited.error();
    return *early;
  }

  const auto ctx = flow_context(loaded->flow, request_ctx);
  const auto& user = *loaded->facts.user;
  const auto details = step_details("challenge", flow_id, chosen.method.type);
  dr::PendingChallenge pending{chosen.method.type, "", {}};
  std::optional<Error> lost;
  // Moves the flow to the pending gate and audits the step: in the code's own transaction
  // when a code is issued (one write per challenge, before the code is sent), else alone.
  auto claim_gate = [&](store::StoreTransaction& tx) -> Status {
    auto flow = tx.find_reset_flow(flow_id);
    if (!flow || flow->version != loaded->flow.version) {
      return refuse(tx, ctx, user, concurrent_step(), details, lost);
    }
    auto moved = dr::begin_gate(*flow, pending, clock_.now());
    if (!moved) return refuse(tx, ctx, user, moved.error(), details, lost);
    if (!tx.update_reset_flow(*moved)) return concurrent_step();
    write_self_service_audit(tx, clock_, random_, ctx, user, domain::audit_activity::kFlowProgress,
                             {}, details);
    return domain::ok_status();
  };
  bool claimed = false;  // by the code's transaction
  if (chosen.questions) {
    for (const auto& question : out.questions) pending.question_ids.push_back(question.id);
  } else {
    methods::ChallengeSubject subject{user, loaded->tenant_name, dm::CodePurpose::kReset, flow_id,
                                      language};
    // The step's attempt is counted (key locked, count and record in one transaction) and a
    // number that does not match refused in the transaction that stores the code.
    std::optional<dt::ThrottledAction> action;
    if (is_phone(chosen.method.type)) action = dt::ThrottledAction::kPhoneVerification;
    if (chosen.method.type == dm::MethodType::kEmail) action = dt::ThrottledAction::kEmailSent;
    subject.admit = [&](store::StoreTransaction& tx) -> std::optional<Error> {
      if (action) {
        if (auto refusal = throttle(tx, ctx, user_key(user), *action, &user)) return refusal;
      }
      std::optional<Error> refusal;
      if (phone_mismatch)
        (void)refuse(tx, ctx, user, dr::phone_number_mismatch(), details, refusal);
      return refusal;
    };
    subject.claim = [&](store::StoreTransaction& tx,
                        const std::string& code_id) -> std::optional<Error> {
      pending.code_id = code_id;
      const auto status = claim_gate(tx);
      if (!status) return status.error();  // the flow moved meanwhile: nothing stored or sent
      claimed = true;
      return lost;
    };
    auto sent =
        strategy(chosen.method.type)->send_challenge(ctx, subject, chosen.method, parsed_channel);
    if (!sent && is_delivery_failure(sent.error())) {
      // SPEC §5.6: remembered on the flow, so the user may try again or contact their
      // administrator; audited as a failed step of the flow.
      bool remembered = false;
      for (int attempt = 0; attempt < 3; ++attempt) {
        const auto recorded = store_.transact([&](store::StoreTransaction& tx) -> Status {
          auto flow = tx.find_reset_flow(flow_id);
          if (!flow) return errors::not_found("reset flow", flow_id);
          // A flow that ended meanwhile stays as it is; the failure is audited all the same.
          auto failed = dr::record_send_failure(*flow, clock_.now());
          if (failed && !tx.update_reset_flow(*failed)) return concurrent_step();
          remembered = failed.ok();
          auto failure_details = step_details("send_failed", flow_id, chosen.method.type);
          if (parsed_channel) failure_details["channel"] = dm::to_string(*parsed_channel);
          write_self_service_failure(tx, clock_, random_, ctx, user,
                                     domain::audit_activity::kFlowProgress, sent.error(),
                                     std::move(failure_details));
          return domain::ok_status();
        });
        if (!recorded) remembered = false;
        if (recorded || recorded.error().name != concurrent_step().name) break;
      }
      if (remembered && send_failure) {
        send_failure->recorded = true;
        send_failure->retry_after_seconds = static_cast<int>(dr::kRetryAfterSendFailure.count());
        send_failure->can_contact_admin = true;
      }
      return sent.error();
    }
    if (!sent) return sent.error();
    pending.code_id = sent->code_id;
    out.sent_to = sent->sent_to;
  }

  if (claimed) return out;
  const auto saved = store_.transact(claim_gate);
  if (!saved) return saved.error();
  if (lost) return *lost;
  return out;
}

Result<ResetFlowView> PasswordReset::verify(const domain::RequestContext& request_ctx,
                                            const std::string& flow_id,
                                            const std::string& method_id, const std::string& code,
                                            const std::vector<dm::SecurityAnswerInput>& answers,
                                            const std::string& language) {
  std::optional<Loaded> loaded;
  ChosenMethod chosen;
  std::vector<dm::SecurityAnswerRecord> asked;
  std::optional<dm::IssuedCode> issued;  // the gate's code, read with the flow
  std::optional<Error> early;  // a refusal decided while reading, audited in a short write
  nlohmann::json early_details;
  const auto read = store_.read([&](store::StoreTransaction& tx) -> Status {
    auto found = load(tx, flow_id, false);
    if (!found) return found.error();
    loaded = std::move(*found);
    if (loaded->ended) {
      early = *loaded->ended;
      early_details = step_details("verify", flow_id);
      return domain::ok_status();
    }
    const auto& facts = loaded->facts;
    const auto& user = *facts.user;
    if (method_id == kSecurityQuestionsMethodId) {
      chosen.questions = true;
      chosen.method.type = dm::MethodType::kSecurityQuestions;
    } else {
      auto it = std::find_if(facts.methods.begin(), facts.methods.end(),
                             [&](const auto& m) { return std::to_string(m.id) == method_id; });
      if (it == facts.methods.end()) {
        early = errors::not_found("method", method_id);
        early_details = step_details("verify", flow_id);
        return domain::ok_status();
      }
      chosen.method = *it;
    }
    const auto type = chosen.method.type;
    // Out of order, replayed (the gate's challenge was consumed), expired or finished.
    if (auto probe = dr::record_failed_attempt(loaded->flow, type, clock_.now()); !probe) {
      early = probe.error();
      early_details = step_details("verify", flow_id, type);
      return domain::ok_status();
    }
    if (chosen.questions) {
      const auto& ids = loaded->flow.pending->question_ids;
      for (auto& record : tx.list_security_answers(user.id)) {
        if (std::find(ids.begin(), ids.end(), record.question_id) != ids.end()) {
          asked.push_back(std::move(record));
        }
      }
    } else if (!loaded->flow.pending->code_id.empty()) {
      issued = tx.find_code(loaded->flow.pending->code_id);
    }
    return domain::ok_status();
  });
  if (!read) return read.error();
  if (early || chosen.questions) {
    // The refusal is audited; a submission of answers is an attempt, counted exactly (key
    // locked, count and record in one transaction) before any answer is checked.
    const auto ctx = flow_context(loaded->flow, request_ctx);
    const auto& user = *loaded->facts.user;
    std::optional<Error> refusal;
    const auto written = store_.transact([&](store::StoreTransaction& tx) -> Status {
      if (early) return refuse(tx, ctx, user, *early, early_details, refusal);
      refusal =
          throttle(tx, ctx, user_key(user), dt::ThrottledAction::kSecurityQuestionAttempt, &user);
      return domain::ok_status();
    });
    if (!written) return written.error();
    if (refusal) return *refusal;
  }

  const auto ctx = flow_context(loaded->flow, request_ctx);
  const auto& user = *loaded->facts.user;
  const auto type = chosen.method.type;
  std::optional<Error> wrong;
  std::optional<dr::ResetFlow> recorded_flow;  // the flow as the step left it
  std::optional<Error> lost;
  // The gate's outcome, recorded on the flow if nothing else moved it since it was read.
  const auto record = [&](store::StoreTransaction& tx) -> Status {
    auto flow = tx.find_reset_flow(flow_id);
    if (!flow || flow->version != loaded->flow.version) {
      return refuse(tx, ctx, user, concurrent_step(), step_details("verify", flow_id, type), lost);
    }
    auto moved = wrong ? dr::record_failed_attempt(*flow, type, clock_.now())
                       : dr::pass_gate(*flow, type, clock_.now());
    if (!moved) {
      return refuse(tx, ctx, user, moved.error(), step_details("verify", flow_id, type), lost);
    }
    if (!tx.update_reset_flow(*moved)) return concurrent_step();
    if (wrong) {
      write_self_service_failure(tx, clock_, random_, ctx, user,
                                 domain::audit_activity::kFlowProgress, *wrong,
                                 step_details("gate failed", flow_id, type));
    } else {
      write_self_service_audit(tx, clock_, random_, ctx, user,
                               domain::audit_activity::kFlowProgress, "",
                               step_details("gate passed", flow_id, type));
    }
    recorded_flow = std::move(*moved);  // its view is made after the COMMIT, off the writer
    return domain::ok_status();
  };
  bool recorded = false;  // by the code's own transaction (one write for the whole step)
  if (chosen.questions) {
    const bool complete = answers.size() == asked.size() &&
                          answers.size() == loaded->flow.pending->question_ids.size();
    // All answers are checked even when the set is incomplete, so timing tells nothing.
    const bool right = questions_.verify_answers(asked, answers);
    if (!complete || !right) wrong = dr::incorrect_security_answers();
  } else {
    auto* handler = strategy(type);
    if (!handler) return errors::not_found("method", method_id);
    methods::ChallengeSubject subject{user, loaded->tenant_name, dm::CodePurpose::kReset, flow_id,
                                      language};
    subject.code_read = !loaded->flow.pending->code_id.empty();
    subject.code = std::move(issued);
    subject.record_outcome = [&](store::StoreTransaction& tx, const Status& outcome) -> Status {
      wrong.reset();
      if (!outcome) wrong = outcome.error();
      recorded_flow.reset();
      lost.reset();
      recorded = true;
      return record(tx);
    };
    auto verified =
        handler->verify_response(subject, chosen.method, loaded->flow.pending->code_id, code);
    if (recorded && !verified &&
        (verified.error().name == concurrent_step().name ||
         verified.error().name == "StoreUnavailable")) {
      return verified.error();  // the code's transaction failed: nothing was recorded
    }
    if (!recorded && !verified) wrong = verified.error();
  }
  if (!recorded) {
    const auto saved = store_.transact(record);
    if (!saved) return saved.error();
  }
  if (lost) return *lost;
  if (wrong) return *wrong;
  return make_view(*recorded_flow, loaded->facts, language);
}

}  // namespace sspr::flows
