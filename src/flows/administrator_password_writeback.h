#pragma once
// An administrator's reset of a synced user's password (SPEC §9, §11; issue 7): the password
// is written to the on-premises directory through the port flows/onprem/onprem_directory.h
// (an administrator-style reset by the service account, so the directory's own policy applies,
// and the account is unlocked), and only once the directory accepted it is the reset recorded.
// The caller (DirectoryAdministration::set_password) has authorised the actor for this user.
//
// - The tenant's SSPR policy must have writeback on, else SSPR_0010 WritebackNotEnabled.
// - Every outcome is audited once as "Reset password (by admin)" in the category
//   "Self-service password management", target the user, actor the administrator; a failure
//   with the error name as reason (SSPR_0029, SSPR_0030, OnPremisesPolicyViolation, ...) and the
//   request's support code. Never the password.
// - When the user holds an administrator role and the policy's notify_admins is on, the other
//   administrators are emailed (ResetNotifications, kAdminReset), as after a self-service reset
//   by an administrator (SPEC §6); a failed delivery does not undo the reset.
// - No store transaction is held open across the directory call.

#include <string>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/random.h"
#include "domain/result.h"
#include "domain/user.h"
#include "flows/onprem/onprem_directory.h"
#include "flows/reset_notifications.h"
#include "store/store.h"

namespace sspr::flows {

class AdministratorPasswordWriteback {
 public:
  // `notifications` may be null: nobody is emailed.
  AdministratorPasswordWriteback(store::Store& store, const domain::Clock& clock,
                                 domain::Random& random, onprem::OnPremisesDirectory& directory,
                                 ResetNotifications* notifications)
      : store_(store),
        clock_(clock),
        random_(random),
        directory_(directory),
        notifications_(notifications) {}

  // Emails go through `notifications` from now on.
  void notify_with(ResetNotifications& notifications) { notifications_ = &notifications; }

  domain::Status reset(const domain::Actor& actor, const domain::RequestContext& ctx,
                       const domain::User& user, const std::string& password);

 private:
  void audit(const domain::Actor& actor, const domain::RequestContext& ctx,
             const domain::User& user, const domain::Error* failure);

  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  onprem::OnPremisesDirectory& directory_;
  ResetNotifications* notifications_;
};

}  // namespace sspr::flows
