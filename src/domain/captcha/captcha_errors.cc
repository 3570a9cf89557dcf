#include "domain/captcha/captcha_errors.h"

namespace sspr::domain::captcha::errors {
namespace {

Error make(const std::string& name, std::string technical) {
  return Error{ErrorKind::kBadInput, name, name, "error." + name, std::move(technical)};
}

}  // namespace

Error captcha_invalid(const std::string& detail) { return make("CaptchaInvalid", detail); }

Error captcha_expired(const std::string& detail) { return make("CaptchaExpired", detail); }

Error captcha_replayed() {
  return make("CaptchaReplayed", "this CAPTCHA challenge has already been used");
}

}  // namespace sspr::domain::captcha::errors
