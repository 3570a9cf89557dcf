#pragma once
// The reference product's numbered errors for "who may reset" (SPEC §4), in the catalogue's
// shape: code "SSPR_00xx", the reference name, the user text key "error.<Name>", and a
// technical line for administrators (never a secret). All are kind kForbidden: the request
// was understood, and this user may not reset now.

#include <string>

#include "domain/error.h"

namespace sspr::domain::eligibility {

// Unknown user ID or disabled account: one neutral answer that tells neither apart.
Error account_unavailable(const std::string& technical);
Error tenant_sspr_disabled();                                         // SSPR_0009
Error writeback_not_enabled();                                        // SSPR_0010
Error sspr_not_enabled_in_user_policy();                              // SSPR_0011
Error user_not_licensed(const std::string& technical);                // SSPR_0012
Error user_not_member_of_scoped_group(const std::string& technical);  // SSPR_0013
Error user_not_properly_configured(const std::string& technical);     // SSPR_0014

}  // namespace sspr::domain::eligibility
