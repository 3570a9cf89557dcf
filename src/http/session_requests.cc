#include "http/session_requests.h"

#include "http/json_body.h"

namespace sspr::http {

domain::Result<SignInRequest> read_sign_in_request(const nlohmann::json& body) {
  auto upn = required_string(body, "user_id");
  if (!upn) return upn.error();
  auto password = required_string(body, "password");
  if (!password) return password.error();
  return SignInRequest{std::move(*upn), std::move(*password)};
}

domain::Result<PasswordChangeRequest> read_password_change_request(const nlohmann::json& body) {
  auto current = required_string(body, "current_password");
  if (!current) return current.error();
  auto wanted = required_string(body, "new_password");
  if (!wanted) return wanted.error();
  return PasswordChangeRequest{std::move(*current), std::move(*wanted)};
}

}  // namespace sspr::http
