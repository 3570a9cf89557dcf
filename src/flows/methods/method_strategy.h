#pragma once
// One verification method (SPEC §3) as a strategy, so the flows never switch on method types
// (docs/ARCHITECTURE.md, "Authentication-method strategies"). A strategy
//   - states its registration rules: prepare() checks what the user typed and returns the
//     data to register (a normalised number or address, or a new sealed TOTP secret), writing
//     nothing;
//   - sends a challenge for a method (registered or being registered): a one-time code by
//     email, SMS or voice, or nothing for the authenticator app;
//   - verifies the response: the code, exactly once under concurrency, or a TOTP code for a
//     step after the last accepted one;
//   - describes a method for the UI: in full to its owner, masked to anyone else.
// Registration is prepare → send_challenge → verify_response → save; a reset gate is
// send_challenge → verify_response on a method on file. Security questions are a set of
// answers rather than one value and have their own class (security_questions_method.h).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "domain/actor.h"
#include "domain/methods/issued_code.h"
#include "domain/methods/method_type.h"
#include "domain/methods/registered_method.h"
#include "domain/result.h"
#include "domain/user.h"
#include "store/store.h"

namespace sspr::flows::methods {

// What the user typed to add or change a method ("" when not given).
struct MethodRequest {
  std::string phone;
  std::string email;
  std::string channel;  // "sms" | "voice"; "" = the method's default
  std::string issuer;   // the organisation's name, shown by authenticator apps
};

// The data to register, before it is proved.
struct MethodDraft {
  domain::methods::RegisteredMethod method;         // type, value, extension, sealed_secret
  std::optional<domain::methods::Channel> channel;  // how the proving code travels; none: app
  std::string warning_key;  // a localised warning for the user, e.g. their own mailbox
  // Authenticator app only: what the page shows so the app can be set up.
  std::string otpauth_uri;
  std::string qr_svg;
  std::string secret_base32;
};

// Whose challenge it is and what it proves.
struct ChallengeSubject {
  domain::User user;
  std::string tenant_name;
  domain::methods::CodePurpose purpose = domain::methods::CodePurpose::kRegistration;
  std::string subject_id;  // the pending registration or the reset flow
  std::string language = "en";
  // When set, a code is issued only if this admits it: it runs in the transaction that stores
  // the code, before storing it (so a throttle counts the attempt and the code in one commit).
  // A refusal it returns is committed with whatever it wrote, nothing is stored or sent, and
  // send_challenge returns the refusal.
  std::function<std::optional<domain::Error>(store::StoreTransaction&)> admit = {};
  // When set, it runs in the same transaction after admit admitted the code and before the code
  // is stored, with the code's id, so the caller records the challenge (the reset flow's
  // pending gate) in the commit that stores the code, before anything is sent. A refusal it
  // returns is handled like admit's: committed with what was written, no code stored or sent.
  std::function<std::optional<domain::Error>(store::StoreTransaction&, const std::string&)> claim =
      {};
  // When set, verify_response of a code method runs this with the check's outcome in the
  // transaction that records the code's new state (or in one of its own when the state does
  // not change), so the caller's record of the outcome commits with it; an error it returns
  // rolls both back and is returned. Methods without codes (the app) never run it.
  std::function<domain::Status(store::StoreTransaction&, const domain::Status&)> record_outcome =
      {};
  // When code_read is set, `code` is the challenge's code as the caller's own read transaction
  // found it (nullopt: none with that id): a code method's verify_response decides on it
  // instead of reading it in a transaction of its own, and reads it again only when its
  // compare-and-set finds it changed meanwhile. Methods without codes ignore both.
  bool code_read = false;
  std::optional<domain::methods::IssuedCode> code = {};
};

struct SentChallenge {
  std::string code_id;  // the issued code; "" when no code was sent (the app)
  std::string sent_to;  // masked recipient; "" when nothing was sent
};

// A response that verified. For the app, the accepted TOTP step (to be saved as the method's
// last accepted step, so the code cannot be used again).
struct VerifiedResponse {
  std::optional<std::int64_t> totp_step;
};

class MethodStrategy {
 public:
  virtual ~MethodStrategy() = default;

  virtual domain::methods::MethodType type() const = 0;

  // The registration rules: `request` checked for `user`; InvalidInput naming the field.
  virtual domain::Result<MethodDraft> prepare(const domain::User& user,
                                              const MethodRequest& request) const = 0;

  // Sends a challenge for `method` over `channel` (nullopt: the method's default). Errors:
  // InvalidInput ("channel") for a channel the method does not offer, NotificationFailed.
  virtual domain::Result<SentChallenge> send_challenge(
      const domain::RequestContext& ctx, const ChallengeSubject& subject,
      const domain::methods::RegisteredMethod& method,
      std::optional<domain::methods::Channel> channel) = 0;

  // Verifies `response` to the challenge `code_id` (ignored by the app) for `method`.
  // Errors are the BadInput refusals of one_time_codes.h, or InvalidVerificationCode.
  virtual domain::Result<VerifiedResponse> verify_response(
      const ChallengeSubject& subject, const domain::methods::RegisteredMethod& method,
      const std::string& code_id, const std::string& response) = 0;

  // How the owner sees the method: "+1 4251234567", "alice@example.org", "Authenticator app"
  // (in `language`).
  virtual std::string display(const domain::methods::RegisteredMethod& method,
                              std::string_view language) const = 0;
  // How anyone else sees it (the reset page): "+1 XXXXXXXX67", "A•••@example.org".
  virtual std::string masked(const domain::methods::RegisteredMethod& method,
                             std::string_view language) const = 0;
};

}  // namespace sspr::flows::methods
