#pragma once
// The proof-of-work CAPTCHA in front of the reset flow (SPEC §5 step 1; the rules are in
// domain/captcha/captcha_challenge.h).
//
// issue: a new signed challenge with maxnumber = `[captcha] difficulty`; nothing is stored.
// verify: the `captcha` object a client sent ({"algorithm", "challenge", "number", "salt",
// "signature"}) must solve a challenge signed with this server's key (so any node sharing the
// key verifies it), unexpired, and never used before: the challenge is recorded in the store
// in the same step, so a second use on any node is CaptchaReplayed. Expired records are purged
// on the way. Errors: CaptchaInvalid (missing, malformed, tampered with, wrong answer, another
// server's), CaptchaExpired, CaptchaReplayed, StoreUnavailable.
//
// check + consume: verify in two halves, for a step that records the use in its own write
// transaction (the reset's start does, so a start makes one write, not two). check() is all
// of verify but the store; consume() purges and records inside the caller's transaction.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/captcha/captcha_challenge.h"
#include "domain/captcha/captcha_signer.h"
#include "domain/clock.h"
#include "domain/random.h"
#include "domain/result.h"
#include "store/store.h"

namespace sspr::flows {

class Captcha {
 public:
  Captcha(store::Store& store, const domain::Clock& clock, domain::Random& random,
          const domain::captcha::CaptchaSigner& signer, std::uint32_t maxnumber);

  domain::captcha::CaptchaChallenge issue();
  domain::Status verify(const nlohmann::json& captcha);
  domain::Status verify(const domain::captcha::CaptchaSolution& solution);

  // A solution check() accepted: what consume() records.
  struct Checked {
    std::string challenge;
    std::string expires_at;  // ISO 8601, from the signed salt
  };
  domain::Result<Checked> check(const nlohmann::json& captcha) const;
  domain::Result<Checked> check(const domain::captcha::CaptchaSolution& solution) const;
  // CaptchaReplayed when the challenge was used before (a caller's work should then fail, so
  // that nothing else it wrote is kept).
  domain::Status consume(store::StoreTransaction& tx, const Checked& checked) const;
  // CaptchaReplayed when the challenge was used before, in a read: lets a step refuse a spent
  // solution before it reads anything else (consume() still decides between racing uses).
  domain::Status refuse_if_used(store::StoreTransaction& tx, const Checked& checked) const;

  std::uint32_t maxnumber() const { return maxnumber_; }

 private:
  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  const domain::captcha::CaptchaSigner& signer_;
  std::uint32_t maxnumber_;
};

// The client's `captcha` object as a solution; CaptchaInvalid naming the bad field.
domain::Result<domain::captcha::CaptchaSolution> parse_captcha_solution(
    const nlohmann::json& captcha);

// The challenge as GET /api/v1/captcha answers it (CONTRACT.md).
nlohmann::json captcha_challenge_json(const domain::captcha::CaptchaChallenge& challenge);

}  // namespace sspr::flows
