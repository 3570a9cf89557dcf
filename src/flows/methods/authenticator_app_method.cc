#include "flows/methods/authenticator_app_method.h"

#include <sodium.h>

#include "domain/methods/method_input_error.h"
#include "domain/methods/qr_svg.h"
#include "domain/methods/totp.h"
#include "domain/methods/verification_errors.h"
#include "i18n/catalogue.h"

namespace sspr::flows::methods {
namespace {

namespace dm = domain::methods;

constexpr std::string_view kDefaultIssuer = "OpenSSPR";

}  // namespace

AuthenticatorAppMethod::AuthenticatorAppMethod(store::Store& store, const domain::Clock& clock,
                                               domain::Random& random,
                                               const platform::SecretBox& box)
    : store_(store), clock_(clock), random_(random), box_(box) {}

domain::Result<MethodDraft> AuthenticatorAppMethod::prepare(const domain::User& user,
                                                            const MethodRequest& request) const {
  auto secret = dm::generate_totp_secret(random_);
  MethodDraft draft;
  draft.method.user_id = user.id;
  draft.method.type = dm::MethodType::kAppCode;
  draft.method.sealed_secret = box_.seal(secret);
  const std::string issuer = request.issuer.empty() ? std::string(kDefaultIssuer) : request.issuer;
  draft.otpauth_uri = dm::otpauth_uri(issuer, user.upn, secret);
  draft.qr_svg = dm::qr_svg(draft.otpauth_uri, "QR code for your authenticator app");
  draft.secret_base32 = dm::base32_encode(secret);
  sodium_memzero(secret.data(), secret.size());
  return draft;
}

domain::Result<SentChallenge> AuthenticatorAppMethod::send_challenge(
    const domain::RequestContext&, const ChallengeSubject&, const dm::RegisteredMethod&,
    std::optional<dm::Channel> channel) {
  if (channel) {
    return dm::method_input_error("channel", "error.InvalidChannel",
                                  "the authenticator app takes no code by email, SMS or voice");
  }
  return SentChallenge{};  // the code is the app's own
}

domain::Result<VerifiedResponse> AuthenticatorAppMethod::verify_response(
    const ChallengeSubject&, const dm::RegisteredMethod& method, const std::string&,
    const std::string& response) {
  auto secret = box_.open(method.sealed_secret);
  if (!secret) return secret.error();
  const bool saved = method.id != 0;
  const auto step =
      dm::verify_totp(*secret, response, clock_.now(),
                      saved ? std::optional<std::int64_t>(method.last_totp_step) : std::nullopt);
  sodium_memzero(secret->data(), secret->size());
  if (!step) return dm::wrong_app_code();
  if (saved) {
    bool claimed = false;
    auto status = store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
      claimed = tx.advance_totp_step(method.id, method.last_totp_step, *step);
      return domain::ok_status();
    });
    if (!status) return status.error();
    if (!claimed) return dm::wrong_app_code();  // another request used this step first
  }
  return VerifiedResponse{*step};
}

std::string AuthenticatorAppMethod::display(const dm::RegisteredMethod&,
                                            std::string_view language) const {
  return i18n::translate(language, "method.app_code");
}

std::string AuthenticatorAppMethod::masked(const dm::RegisteredMethod& method,
                                           std::string_view language) const {
  return display(method, language);
}

}  // namespace sspr::flows::methods
