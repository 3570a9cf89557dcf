// Authentication methods by administrators (SPEC §3, last paragraph): pre-population of
// mobile phone, office phone and alternate email, the bulk CSV import, and the tenant's
// custom security questions. Security answers and authenticator secrets are never set or
// shown here.
#include <algorithm>
#include <charconv>

#include "domain/error.h"
#include "domain/methods/email_address.h"
#include "domain/methods/phone_number.h"
#include "domain/methods/security_answer_rules.h"
#include "flows/directory_access.h"
#include "flows/directory_administration.h"
#include "flows/in_transaction.h"

namespace sspr::flows {

using domain::Permission;
using domain::Result;
using domain::Status;
namespace errors = domain::errors;
namespace methods = domain::methods;
using methods::MethodType;

namespace {

// A validated value for one method type, ready to store.
struct MethodValue {
  MethodType type;
  std::string value;      // E.164 or address
  std::string extension;  // office phone only
  std::string masked;     // what the audit record shows
};

Result<MethodValue> phone_value(MethodType type, const std::string& text, const char* field) {
  auto phone = methods::parse_phone_number(text, field);
  if (!phone) return phone.error();
  // A mobile phone receives SMS and calls; an extension would never be dialled, so it is
  // refused there rather than silently dropped. Office phones keep it for display.
  if (type == MethodType::kMobilePhone && !phone->extension.empty()) {
    return errors::invalid_input(field, "a mobile phone has no extension");
  }
  return MethodValue{type, phone->e164, phone->extension, phone->masked()};
}

// Every value of `changes`, validated; the first bad one is the error.
Result<std::vector<MethodValue>> validated(const methods::ContactMethodChanges& changes) {
  std::vector<MethodValue> values;
  if (changes.empty()) {
    return errors::invalid_input("methods",
                                 "give at least one of mobile_phone, office_phone, email");
  }
  if (changes.mobile_phone) {
    auto value = phone_value(MethodType::kMobilePhone, *changes.mobile_phone, "mobile_phone");
    if (!value) return value.error();
    values.push_back(std::move(*value));
  }
  if (changes.office_phone) {
    auto value = phone_value(MethodType::kOfficePhone, *changes.office_phone, "office_phone");
    if (!value) return value.error();
    values.push_back(std::move(*value));
  }
  if (changes.email) {
    auto email = methods::parse_email_address(*changes.email, "email");
    if (!email) return email.error();
    values.push_back({MethodType::kEmail, email->value, "", email->masked()});
  }
  return values;
}

// The user, when the actor may manage their methods (see directory_administration.h).
Result<domain::User> manageable_user(store::StoreTransaction& tx, const domain::Actor& actor,
                                     const std::string& upn) {
  auto found = detail::find_user(tx, actor, upn, Permission::kManageAuthMethods);
  if (!found) return found.error();
  if (!tx.roles_of_user(found->id).empty()) {
    if (auto status = detail::require(actor, Permission::kResetAdminPasswords); !status) {
      return status.error();
    }
  }
  return found;
}

UserMethodsView view_of(store::StoreTransaction& tx, const domain::User& user) {
  return {user.upn, tx.list_methods(user.id), tx.list_security_answers(user.id).size()};
}

std::optional<methods::RegisteredMethod> method_of_type(store::StoreTransaction& tx,
                                                        domain::UserId user, MethodType type) {
  for (auto& method : tx.list_methods(user)) {
    if (method.type == type) return method;
  }
  return std::nullopt;
}

std::string masked_of(const methods::RegisteredMethod& method) {
  if (method.type == MethodType::kEmail) return methods::EmailAddress{method.value}.masked();
  auto phone = methods::phone_number_from_e164(method.value, method.extension);
  return phone ? phone->masked() : std::string();
}

// Writes the values for `user` with one audit record each.
void save_values(store::StoreTransaction& tx, const detail::AuditWriter& audit,
                 const domain::User& user, const std::vector<MethodValue>& values,
                 const std::string& now) {
  for (const auto& value : values) {
    auto previous = method_of_type(tx, user.id, value.type);
    methods::RegisteredMethod method;
    method.user_id = user.id;
    method.type = value.type;
    method.value = value.value;
    method.extension = value.extension;
    method.source = methods::MethodSource::kAdmin;
    method.created_at = now;
    method.updated_at = now;
    tx.save_method(method);
    nlohmann::json details = {
        {"method", methods::to_string(value.type)}, {"value", value.masked}, {"source", "admin"}};
    if (!value.extension.empty()) details["extension"] = true;
    if (previous) details["replaced"] = masked_of(*previous);
    audit.write(tx, user.tenant_id, domain::audit_category::kUserManagement,
                domain::audit_activity::kAdminRegisteredMethod, user.upn, std::move(details));
  }
}

Result<std::int64_t> question_number(const std::string& question) {
  std::string_view digits = question;
  if (digits.starts_with("custom-")) digits.remove_prefix(7);
  std::int64_t number = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
    return errors::not_found("custom security question", question);
  }
  return number;
}

}  // namespace

Result<UserMethodsView> DirectoryAdministration::user_methods(const domain::Actor& actor,
                                                              const std::string& upn) {
  return in_transaction<UserMethodsView>(
      store_, [&](store::StoreTransaction& tx) -> Result<UserMethodsView> {
        auto user = detail::find_user(tx, actor, upn, Permission::kManageAuthMethods);
        if (!user) return user.error();
        return view_of(tx, *user);
      });
}

