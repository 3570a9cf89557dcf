// The proof-of-work CAPTCHA (flows/captcha.h), public (no token, no session):
//   GET  /api/v1/captcha         a new signed challenge (CONTRACT.md); never cached
//   POST /api/v1/captcha/verify  {"captcha": {...}} -> 204 when it is a valid, unused solution
//                                (which uses it up), else CaptchaInvalid/Expired/Replayed
// The reset flow checks the same object itself on POST /api/v1/reset/flows; the verify route
// lets a page or a test check a solution on its own.

#include "domain/error.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

ApiResult issue_captcha(const ApiRequest& request) {
  if (!request.captcha) return domain::errors::internal("the CAPTCHA is not configured");
  // Every API response carries Cache-Control: no-store (http/security_headers.h).
  return ApiResponse::ok(flows::captcha_challenge_json(request.captcha->issue()));
}

ApiResult verify_captcha(const ApiRequest& request) {
  if (!request.captcha) return domain::errors::internal("the CAPTCHA is not configured");
  auto body = request.json_body();
  if (!body) return body.error();
  const auto found = body->find("captcha");
  return respond(request.captcha->verify(found == body->end() ? nlohmann::json() : *found));
}

}  // namespace

void add_captcha_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/captcha", issue_captcha, /*requires_token=*/false});
  routes.push_back(
      {Method::kPost, "/api/v1/captcha/verify", verify_captcha, /*requires_token=*/false});
}

}  // namespace sspr::http
