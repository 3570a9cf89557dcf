#include "flows/security_info_registration.h"

#include <algorithm>
#include <charconv>

#include "domain/audit_event.h"
#include "domain/error.h"
#include "domain/methods/method_input_error.h"
#include "domain/methods/verification_errors.h"
#include "flows/in_transaction.h"
#include "flows/methods/authenticator_app_method.h"
#include "flows/methods/email_method.h"
#include "flows/methods/phone_method.h"
#include "flows/self_service_audit.h"
#include "i18n/catalogue.h"

namespace sspr::flows {
namespace {

namespace dm = domain::methods;
namespace dp = domain::policy;
namespace errors = domain::errors;

// How long a started registration waits for its proof: the life of its code.
constexpr auto kPendingLifetime = dm::kCodeLifetime;
constexpr std::size_t kUserPage = 1000;

std::string replace_count(std::string text, int count) {
  const auto at = text.find("{count}");
  if (at != std::string::npos) text.replace(at, 7, std::to_string(count));
  return text;
}

std::optional<dp::TimePoint> parse_time(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return domain::parse_iso8601(text);
}

}  // namespace

struct SecurityInfoRegistration::Standing {
  std::optional<dp::SsprPolicy> configured;
  dp::SsprPolicy policy;
  bool is_admin = false;
  dp::RegistrationStatus status;
  dp::MethodSet allowed;
  std::vector<dm::RegisteredMethod> methods;
  std::vector<dm::SecurityAnswerRecord> answers;
};

SecurityInfoRegistration::SecurityInfoRegistration(store::Store& store, const domain::Clock& clock,
                                                   domain::Random& random,
                                                   const domain::PasswordHasher& hasher,
                                                   notify::Notifier& notifier,
                                                   const platform::SecretBox& box,
                                                   const platform::OneTimeCodeDigest& digest)
    : store_(store),
      clock_(clock),
      random_(random),
      codes_(store, clock, random, notifier, digest),
      questions_(hasher) {
  strategies_.push_back(
      std::make_unique<methods::PhoneMethod>(dm::MethodType::kMobilePhone, codes_));
  strategies_.push_back(
      std::make_unique<methods::PhoneMethod>(dm::MethodType::kOfficePhone, codes_));
  strategies_.push_back(std::make_unique<methods::EmailMethod>(codes_));
  strategies_.push_back(
      std::make_unique<methods::AuthenticatorAppMethod>(store, clock, random, box));
}

SecurityInfoRegistration::~SecurityInfoRegistration() = default;

methods::MethodStrategy* SecurityInfoRegistration::strategy(dm::MethodType type) {
  for (auto& candidate : strategies_) {
    if (candidate->type() == type) return candidate.get();
  }
  return nullptr;
}

SecurityInfoRegistration::Standing SecurityInfoRegistration::standing(store::StoreTransaction& tx,
                                                                      const domain::User& user) {
  Standing out;
  out.configured = tx.find_sspr_policy(user.tenant_id);
  out.policy = out.configured.value_or(dp::SsprPolicy{});
  out.is_admin = !tx.roles_of_user(user.id).empty();
  out.methods = tx.list_methods(user.id);
  out.answers = tx.list_security_answers(user.id);

  dp::RegisteredMethods registered;
  for (const auto& method : out.methods) registered.methods.insert(method.type);
  registered.security_questions_registered = static_cast<int>(out.answers.size());
  if (auto record = tx.find_registration_record(user.id)) {
    registered.last_confirmed = parse_time(record->last_confirmed_at);
  }

  dp::TenantTrialFacts facts;
  const auto now = clock_.now();
  if (auto tenant = tx.find_tenant(user.tenant_id)) {
    facts.domain_count = std::max<std::size_t>(1, tenant->domains.size());
    facts.created = parse_time(tenant->created_at).value_or(now);
  }
  // Synced users only matter for an administrator of a young single-domain tenant (SPEC §6).
  if (out.is_admin && dp::is_trial(facts, now)) {
    for (std::size_t offset = 0;; offset += kUserPage) {
      auto users = tx.list_users(user.tenant_id, offset, kUserPage);
      facts.has_synced_users |= std::any_of(users.begin(), users.end(), [](const auto& u) {
        return u.source == domain::UserSource::kSynced;
      });
      if (facts.has_synced_users || users.size() < kUserPage) break;
    }
  }
  out.status = dp::registration_status(out.policy, out.is_admin, registered, facts, now);
  for (auto type : out.status.usable) out.allowed.insert(type);
  for (auto type : out.status.registrable) out.allowed.insert(type);
  return out;
}

void SecurityInfoRegistration::after_change(store::StoreTransaction& tx,
                                            const domain::RequestContext& ctx,
                                            const domain::User& user, bool confirmed) {
  const auto now = domain::to_iso8601(clock_.now());
  auto record =
      tx.find_registration_record(user.id).value_or(dm::RegistrationRecord{user.id, "", ""});
  record.user_id = user.id;
  if (confirmed) record.last_confirmed_at = now;
  const auto state = standing(tx, user);
  if (state.status.registered && record.registered_at.empty()) {
    record.registered_at = now;
    write_self_service_audit(
        tx, clock_, random_, ctx, user, domain::audit_activity::kRegistered, {},
        {{"methods",
          dp::method_names(dp::MethodSet(state.status.usable.begin(), state.status.usable.end()))},
         {"methods_required", state.status.methods_required}});
  }
  tx.save_registration_record(record);
}

std::string SecurityInfoRegistration::tenant_name(const domain::User& user) {
  std::string name;
  (void)store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    if (auto tenant = tx.find_tenant(user.tenant_id)) name = tenant->name;
    return domain::ok_status();
  });
  return name;
}

