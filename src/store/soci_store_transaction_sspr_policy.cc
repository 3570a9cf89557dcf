// A tenant's self-service password reset policy (migration 0003).
#include <algorithm>

#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {
namespace {

namespace policy = domain::policy;

std::string joined_methods(const policy::MethodSet& methods) {
  std::string out;
  for (const auto& name : policy::method_names(methods)) out += (out.empty() ? "" : ",") + name;
  return out;
}

// Names this version does not know (none are written) are skipped.
policy::MethodSet parsed_methods(const std::string& text) {
  policy::MethodSet methods;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(',', start), text.size());
    if (auto method = policy::parse_method(std::string_view(text).substr(start, end - start))) {
      methods.insert(*method);
    }
    start = end + 1;
  }
  return methods;
}

}  // namespace

std::optional<policy::SsprPolicy> SociStoreTransaction::find_sspr_policy(domain::TenantId tenant) {
  const long long tenant_id = tenant;
  std::string enabled;
  long long group_id = 0;
  soci::indicator group_indicator = soci::i_null;
  int methods_required = 0, questions_to_register = 0, questions_to_reset = 0;
  int require_registration = 0, reconfirm_days = 0, notify_users = 0, notify_admins = 0;
  int writeback = 0, unlock = 0;
  std::string methods, helpdesk;
  SqlQuery query(session_,
                 "SELECT enabled, group_id, methods_required, methods, questions_to_register,"
                 " questions_to_reset, require_registration, reconfirm_days, notify_users,"
                 " notify_admins, helpdesk, password_writeback, allow_unlock"
                 " FROM sspr_policies WHERE tenant_id = :t");
  query.into(enabled)
      .into(group_id, group_indicator)
      .into(methods_required)
      .into(methods)
      .into(questions_to_register)
      .into(questions_to_reset)
      .into(require_registration)
      .into(reconfirm_days)
      .into(notify_users)
      .into(notify_admins)
      .into(helpdesk)
      .into(writeback)
      .into(unlock)
      .use(tenant_id);
  if (!query.run()) return std::nullopt;
  policy::SsprPolicy out;
  out.enabled = policy::parse_enabled(enabled).value_or(policy::SsprEnabled::kNone);
  if (group_indicator == soci::i_ok) out.group_id = group_id;
  out.methods_required = methods_required;
  out.methods = parsed_methods(methods);
  out.questions_to_register = questions_to_register;
  out.questions_to_reset = questions_to_reset;
  out.require_registration = require_registration != 0;
  out.reconfirm_days = reconfirm_days;
  out.notify_users = notify_users != 0;
  out.notify_admins = notify_admins != 0;
  out.helpdesk = helpdesk;
  out.writeback = writeback != 0;
  out.unlock = unlock != 0;
  return out;
}

void SociStoreTransaction::save_sspr_policy(domain::TenantId tenant,
                                            const policy::SsprPolicy& policy,
                                            const std::string& now) {
  const long long tenant_id = tenant;
  const std::string enabled(policy::enabled_name(policy.enabled));
  const long long group_id = policy.group_id.value_or(0);
  soci::indicator group_indicator = policy.group_id ? soci::i_ok : soci::i_null;
  const std::string methods = joined_methods(policy.methods);
  const int require_registration = policy.require_registration ? 1 : 0;
  const int notify_users = policy.notify_users ? 1 : 0;
  const int notify_admins = policy.notify_admins ? 1 : 0;
  const int writeback = policy.writeback ? 1 : 0;
  const int unlock = policy.unlock ? 1 : 0;
  SqlQuery remove(session_, "DELETE FROM sspr_policies WHERE tenant_id = :t");
  remove.use(tenant_id).run();
  SqlQuery insert(session_,
                  "INSERT INTO sspr_policies (tenant_id, enabled, group_id, methods_required,"
                  " methods, questions_to_register, questions_to_reset, require_registration,"
                  " reconfirm_days, notify_users, notify_admins, helpdesk, password_writeback,"
                  " allow_unlock, updated_at) VALUES (:t, :e, :g, :mr, :m, :qg, :qs, :rr, :rd,"
                  " :nu, :na, :h, :w, :u, :now)");
  insert.use(tenant_id)
      .use(enabled)
      .use(group_id, group_indicator)
      .use(policy.methods_required)
      .use(methods)
      .use(policy.questions_to_register)
      .use(policy.questions_to_reset)
      .use(require_registration)
      .use(policy.reconfirm_days)
      .use(notify_users)
      .use(notify_admins)
      .use(policy.helpdesk)
      .use(writeback)
      .use(unlock)
      .use(now)
      .run();
}

}  // namespace sspr::store
