// Administrators' view and pre-population of users' authentication methods (SPEC §3, §13),
// shaped like the Graph authentication-methods API: /users/{upn}/authentication/methods,
// /phoneMethods ({"phoneNumber", "phoneType": "mobile"|"office"}) and /emailMethods
// ({"emailAddress"}); the bulk CSV import (text/csv body, answered with the report of
// rejected rows); and the tenant's custom security questions.

#include "domain/error.h"
#include "flows/authentication_methods_view.h"
#include "http/directory_requests.h"
#include "http/json_body.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

namespace methods = domain::methods;
using methods::MethodType;

bool is_phone(MethodType type) {
  return type == MethodType::kMobilePhone || type == MethodType::kOfficePhone;
}

// {"value": [...]} of the methods `keep` selects.
template <typename Keep>
ApiResult listed(domain::Result<flows::UserMethodsView> view, Keep keep) {
  if (!view) return view.error();
  nlohmann::json value = nlohmann::json::array();
  for (const auto& method : view->methods) {
    if (keep(method.type)) value.push_back(flows::method_json(method));
  }
  return ApiResponse::ok({{"value", std::move(value)}});
}

// The one method of `type` in `view`, as created (201).
ApiResult created_method(domain::Result<flows::UserMethodsView> view, MethodType type) {
  if (!view) return view.error();
  for (const auto& method : view->methods) {
    if (method.type == type) return ApiResponse::created(flows::method_json(method));
  }
  return domain::errors::internal("the method just saved is missing");
}

ApiResult all_methods(const ApiRequest& request) {
  return respond(request.directory.user_methods(request.actor, request.param("upn")));
}

ApiResult phone_methods(const ApiRequest& request) {
  return listed(request.directory.user_methods(request.actor, request.param("upn")), is_phone);
}

ApiResult email_methods(const ApiRequest& request) {
  return listed(request.directory.user_methods(request.actor, request.param("upn")),
                [](MethodType type) { return type == MethodType::kEmail; });
}

ApiResult add_phone(const ApiRequest& request) {
  auto body = request.json_body();
  if (!body) return body.error();
  auto phone = read_phone_method_request(*body);
  if (!phone) return phone.error();
  return created_method(request.directory.set_contact_methods(request.actor, request.context,
                                                              request.param("upn"), phone->changes),
                        phone->type);
}

ApiResult add_email(const ApiRequest& request) {
  auto body = request.json_body();
  if (!body) return body.error();
  auto address = required_string(*body, "emailAddress");
  if (!address) return address.error();
  methods::ContactMethodChanges changes;
  changes.email = *address;
  return created_method(request.directory.set_contact_methods(request.actor, request.context,
                                                              request.param("upn"), changes),
                        MethodType::kEmail);
}

ApiResult delete_method(const ApiRequest& request, MethodType type) {
  auto view = request.directory.clear_contact_method(request.actor, request.context,
                                                     request.param("upn"), type);
  if (!view) return view.error();
  return ApiResponse::no_content();
}

ApiResult delete_phone(const ApiRequest& request) {
  const auto& id = request.param("id");
  if (id == "mobile") return delete_method(request, MethodType::kMobilePhone);
  if (id == "office") return delete_method(request, MethodType::kOfficePhone);
  return domain::errors::not_found("phone method", id);
}

ApiResult delete_email(const ApiRequest& request) {
  const auto& id = request.param("id");
  if (id != "email") return domain::errors::not_found("email method", id);
  return delete_method(request, MethodType::kEmail);
}

ApiResult import_methods(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  return respond(request.directory.import_contact_methods(request.actor, request.context, *tenant,
                                                          request.body));
}

ApiResult list_questions(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto questions = request.directory.custom_questions(request.actor, *tenant);
  if (!questions) return questions.error();
  nlohmann::json value = nlohmann::json::array();
  for (const auto& question : *questions) value.push_back(flows::to_json(question));
  return ApiResponse::ok({{"value", std::move(value)}});
}

ApiResult add_question(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto body = request.json_body();
  if (!body) return body.error();
  auto text = required_string(*body, "text");
  if (!text) return text.error();
  return respond(
      request.directory.add_custom_question(request.actor, request.context, *tenant, *text), 201);
}

ApiResult remove_question(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  return respond(request.directory.remove_custom_question(request.actor, request.context, *tenant,
                                                          request.param("id")));
}

}  // namespace

void add_authentication_method_routes(std::vector<ApiRoute>& routes) {
  const std::string user = "/api/v1/users/:upn/authentication";
  routes.push_back({Method::kGet, user + "/methods", all_methods});
  routes.push_back({Method::kGet, user + "/phoneMethods", phone_methods});
  routes.push_back({Method::kPost, user + "/phoneMethods", add_phone});
  routes.push_back({Method::kDelete, user + "/phoneMethods/:id", delete_phone});
  routes.push_back({Method::kGet, user + "/emailMethods", email_methods});
  routes.push_back({Method::kPost, user + "/emailMethods", add_email});
  routes.push_back({Method::kDelete, user + "/emailMethods/:id", delete_email});
  routes.push_back({Method::kPost, "/api/v1/authentication/import", import_methods});
  routes.push_back({Method::kGet, "/api/v1/security-questions", list_questions});
  routes.push_back({Method::kPost, "/api/v1/security-questions", add_question});
  routes.push_back({Method::kDelete, "/api/v1/security-questions/:id", remove_question});
}

}  // namespace sspr::http
