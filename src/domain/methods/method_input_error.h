#pragma once
// Bad input to a method rule: an InvalidInput error (HTTP 400, exit 2) whose message key is
// the specific, localised reason ("error.InvalidPhoneNumber", ...) and whose technical line
// starts with the field that failed ("answers[2]: ..."). The detail never repeats the
// rejected value: it may be a phone number, an address or a security answer.

#include <string>

#include "domain/error.h"

namespace sspr::domain::methods {

inline Error method_input_error(const std::string& field, const std::string& message_key,
                                const std::string& detail) {
  Error error = errors::invalid_input(field, detail);
  error.message_key = message_key;
  return error;
}

}  // namespace sspr::domain::methods
