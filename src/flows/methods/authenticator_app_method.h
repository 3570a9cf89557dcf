#pragma once
// The authenticator-app method (SPEC §3): a TOTP secret (RFC 6238, liboath) that the user
// adds to their app by scanning an otpauth:// QR code (SVG) or typing the base32 secret. The
// secret is kept only sealed (platform::SecretBox under the server key). No code is sent: the
// first code from the app must verify before the app is saved, and every accepted code moves
// the method's last accepted step forward (a compare-and-set in the store for a saved app),
// so a code is accepted once only.

#include "domain/clock.h"
#include "domain/random.h"
#include "flows/methods/method_strategy.h"
#include "platform/secret_box.h"
#include "store/store.h"

namespace sspr::flows::methods {

class AuthenticatorAppMethod final : public MethodStrategy {
 public:
  AuthenticatorAppMethod(store::Store& store, const domain::Clock& clock, domain::Random& random,
                         const platform::SecretBox& box);

  domain::methods::MethodType type() const override {
    return domain::methods::MethodType::kAppCode;
  }
  domain::Result<MethodDraft> prepare(const domain::User& user,
                                      const MethodRequest& request) const override;
  domain::Result<SentChallenge> send_challenge(
      const domain::RequestContext& ctx, const ChallengeSubject& subject,
      const domain::methods::RegisteredMethod& method,
      std::optional<domain::methods::Channel> channel) override;
  // For a method not saved yet (id 0) any step in the window is accepted; for a saved one,
  // only a step after its last accepted step, claimed with advance_totp_step.
  domain::Result<VerifiedResponse> verify_response(const ChallengeSubject& subject,
                                                   const domain::methods::RegisteredMethod& method,
                                                   const std::string& code_id,
                                                   const std::string& response) override;
  std::string display(const domain::methods::RegisteredMethod& method,
                      std::string_view language) const override;
  std::string masked(const domain::methods::RegisteredMethod& method,
                     std::string_view language) const override;

 private:
  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  const platform::SecretBox& box_;
};

}  // namespace sspr::flows::methods
