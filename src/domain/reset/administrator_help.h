#pragma once
// "Try again" and "contact your administrator" after a code could not be sent (SPEC §5.6).
//
// The page offers both after kRetryAfterSendFailure. Contacting the administrators emails each
// of them (at most kMaxAdministratorRecipients) a request to reset the user's password; an
// account may ask kContactAdminRequestsPerHour times in any rolling hour. Beyond that the
// request is refused (ContactAdminLimitReached) without blocking the account from SSPR: asking
// for help too often is not an attack on the account.

#include <chrono>
#include <cstddef>

#include "domain/error.h"

namespace sspr::domain::reset {

inline constexpr std::chrono::seconds kRetryAfterSendFailure{10};
inline constexpr int kContactAdminRequestsPerHour = 3;
inline constexpr std::chrono::hours kContactAdminWindow{1};

// Whether another request is allowed after `earlier_in_window` requests in the last hour.
bool contact_admin_allowed(int earlier_in_window);

// ContactAdminLimitReached (kThrottled): too many requests in the last hour.
Error contact_admin_limit_reached();
// NoAdministratorToContact (kRejected): the tenant has no administrator with an email address.
Error no_administrator_to_contact();

}  // namespace sspr::domain::reset
