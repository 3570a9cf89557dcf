#pragma once
// The errors of the proof-of-work CAPTCHA (HTTP 400). Their technical line says what was
// wrong with the solution, never anything that would help forge one.

#include <string>

#include "domain/error.h"

namespace sspr::domain::captcha::errors {

// Missing, malformed, tampered with, signed by another key, or not a solution.
Error captcha_invalid(const std::string& detail);
// Solved too late: the page must fetch a new challenge.
Error captcha_expired(const std::string& detail);
// A challenge already used once (on any node).
Error captcha_replayed();

}  // namespace sspr::domain::captcha::errors