Result<UserMethodsView> DirectoryAdministration::set_contact_methods(
    const domain::Actor& actor, const domain::RequestContext& ctx, const std::string& upn,
    const methods::ContactMethodChanges& changes) {
  return in_transaction<UserMethodsView>(
      store_, [&](store::StoreTransaction& tx) -> Result<UserMethodsView> {
        auto user = manageable_user(tx, actor, upn);
        if (!user) return user.error();
        auto values = validated(changes);
        if (!values) return values.error();
        save_values(tx, detail::AuditWriter{clock_, random_, actor, ctx}, *user, *values,
                    domain::to_iso8601(clock_.now()));
        return view_of(tx, *user);
      });
}

Result<UserMethodsView> DirectoryAdministration::clear_contact_method(
    const domain::Actor& actor, const domain::RequestContext& ctx, const std::string& upn,
    MethodType type) {
  return in_transaction<UserMethodsView>(
      store_, [&](store::StoreTransaction& tx) -> Result<UserMethodsView> {
        auto user = manageable_user(tx, actor, upn);
        if (!user) return user.error();
        if (type != MethodType::kMobilePhone && type != MethodType::kOfficePhone &&
            type != MethodType::kEmail) {
          return errors::invalid_input(
              "type", "administrators manage mobile_phone, office_phone and email only");
        }
        auto method = method_of_type(tx, user->id, type);
        if (!method) return errors::not_found(std::string(methods::to_string(type)), user->upn);
        tx.delete_method(user->id, method->id);
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, user->tenant_id, domain::audit_category::kUserManagement,
            domain::audit_activity::kAdminDeletedMethod, user->upn,
            {{"method", methods::to_string(type)}, {"value", masked_of(*method)}});
        return view_of(tx, *user);
      });
}

Result<MethodImportReport> DirectoryAdministration::import_contact_methods(
    const domain::Actor& actor, const domain::RequestContext& ctx, domain::TenantId tenant,
    std::string_view csv) {
  auto found = in_transaction<domain::Tenant>(store_, [&](store::StoreTransaction& tx) {
    return detail::find_tenant(tx, actor, tenant, Permission::kManageAuthMethods);
  });
  if (!found) return found.error();
  auto file = methods::parse_contact_methods_csv(csv);
  if (!file) return file.error();

  MethodImportReport report;
  report.rejected = file->rejected;
  for (const auto& row : file->rows) {
    auto status = store_.transact([&](store::StoreTransaction& tx) -> Status {
      auto user = manageable_user(tx, actor, row.upn);
      if (!user) return user.error();
      if (user->tenant_id != tenant) return errors::not_found("user", user->upn);
      auto values = validated(row.changes);
      if (!values) return values.error();
      save_values(tx, detail::AuditWriter{clock_, random_, actor, ctx}, *user, *values,
                  domain::to_iso8601(clock_.now()));
      return domain::ok_status();
    });
    if (status) {
      ++report.applied;
    } else {
      report.rejected.push_back({row.line, row.upn, status.error().name, status.error().technical});
    }
  }
  std::sort(report.rejected.begin(), report.rejected.end(),
            [](const auto& a, const auto& b) { return a.line < b.line; });
  return report;
}

Result<std::vector<methods::CustomSecurityQuestion>> DirectoryAdministration::custom_questions(
    const domain::Actor& actor, domain::TenantId tenant) {
  using Questions = std::vector<methods::CustomSecurityQuestion>;
  return in_transaction<Questions>(store_, [&](store::StoreTransaction& tx) -> Result<Questions> {
    auto found = detail::find_tenant(tx, actor, tenant, Permission::kReadDirectory);
    if (!found) return found.error();
    return tx.list_custom_questions(tenant);
  });
}

Result<methods::CustomSecurityQuestion> DirectoryAdministration::add_custom_question(
    const domain::Actor& actor, const domain::RequestContext& ctx, domain::TenantId tenant,
    const std::string& text) {
  using Question = methods::CustomSecurityQuestion;
  return in_transaction<Question>(store_, [&](store::StoreTransaction& tx) -> Result<Question> {
    auto found = detail::find_tenant(tx, actor, tenant, Permission::kManagePolicy);
    if (!found) return found.error();
    std::vector<std::string> existing;
    for (const auto& question : tx.list_custom_questions(tenant)) existing.push_back(question.text);
    auto checked = methods::check_custom_question(text, existing);
    if (!checked) return checked.error();
    const std::string now = domain::to_iso8601(clock_.now());
    Question question{tx.insert_custom_question(tenant, *checked, now), tenant, *checked, now};
    detail::AuditWriter{clock_, random_, actor, ctx}.write(
        tx, tenant, domain::audit_category::kPolicy, domain::audit_activity::kAddCustomQuestion,
        found->name, {{"question", question.question_id()}, {"text", question.text}});
    return question;
  });
}

Status DirectoryAdministration::remove_custom_question(const domain::Actor& actor,
                                                       const domain::RequestContext& ctx,
                                                       domain::TenantId tenant,
                                                       const std::string& question) {
  return store_.transact([&](store::StoreTransaction& tx) -> Status {
    auto found = detail::find_tenant(tx, actor, tenant, Permission::kManagePolicy);
    if (!found) return found.error();
    auto number = question_number(question);
    if (!number) return number.error();
    std::string text;
    for (const auto& existing : tx.list_custom_questions(tenant)) {
      if (existing.id == *number) text = existing.text;
    }
    if (!tx.delete_custom_question(tenant, *number)) {
      return errors::not_found("custom security question", question);
    }
    detail::AuditWriter{clock_, random_, actor, ctx}.write(
        tx, tenant, domain::audit_category::kPolicy, domain::audit_activity::kRemoveCustomQuestion,
        found->name, {{"question", "custom-" + std::to_string(*number)}, {"text", text}});
    return domain::ok_status();
  });
}

}  // namespace sspr::flows
