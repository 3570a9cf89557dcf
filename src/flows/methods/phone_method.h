#pragma once
// The mobile-phone and office-phone methods (SPEC §3): an E.164 number (libphonenumber,
// domain/methods/phone_number.h) proved by a 6-digit code. A mobile phone takes the code by
// SMS (default) or a voice call; an office phone only by voice call, and its extension is kept
// for display and never dialled.

#include "flows/methods/method_strategy.h"
#include "flows/methods/one_time_codes.h"

namespace sspr::flows::methods {

class PhoneMethod final : public MethodStrategy {
 public:
  // `type` is kMobilePhone or kOfficePhone.
  PhoneMethod(domain::methods::MethodType type, OneTimeCodes& codes);

  domain::methods::MethodType type() const override { return type_; }
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
  // The channel to use: `wanted`, or the default; InvalidInput ("channel") when refused.
  domain::Result<domain::methods::Channel> channel_for(
      std::optional<domain::methods::Channel> wanted) const;

  domain::methods::MethodType type_;
  OneTimeCodes& codes_;
};

}  // namespace sspr::flows::methods
