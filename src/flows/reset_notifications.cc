#include "flows/reset_notifications.h"

#include "domain/audit_event.h"
#include "domain/methods/method_type.h"
#include "domain/reset/notice_recipients.h"
#include "flows/self_service_audit.h"
#include "notify/message_templates.h"

namespace sspr::flows {

namespace {

namespace dr = domain::reset;

std::string_view step_of(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::kPasswordReset:
    case NoticeKind::kAccountUnlocked:
      return "notify_user";
    case NoticeKind::kAdminReset:
      return "notify_admins";
    case NoticeKind::kAdminHelp:
      return "contact_admin";
  }
  return "notify_user";
}

notify::OutgoingMessage message_of(NoticeKind kind, std::string to,
                                   const notify::MessageContext& context) {
  switch (kind) {
    case NoticeKind::kPasswordReset:
      return notify::password_reset_notice(std::move(to), context);
    case NoticeKind::kAccountUnlocked:
      return notify::account_unlocked_notice(std::move(to), context);
    case NoticeKind::kAdminReset:
      return notify::admin_reset_notice(std::move(to), context);
    case NoticeKind::kAdminHelp:
      return notify::contact_admin_request(std::move(to), context);
  }
  return {};
}

}  // namespace

ResetNotifications::ResetNotifications(store::Store& store, const domain::Clock& clock,
                                       domain::Random& random, notify::Notifier& notifier)
    : store_(store), clock_(clock), random_(random), notifier_(notifier) {}

std::vector<std::string> ResetNotifications::user_mailboxes(
    const domain::User& user, const std::vector<domain::methods::RegisteredMethod>& methods) {
  std::string alternate;
  for (const auto& method : methods) {
    if (method.type == domain::methods::MethodType::kEmail) alternate = method.value;
  }
  return dr::user_notice_recipients(user.email, alternate);
}

std::vector<std::string> ResetNotifications::other_administrators(store::StoreTransaction& tx,
                                                                  const domain::User& about) {
  std::vector<dr::AdministratorContact> admins;
  std::string previous;
  // One row per (user, role), ordered by UPN: each administrator once.
  for (const auto& [upn, role] : tx.list_role_assignments(about.tenant_id)) {
    if (upn == previous) continue;
    previous = upn;
    if (auto admin = tx.find_user_by_upn(upn)) {
      admins.push_back({admin->upn, admin->email, admin->enabled});
    }
  }
  return dr::administrator_recipients(admins, about.upn);
}

Delivery ResetNotifications::send(NoticeKind kind, const NoticeSubject& subject,
                                  const std::vector<std::string>& to) {
  Delivery delivery;
  delivery.recipients = to.size();
  if (to.empty()) return delivery;
  notify::MessageContext context;
  context.language = subject.language;
  context.tenant_name = subject.tenant_name;
  context.user_name =
      subject.user.display_name.empty() ? subject.user.upn : subject.user.display_name;
  context.upn = subject.user.upn;
  context.time = clock_.now();
  context.client_ip = subject.ctx.client_ip;
  context.reference = subject.ctx.correlation_id;
  for (const auto& recipient : to) {
    auto sent = notifier_.send(message_of(kind, recipient, context));
    if (sent) {
      ++delivery.delivered;
    } else {
      delivery.failure = sent.error();
    }
  }
  // The audit of a delivery that already happened: a failure to write it changes nothing sent.
  (void)store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    write_self_service_audit(tx, clock_, random_, subject.ctx, subject.user,
                             domain::audit_activity::kFlowProgress,
                             delivery.failure ? delivery.failure->name : "",
                             {{"step", step_of(kind)},
                              {"flow_id", subject.flow_id},
                              {"recipients", delivery.recipients},
                              {"delivered", delivery.delivered}});
    return domain::ok_status();
  });
  return delivery;
}

}  // namespace sspr::flows
