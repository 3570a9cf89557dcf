#pragma once
// The alternate-email method (SPEC §3): an address proved by an 8-digit code sent to it.
// The user's own mailbox (their UPN or primary address) is allowed with a warning: it will
// not help when that is the mailbox they have lost access to.

#include "flows/methods/method_strategy.h"
#include "flows/methods/one_time_codes.h"

namespace sspr::flows::methods {

class EmailMethod final : public MethodStrategy {
 public:
  explicit EmailMethod(OneTimeCodes& codes);

  domain::methods::MethodType type() const override { return domain::methods::MethodType::kEmail; }
  domain::Result<MethodDraft> prepare(const domain::User& user,
                                      const MethodRequest& request) const override;
  domain::Result<SentChallenge> send_challenge(
      const domain::RequestContext& ctx, const ChallengeSubject& subject,
      const domain::methods::RegisteredMethod& method,
      std::optional<domain::methods::Channel> channel) override;
  domain::Result<VerifiedResponse> verify_response(const ChallengeSubject& subject,
                                                   const domain::methods::RegisteredMethod& method,
                                                   const std::string& code_id,
                                                   const std::string& response) override;
  std::string display(const domain::methods::RegisteredMethod& method,
                      std::string_view language) const override;
  std::string masked(const domain::methods::RegisteredMethod& method,
                     std::string_view language) const override;

 private:
  OneTimeCodes& codes_;
};

}  // namespace sspr::flows::methods