domain::Result<SecurityInfoView> SecurityInfoRegistration::view(const domain::User& user,
                                                                const std::string& language) {
  return in_transaction<SecurityInfoView>(
      store_, [&](store::StoreTransaction& tx) -> domain::Result<SecurityInfoView> {
        SecurityInfoView out;
        out.user = user;
        const auto state = standing(tx, user);
        out.policy = state.policy;
        out.status = state.status;
        out.allowed.assign(state.allowed.begin(), state.allowed.end());
        for (const auto& method : state.methods) {
          auto* handler = strategy(method.type);
          out.methods.push_back({std::to_string(method.id), method.type,
                                 handler ? handler->display(method, language) : method.value,
                                 method.source, method.updated_at});
        }
        const auto custom = tx.list_custom_questions(user.tenant_id);
        for (const auto& answer : state.answers) {
          out.questions.push_back(
              {answer.question_id, questions_.text_of(answer.question_id, custom, language)});
        }
        if (state.status.methods_missing > 0) {
          out.missing.push_back(
              replace_count(i18n::translate(language, state.status.methods_missing == 1
                                                          ? "registration.missing.one_method"
                                                          : "registration.missing.methods"),
                            state.status.methods_missing));
          if (state.status.security_questions_missing > 0) {
            out.missing.push_back(
                replace_count(i18n::translate(language, "registration.missing.questions"),
                              state.status.security_questions_missing));
          }
        }
        if (state.status.reconfirm_due) {
          out.missing.push_back(i18n::translate(language, "registration.missing.reconfirm"));
        }
        return out;
      });
}

domain::Result<std::vector<methods::QuestionText>> SecurityInfoRegistration::available_questions(
    const domain::User& user, const std::string& language) {
  return in_transaction<std::vector<methods::QuestionText>>(
      store_,
      [&](store::StoreTransaction& tx) -> domain::Result<std::vector<methods::QuestionText>> {
        return questions_.available(tx.list_custom_questions(user.tenant_id), language);
      });
}

