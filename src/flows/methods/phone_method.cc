#include "flows/methods/phone_method.h"

#include "domain/methods/method_input_error.h"
#include "domain/methods/phone_number.h"

namespace sspr::flows::methods {
namespace {

namespace dm = domain::methods;

}  // namespace

PhoneMethod::PhoneMethod(dm::MethodType type, OneTimeCodes& codes) : type_(type), codes_(codes) {}

domain::Result<dm::Channel> PhoneMethod::channel_for(std::optional<dm::Channel> wanted) const {
  const bool office = type_ == dm::MethodType::kOfficePhone;
  const dm::Channel channel = wanted.value_or(office ? dm::Channel::kVoice : dm::Channel::kSms);
  if (channel == dm::Channel::kVoice || (channel == dm::Channel::kSms && !office)) return channel;
  return dm::method_input_error("channel",
                                office ? "error.OfficePhoneVoiceOnly" : "error.InvalidChannel",
                                std::string(dm::to_string(type_)) + " cannot take a code by " +
                                    std::string(dm::to_string(channel)));
}

domain::Result<MethodDraft> PhoneMethod::prepare(const domain::User& user,
                                                 const MethodRequest& request) const {
  MethodDraft draft;
  std::optional<dm::Channel> wanted;
  if (!request.channel.empty()) {
    wanted = dm::channel_from_string(request.channel);
    if (!wanted) {
      return dm::method_input_error("channel", "error.InvalidChannel",
                                    "must be \"sms\" or \"voice\"");
    }
  }
  auto channel = channel_for(wanted);
  if (!channel) return channel.error();
  if (request.phone.empty()) {
    return dm::method_input_error("phone", "error.InvalidPhoneNumber", "is required");
  }
  auto number = dm::parse_phone_number(request.phone, "phone");
  if (!number) return number.error();
  draft.method.user_id = user.id;
  draft.method.type = type_;
  draft.method.value = number->e164;
  // The extension belongs to an office phone; a mobile phone has none to show.
  draft.method.extension = type_ == dm::MethodType::kOfficePhone ? number->extension : "";
  draft.channel = *channel;
  return draft;
}

domain::Result<SentChallenge> PhoneMethod::send_challenge(const domain::RequestContext& ctx,
                                                          const ChallengeSubject& subject,
                                                          const dm::RegisteredMethod& method,
                                                          std::optional<dm::Channel> channel) {
  auto chosen = channel_for(channel);
  if (!chosen) return chosen.error();
  return codes_.issue(ctx, subject, type_, method.value, masked(method, subject.language), *chosen);
}

domain::Result<VerifiedResponse> PhoneMethod::verify_response(const ChallengeSubject& subject,
                                                              const dm::RegisteredMethod&,
                                                              const std::string& code_id,
                                                              const std::string& response) {
  if (auto checked = codes_.check(subject, code_id, response); !checked) return checked.error();
  return VerifiedResponse{};
}

std::string PhoneMethod::display(const dm::RegisteredMethod& method, std::string_view) const {
  auto number = dm::phone_number_from_e164(method.value, method.extension);
  return number ? number->display_with_extension() : method.value;
}

std::string PhoneMethod::masked(const dm::RegisteredMethod& method, std::string_view) const {
  return dm::masked_phone_number(method.value);
}

}  // namespace sspr::flows::methods
