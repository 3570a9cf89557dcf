#pragma once
// The refusal of an attempt that exceeds a limit of SPEC §7 or is made while the account is
// blocked (ThrottledBlocked, HTTP 429). It never says which limit or until when.

#include <string_view>

#include "domain/error.h"
#include "domain/throttling/sspr_throttle.h"

namespace sspr::domain::throttling {

Error throttled_blocked(ThrottledAction action);

}  // namespace sspr::domain::throttling
