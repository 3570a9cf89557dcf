#pragma once
// The errors of password writeback and unlock on the on-premises directory (SPEC §4, §9), in
// the catalogue's shape (code, reference name, user text key "error.<Name>", technical line).
// The technical line says what the directory or the connection did; never the password.
//   SSPR_0029 OnPremisesAdminActionRequired  misconfigured connection, bad service credentials,
//                                            insufficient access, no such object, or no
//                                            connection configured at all (kUnavailable)
//   SSPR_0030 OnPremisesConnectivityError    the directory cannot be reached in time
//                                            (kUnavailable)
//   OnPremisesPolicyViolation                the directory's own password policy rejects the
//                                            password: the user may choose another (kRejected)
//   OnPremisesSuccessCloudFailure            the directory accepted the password but recording
//                                            it here failed (kInternal; the directory is the
//                                            source of truth)

#include <string>

#include "domain/error.h"

namespace sspr::domain::onprem {

Error admin_action_required(const std::string& technical);  // SSPR_0029
Error connectivity_error(const std::string& technical);     // SSPR_0030
Error policy_violation(const std::string& technical);
Error success_cloud_failure(const std::string& technical);

}  // namespace sspr::domain::onprem