domain::Result<StartedRegistration> SecurityInfoRegistration::start(
    const domain::RequestContext& ctx, const domain::User& user, const std::string& type_name,
    const methods::MethodRequest& request, const std::string& language) {
  const auto type = dm::method_type_from_string(type_name);
  auto* handler = type ? strategy(*type) : nullptr;
  if (!handler) {
    return dm::method_input_error(
        "type", "error.InvalidMethodType",
        "must be \"mobile_phone\", \"office_phone\", \"email\" or \"app_code\"");
  }
  dp::MethodSet allowed;
  std::size_t codes_last_hour = 0;
  auto read = store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    allowed = standing(tx, user).allowed;
    codes_last_hour =
        tx.count_codes_issued(user.id, dm::CodePurpose::kRegistration,
                              domain::to_iso8601(clock_.now() - std::chrono::hours(1)));
    return domain::ok_status();
  });
  if (!read) return read.error();
  const bool app_allowed = allowed.contains(dm::MethodType::kAppCode) ||
                           allowed.contains(dm::MethodType::kAppNotification);
  if (!(allowed.contains(*type) || (*type == dm::MethodType::kAppCode && app_allowed))) {
    return dm::method_type_not_allowed(type_name);
  }

  if (*type != dm::MethodType::kAppCode &&
      codes_last_hour >= static_cast<std::size_t>(dm::kMaxRegistrationCodesPerHour)) {
    return dm::too_many_verification_codes();
  }

  methods::MethodRequest input = request;
  input.issuer = tenant_name(user);
  auto draft = handler->prepare(user, input);
  if (!draft) return draft.error();

  const auto now = clock_.now();
  dm::PendingRegistration pending;
  pending.id = random_.uuid();
  pending.user_id = user.id;
  pending.type = *type;
  pending.value = draft->method.value;
  pending.extension = draft->method.extension;
  pending.sealed_secret = draft->method.sealed_secret;
  pending.created_at = domain::to_iso8601(now);
  pending.expires_at = domain::to_iso8601(now + kPendingLifetime);

  methods::ChallengeSubject subject{user, input.issuer, dm::CodePurpose::kRegistration, pending.id,
                                    language};
  auto sent = handler->send_challenge(ctx, subject, draft->method, draft->channel);
  if (!sent) return sent.error();
  pending.code_id = sent->code_id;
  auto stored = store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    tx.delete_expired_registrations(domain::to_iso8601(now));
    tx.insert_pending_registration(pending);
    return domain::ok_status();
  });
  if (!stored) return stored.error();

  StartedRegistration out;
  out.pending_id = pending.id;
  out.type = *type;
  out.sent_to = sent->sent_to;
  if (!draft->warning_key.empty()) out.warning = i18n::translate(language, draft->warning_key);
  out.otpauth_uri = std::move(draft->otpauth_uri);
  out.qr_svg = std::move(draft->qr_svg);
  out.secret_base32 = std::move(draft->secret_base32);
  return out;
}

domain::Result<SecurityInfoMethod> SecurityInfoRegistration::prove(
    const domain::RequestContext& ctx, const domain::User& user, const std::string& pending_id,
    const std::string& code, const std::string& language) {
  std::optional<dm::PendingRegistration> pending;
  auto read = store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    pending = tx.find_pending_registration(pending_id);
    return domain::ok_status();
  });
  if (!read) return read.error();
  if (!pending || pending->user_id != user.id) {
    return errors::not_found("pending registration", pending_id);
  }
  auto drop = [&] {
    (void)store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
      tx.delete_pending_registration(pending_id);
      return domain::ok_status();
    });
  };
  const auto now = clock_.now();
  const auto expires = parse_time(pending->expires_at);
  if (!expires || now >= *expires) {
    drop();
    return dm::verification_code_expired();
  }
  auto* handler = strategy(pending->type);
  if (!handler) return errors::internal("no strategy for a pending registration's type");

  dm::RegisteredMethod method;
  method.user_id = user.id;
  method.type = pending->type;
  method.value = pending->value;
  method.extension = pending->extension;
  method.sealed_secret = pending->sealed_secret;
  method.source = dm::MethodSource::kUser;
  methods::ChallengeSubject subject{user, "", dm::CodePurpose::kRegistration, pending->id,
                                    language};
  auto verified = handler->verify_response(subject, method, pending->code_id, code);
  if (!verified) {
    if (dm::ends_challenge(verified.error())) drop();
    return verified.error();
  }
  method.last_totp_step = verified->totp_step.value_or(0);
  method.created_at = method.updated_at = domain::to_iso8601(now);

  return in_transaction<SecurityInfoMethod>(
      store_, [&](store::StoreTransaction& tx) -> domain::Result<SecurityInfoMethod> {
        if (!tx.find_pending_registration(pending_id)) return dm::verification_code_used();
        tx.delete_pending_registration(pending_id);
        method.id = tx.save_method(method);
        write_self_service_audit(tx, clock_, random_, ctx, user,
                                 domain::audit_activity::kSecurityInfoSaved, {},
                                 {{"method", std::string(dm::to_string(method.type))},
                                  {"value", handler->masked(method, "en")}});
        after_change(tx, ctx, user, true);
        for (const auto& saved : tx.list_methods(user.id)) {
          if (saved.type == method.type) {
            return SecurityInfoMethod{std::to_string(saved.id), saved.type,
                                      handler->display(saved, language), saved.source,
                                      saved.updated_at};
          }
        }
        return errors::internal("the saved method was not found");
      });
}

