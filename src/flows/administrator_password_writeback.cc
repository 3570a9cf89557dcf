#include "flows/administrator_password_writeback.h"

#include <optional>
#include <vector>

#include "domain/audit_event.h"
#include "domain/eligibility/eligibility_errors.h"

namespace sspr::flows {

namespace activity = domain::audit_activity;
namespace category = domain::audit_category;

domain::Status AdministratorPasswordWriteback::reset(const domain::Actor& actor,
                                                     const domain::RequestContext& ctx,
                                                     const domain::User& user,
                                                     const std::string& password) {
  // 1. The tenant's policy and whether the user is an administrator.
  bool writeback = false;
  bool notify_admins = false;
  std::string tenant_name;
  auto read = store_.transact([&](store::StoreTransaction& tx) {
    if (auto policy = tx.find_sspr_policy(user.tenant_id)) {
      writeback = policy->writeback;
      notify_admins = policy->notify_admins && !tx.roles_of_user(user.id).empty();
    }
    if (auto tenant = tx.find_tenant(user.tenant_id)) tenant_name = tenant->name;
    return domain::ok_status();
  });
  if (!read) return read;
  if (!writeback) {
    const auto refused = domain::eligibility::writeback_not_enabled();
    audit(actor, ctx, user, &refused);
    return refused;
  }
  // 2. The directory first, outside any transaction: nothing is recorded unless it accepted.
  auto written = directory_.set_password(user.tenant_id, user, password);
  if (!written) {
    audit(actor, ctx, user, &written.error());
    return written;
  }
  // 3. The record, then the other administrators.
  audit(actor, ctx, user, nullptr);
  if (!notify_admins || notifications_ == nullptr) return domain::ok_status();
  std::vector<std::string> administrators;
  auto gathered = store_.transact([&](store::StoreTransaction& tx) {
    administrators = ResetNotifications::other_administrators(tx, user);
    return domain::ok_status();
  });
  if (gathered) {
    notifications_->send(NoticeKind::kAdminReset, NoticeSubject{ctx, user, tenant_name, ""},
                         administrators);
  }
  return domain::ok_status();
}

void AdministratorPasswordWriteback::audit(const domain::Actor& actor,
                                           const domain::RequestContext& ctx,
                                           const domain::User& user, const domain::Error* failure) {
  (void)store_.transact([&](store::StoreTransaction& tx) {
    domain::AuditEvent event;
    const auto now = clock_.now();
    event.id = random_.time_ordered_uuid(now);
    event.time = domain::to_iso8601(now);
    event.tenant_id = user.tenant_id;
    event.category = category::kSelfService;
    event.activity = activity::kResetByAdmin;
    event.actor = actor.name;
    event.target = user.upn;
    event.correlation_id = ctx.correlation_id;
    event.client_ip = ctx.client_ip;
    event.details = {{"source", domain::to_string(user.source)}, {"writeback", true}};
    if (failure != nullptr) {
      event.result = "failure";
      event.result_reason = failure->name;
      event.support_code = ctx.support_code;
      event.details["technical"] = failure->technical;
      if (!ctx.language.empty()) event.details["language"] = ctx.language;
    }
    tx.append_audit(event);
    return domain::ok_status();
  });
}

}  // namespace sspr::flows
