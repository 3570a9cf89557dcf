#pragma once
// HTTP status codes: the one chosen for each kind of error (see domain/error.h) and the
// reason phrase written on the status line.

#include <string_view>

#include "domain/error.h"

namespace sspr::http {

int status_for(domain::ErrorKind kind);

// "OK", "Not Found", ...; "Unknown" for codes we never send.
std::string_view reason_phrase(int status);

}  // namespace sspr::http
