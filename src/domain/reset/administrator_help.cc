#include "domain/reset/administrator_help.h"

#include <string>

namespace sspr::domain::reset {

bool contact_admin_allowed(int earlier_in_window) {
  return earlier_in_window < kContactAdminRequestsPerHour;
}

Error contact_admin_limit_reached() {
  return Error{ErrorKind::kThrottled, "ContactAdminLimitReached", "ContactAdminLimitReached",
               "error.ContactAdminLimitReached",
               "at most " + std::to_string(kContactAdminRequestsPerHour) +
                   " requests to the administrators per account and hour"};
}

Error no_administrator_to_contact() {
  return Error{ErrorKind::kRejected, "NoAdministratorToContact", "NoAdministratorToContact",
               "error.NoAdministratorToContact",
               "no administrator of the tenant has an email address to send the request to"};
}

}  // namespace sspr::domain::reset
