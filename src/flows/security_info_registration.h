#pragma once
// The security-info page of a signed-in user (SPEC §3, issue 4): list, add (verify before
// save), change and remove methods; set and remove security questions; the reconfirm
// prompt's "looks good"; and the "register when signing in" interrupt (SPEC §2).
//
// Adding a phone, an email or an app is start() → prove(): start() checks the input with the
// method's strategy (flows/methods/method_strategy.h), sends a code (or creates the app's
// secret) and keeps a pending registration; prove() verifies the code and only then saves
// the method, replacing an earlier one of the same type. A refused code that ends the
// challenge (3rd wrong entry, expired, used) drops the pending registration.
//
// Auditing (category "Self-service password management"): each data set saved or removed is
// its own event ("User registered security info" / "User deleted security info", details:
// the method type and its masked value only); the first time the user meets the policy's
// requirement, "User registered for self-service password reset", once (registration_records).
// Saving anything or confirming counts as confirming the information (the reconfirm period
// of SPEC §2 counts from then).
//
// Which methods a user may add: the tenant policy's (a policy that was never saved counts
// with its defaults), or for administrators the fixed policy of SPEC §6. Any other type is
// MethodTypeNotAllowed.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/methods/registered_method.h"
#include "domain/methods/security_answer_rules.h"
#include "domain/password_hasher.h"
#include "domain/policy/registration_status.h"
#include "domain/policy/sspr_policy.h"
#include "domain/random.h"
#include "domain/result.h"
#include "flows/methods/method_strategy.h"
#include "flows/methods/one_time_codes.h"
#include "flows/methods/security_questions_method.h"
#include "notify/notifier.h"
#include "platform/one_time_code_digest.h"
#include "platform/secret_box.h"
#include "store/store.h"

namespace sspr::flows {

struct SecurityInfoMethod {
  std::string id;
  domain::methods::MethodType type = domain::methods::MethodType::kEmail;
  std::string display;  // the owner's view: full number or address
  domain::methods::MethodSource source = domain::methods::MethodSource::kUser;
  std::string updated_at;
};

struct SecurityInfoView {
  domain::User user;
  std::vector<SecurityInfoMethod> methods;
  std::vector<methods::QuestionText> questions;      // registered questions (texts, no answers)
  domain::policy::SsprPolicy policy;                 // the tenant's (defaults when never saved)
  std::vector<domain::methods::MethodType> allowed;  // what the user may register
  domain::policy::RegistrationStatus status;
  std::vector<std::string> missing;  // localised sentences: what is still needed
};

struct StartedRegistration {
  std::string pending_id;
  domain::methods::MethodType type = domain::methods::MethodType::kEmail;
  std::string sent_to;  // masked; "" for the app
  std::string warning;  // localised; "" when none
  std::string otpauth_uri;
  std::string qr_svg;
  std::string secret_base32;
};

class SecurityInfoRegistration {
 public:
  SecurityInfoRegistration(store::Store& store, const domain::Clock& clock, domain::Random& random,
                           const domain::PasswordHasher& hasher, notify::Notifier& notifier,
                           const platform::SecretBox& box,
                           const platform::OneTimeCodeDigest& digest);
  ~SecurityInfoRegistration();

  domain::Result<SecurityInfoView> view(const domain::User& user, const std::string& language);
  domain::Result<std::vector<methods::QuestionText>> available_questions(
      const domain::User& user, const std::string& language);

  // `type`: "mobile_phone", "office_phone", "email", "app_code".
  domain::Result<StartedRegistration> start(const domain::RequestContext& ctx,
                                            const domain::User& user, const std::string& type,
                                            const methods::MethodRequest& request,
                                            const std::string& language);
  domain::Result<SecurityInfoMethod> prove(const domain::RequestContext& ctx,
                                           const domain::User& user, const std::string& pending_id,
                                           const std::string& code, const std::string& language);
  domain::Status remove(const domain::RequestContext& ctx, const domain::User& user,
                        const std::string& method_id, const std::string& language);

  // Replaces the user's security answers; returns how many are registered.
  domain::Result<int> set_questions(
      const domain::RequestContext& ctx, const domain::User& user,
      const std::vector<domain::methods::SecurityAnswerInput>& answers);
  domain::Status remove_questions(const domain::RequestContext& ctx, const domain::User& user);

  // The reconfirm prompt's "looks good": the information is confirmed as of now.
  domain::Status confirm(const domain::RequestContext& ctx, const domain::User& user);

  // The "register when signing in" interrupt: SSPR applies to the user, the policy requires
  // registration, and the user is not registered or their information is due for reconfirm.
  domain::Result<bool> registration_required(const domain::User& user);

  // The strategy of a method type (nullptr for security questions and app notifications).
  methods::MethodStrategy* strategy(domain::methods::MethodType type);

 private:
  struct Standing;
  Standing standing(store::StoreTransaction& tx, const domain::User& user);
  // Writes "User registered for SSPR" the first time the requirement is met, and records the
  // confirmation time when `confirmed`.
  void after_change(store::StoreTransaction& tx, const domain::RequestContext& ctx,
                    const domain::User& user, bool confirmed);
  std::string tenant_name(const domain::User& user);

  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  methods::OneTimeCodes codes_;
  methods::SecurityQuestionsMethod questions_;
  std::vector<std::unique_ptr<methods::MethodStrategy>> strategies_;
};

}  // namespace sspr::flows