domain::Status SecurityInfoRegistration::remove(const domain::RequestContext& ctx,
                                                const domain::User& user,
                                                const std::string& method_id, const std::string&) {
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(method_id.data(), method_id.data() + method_id.size(), id);
  if (ec != std::errc() || end != method_id.data() + method_id.size()) {
    return errors::not_found("method", method_id);
  }
  return store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    const auto all = tx.list_methods(user.id);
    const auto found =
        std::find_if(all.begin(), all.end(), [&](const auto& m) { return m.id == id; });
    if (found == all.end() || !tx.delete_method(user.id, id)) {
      return errors::not_found("method", method_id);
    }
    auto* handler = strategy(found->type);
    write_self_service_audit(tx, clock_, random_, ctx, user,
                             domain::audit_activity::kSecurityInfoRemoved, {},
                             {{"method", std::string(dm::to_string(found->type))},
                              {"value", handler ? handler->masked(*found, "en") : ""}});
    after_change(tx, ctx, user, false);
    return domain::ok_status();
  });
}

domain::Result<int> SecurityInfoRegistration::set_questions(
    const domain::RequestContext& ctx, const domain::User& user,
    const std::vector<dm::SecurityAnswerInput>& answers) {
  int questions_to_register = 0;
  bool allowed = false;
  std::vector<dm::CustomSecurityQuestion> custom;
  auto read = store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    const auto state = standing(tx, user);
    questions_to_register = state.policy.questions_to_register;
    allowed = state.allowed.contains(dm::MethodType::kSecurityQuestions);
    custom = tx.list_custom_questions(user.tenant_id);
    return domain::ok_status();
  });
  if (!read) return read.error();
  if (!allowed) return dm::method_type_not_allowed("security_questions");
  // Argon2id runs here, outside any transaction.
  auto records = questions_.register_answers(answers, questions_to_register, custom,
                                             domain::to_iso8601(clock_.now()));
  if (!records) return records.error();
  return in_transaction<int>(store_, [&](store::StoreTransaction& tx) -> domain::Result<int> {
    tx.replace_security_answers(user.id, *records);
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& record : *records) ids.push_back(record.question_id);
    write_self_service_audit(
        tx, clock_, random_, ctx, user, domain::audit_activity::kSecurityInfoSaved, {},
        {{"method", "security_questions"}, {"questions", ids}, {"count", records->size()}});
    after_change(tx, ctx, user, true);
    return static_cast<int>(records->size());
  });
}

domain::Status SecurityInfoRegistration::remove_questions(const domain::RequestContext& ctx,
                                                          const domain::User& user) {
  return store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    const auto removed = tx.delete_security_answers(user.id);
    if (removed == 0) return domain::ok_status();
    write_self_service_audit(tx, clock_, random_, ctx, user,
                             domain::audit_activity::kSecurityInfoRemoved, {},
                             {{"method", "security_questions"}, {"count", removed}});
    after_change(tx, ctx, user, false);
    return domain::ok_status();
  });
}

domain::Status SecurityInfoRegistration::confirm(const domain::RequestContext& ctx,
                                                 const domain::User& user) {
  return store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    write_self_service_audit(tx, clock_, random_, ctx, user,
                             domain::audit_activity::kSecurityInfoReviewed);
    after_change(tx, ctx, user, true);
    return domain::ok_status();
  });
}

domain::Result<bool> SecurityInfoRegistration::registration_required(const domain::User& user) {
  return in_transaction<bool>(store_, [&](store::StoreTransaction& tx) -> domain::Result<bool> {
    const auto state = standing(tx, user);
    if (!state.configured || !state.policy.require_registration) return false;
    if (!state.is_admin) {
      if (state.policy.enabled == dp::SsprEnabled::kNone) return false;
      if (state.policy.enabled == dp::SsprEnabled::kSelected &&
          (!state.policy.group_id || !tx.is_transitive_member(user.id, *state.policy.group_id))) {
        return false;
      }
    }
    return !state.status.registered || state.status.reconfirm_due;
  });
}

}  // namespace sspr::flows
