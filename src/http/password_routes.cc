// Password protection (SPEC §8): the tenant's custom banned password list, and evaluating a
// candidate password. The candidate is read from the body and never logged or echoed.

#include "flows/password_assessment_json.h"
#include "flows/password_protection.h"
#include "http/json_body.h"
#include "http/password_requests.h"
#include "http/route_families.h"
#include "i18n/catalogue.h"

namespace sspr::http {
namespace {

// {"terms": ["...", ...]}: a non-empty array of strings.
domain::Result<std::vector<std::string>> terms_of(const ApiRequest& request) {
  auto body = request.json_body();
  if (!body) return body.error();
  return read_banned_terms_request(*body);
}

ApiResponse terms_response(const std::vector<std::string>& terms) {
  return ApiResponse::ok({{"terms", terms}, {"count", terms.size()}});
}

ApiResult list_terms(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto terms = request.passwords.list_terms(request.actor, *tenant);
  if (!terms) return terms.error();
  return terms_response(*terms);
}

ApiResult add_terms(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto wanted = terms_of(request);
  if (!wanted) return wanted.error();
  auto terms = request.passwords.add_terms(request.actor, request.context, *tenant, *wanted);
  if (!terms) return terms.error();
  return terms_response(*terms);
}

ApiResult remove_terms(const ApiRequest& request, std::vector<std::string> wanted) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto terms = request.passwords.remove_terms(request.actor, request.context, *tenant, wanted);
  if (!terms) return terms.error();
  return terms_response(*terms);
}

ApiResult remove_terms_in_body(const ApiRequest& request) {
  auto wanted = terms_of(request);
  if (!wanted) return wanted.error();
  return remove_terms(request, std::move(wanted).value());
}

ApiResult remove_one_term(const ApiRequest& request) {
  return remove_terms(request, {request.param("term")});
}

// {"password": "...", "user": "upn"?} -> the assessment plus localised reason messages
// (?lang=, English by default). With an admin token, or in the session of an administrator
// who names a "user" (the console's admin reset), "user" optionally names a user of the
// actor's tenant; otherwise, in a signed-in session, the user is always the signed-in one
// (their names are checked) and "user" is ignored.
ApiResult evaluate(const ApiRequest& request) {
  auto body = request.json_body();
  if (!body) return body.error();
  auto wanted = read_evaluation_request(*body);
  if (!wanted) return wanted.error();
  auto& candidate = wanted->password;
  auto& user = wanted->user;
  domain::Actor actor = request.actor;
  const bool for_self =
      request.session && !(user.has_value() && actor.may(domain::Permission::kReadDirectory));
  if (for_self) {
    // The signed-in user evaluates candidates for themselves only: read access to their own
    // tenant for this one call, with their own UPN.
    actor = domain::Actor{request.session->user.upn, request.session->user.tenant_id,
                          static_cast<unsigned>(domain::Permission::kReadDirectory)};
    user = request.session->user.upn;
  }
  auto tenant = for_self ? domain::Result<domain::TenantId>(request.session->user.tenant_id)
                         : request.tenant();
  if (!tenant) return tenant.error();
  auto assessment = request.passwords.evaluate(actor, *tenant, user, candidate);
  if (!assessment) return assessment.error();
  return ApiResponse::ok(flows::to_json(*assessment, request.language));
}

}  // namespace

void add_password_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/banned-passwords", list_terms});
  routes.push_back({Method::kPost, "/api/v1/banned-passwords", add_terms});
  routes.push_back({Method::kDelete, "/api/v1/banned-passwords", remove_terms_in_body});
  routes.push_back({Method::kDelete, "/api/v1/banned-passwords/:term", remove_one_term});
  routes.push_back(
      {Method::kPost, "/api/v1/password/evaluate", evaluate, true, SessionUse::kRequired});
}

}  // namespace sspr::http
