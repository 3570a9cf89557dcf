#include "flows/methods/email_method.h"

#include "domain/methods/email_address.h"
#include "domain/methods/method_input_error.h"

namespace sspr::flows::methods {
namespace {

namespace dm = domain::methods;

}  // namespace

EmailMethod::EmailMethod(OneTimeCodes& codes) : codes_(codes) {}

domain::Result<MethodDraft> EmailMethod::prepare(const domain::User& user,
                                                 const MethodRequest& request) const {
  if (request.email.empty()) {
    return dm::method_input_error("email", "error.InvalidEmailAddress", "is required");
  }
  auto address = dm::parse_email_address(request.email, "email");
  if (!address) return address.error();
  MethodDraft draft;
  draft.method.user_id = user.id;
  draft.method.type = dm::MethodType::kEmail;
  draft.method.value = address->value;
  draft.channel = dm::Channel::kEmail;
  if (dm::is_own_mailbox(*address, user.upn) ||
      (!user.email.empty() && dm::is_own_mailbox(*address, user.email))) {
    draft.warning_key = "warning.AlternateEmailIsOwnMailbox";
  }
  return draft;
}

domain::Result<SentChallenge> EmailMethod::send_challenge(const domain::RequestContext& ctx,
                                                          const ChallengeSubject& subject,
                                                          const dm::RegisteredMethod& method,
                                                          std::optional<dm::Channel> channel) {
  if (channel && *channel != dm::Channel::kEmail) {
    return dm::method_input_error("channel", "error.InvalidChannel",
                                  "an email address takes its code by email");
  }
  return codes_.issue(ctx, subject, dm::MethodType::kEmail, method.value,
                      masked(method, subject.language), dm::Channel::kEmail);
}

domain::Result<VerifiedResponse> EmailMethod::verify_response(const ChallengeSubject& subject,
                                                              const dm::RegisteredMethod&,
                                                              const std::string& code_id,
                                                              const std::string& response) {
  if (auto checked = codes_.check(subject, code_id, response); !checked) return checked.error();
  return VerifiedResponse{};
}

std::string EmailMethod::display(const dm::RegisteredMethod& method, std::string_view) const {
  return method.value;
}

std::string EmailMethod::masked(const dm::RegisteredMethod& method, std::string_view) const {
  return dm::EmailAddress{method.value}.masked();
}

}  // namespace sspr::flows::methods
