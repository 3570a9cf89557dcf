#include "flows/captcha.h"

#include <limits>

#include "domain/captcha/captcha_errors.h"

namespace sspr::flows {
namespace {

namespace captcha = domain::captcha;

// Random hex in the salt: 12 bytes, so two challenges never share a salt.
constexpr std::size_t kSaltBytes = 12;

domain::Result<std::string> string_field(const nlohmann::json& object, const char* name) {
  const auto found = object.find(name);
  if (found == object.end() || !found->is_string()) {
    return captcha::errors::captcha_invalid(std::string("captcha.") + name +
                                            " is missing or not a string");
  }
  const auto& text = found->get_ref<const std::string&>();
  if (text.size() > 256) {
    return captcha::errors::captcha_invalid(std::string("captcha.") + name + " is too long");
  }
  return text;
}

}  // namespace

Captcha::Captcha(store::Store& store, const domain::Clock& clock, domain::Random& random,
                 const captcha::CaptchaSigner& signer, std::uint32_t maxnumber)
    : store_(store), clock_(clock), random_(random), signer_(signer), maxnumber_(maxnumber) {}

captcha::CaptchaChallenge Captcha::issue() {
  const std::uint32_t secret = maxnumber_ == std::numeric_limits<std::uint32_t>::max()
                                   ? random_.uniform(maxnumber_)
                                   : random_.uniform(maxnumber_ + 1);
  return captcha::make_challenge(signer_, random_.hex(kSaltBytes), secret, maxnumber_,
                                 clock_.now());
}

domain::Status Captcha::verify(const nlohmann::json& object) {
  auto solution = parse_captcha_solution(object);
  if (!solution) return solution.error();
  return verify(*solution);
}

domain::Status Captcha::verify(const captcha::CaptchaSolution& solution) {
  auto checked = check(solution);
  if (!checked) return checked.error();
  return store_.transact(
      [&](store::StoreTransaction& tx) -> domain::Status { return consume(tx, *checked); });
}

domain::Result<Captcha::Checked> Captcha::check(const nlohmann::json& object) const {
  auto solution = parse_captcha_solution(object);
  if (!solution) return solution.error();
  return check(*solution);
}

domain::Result<Captcha::Checked> Captcha::check(const captcha::CaptchaSolution& solution) const {
  if (auto checked = captcha::check_solution(signer_, solution, maxnumber_, clock_.now());
      !checked) {
    return checked.error();
  }
  // check_solution found an expiry in the salt.
  return Checked{solution.challenge, domain::to_iso8601(*captcha::salt_expiry(solution.salt))};
}

domain::Status Captcha::consume(store::StoreTransaction& tx, const Checked& checked) const {
  tx.delete_expired_captchas(domain::to_iso8601(clock_.now()));
  if (!tx.record_used_captcha(checked.challenge, checked.expires_at)) {
    return captcha::errors::captcha_replayed();
  }
  return domain::ok_status();
}

domain::Status Captcha::refuse_if_used(store::StoreTransaction& tx, const Checked& checked) const {
  if (tx.captcha_used(checked.challenge)) return captcha::errors::captcha_replayed();
  return domain::ok_status();
}

domain::Result<captcha::CaptchaSolution> parse_captcha_solution(const nlohmann::json& object) {
  if (!object.is_object()) {
    return captcha::errors::captcha_invalid("captcha is missing or not an object");
  }
  captcha::CaptchaSolution solution;
  for (auto [name, target] :
       {std::pair{"algorithm", &solution.algorithm}, std::pair{"challenge", &solution.challenge},
        std::pair{"salt", &solution.salt}, std::pair{"signature", &solution.signature}}) {
    auto value = string_field(object, name);
    if (!value) return value.error();
    *target = std::move(value).value();
  }
  const auto number = object.find("number");
  if (number == object.end() || !number->is_number_unsigned()) {
    return captcha::errors::captcha_invalid("captcha.number is missing or not a whole number >= 0");
  }
  solution.number = number->get<std::uint64_t>();
  return solution;
}

nlohmann::json captcha_challenge_json(const captcha::CaptchaChallenge& challenge) {
  return {{"algorithm", challenge.algorithm},
          {"challenge", challenge.challenge},
          {"salt", challenge.salt},
          {"maxnumber", challenge.maxnumber},
          {"signature", challenge.signature}};
}

}  // namespace sspr::flows
