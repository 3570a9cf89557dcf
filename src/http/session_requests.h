#pragma once
// The JSON bodies of signing in and of the self-service password change
// (http/session_routes.cc). Pure: a parsed body in, the fields or InvalidInput naming the field
// out. The passwords are carried, never logged or echoed.

#include <string>

#include <nlohmann/json.hpp>

#include "domain/result.h"

namespace sspr::http {

// POST /api/v1/session: {"user_id", "password"}.
struct SignInRequest {
  std::string user_id;
  std::string password;
};
domain::Result<SignInRequest> read_sign_in_request(const nlohmann::json& body);

// POST /api/v1/me/password: {"current_password", "new_password"}.
struct PasswordChangeRequest {
  std::string current_password;
  std::string new_password;
};
domain::Result<PasswordChangeRequest> read_password_change_request(const nlohmann::json& body);

}  // namespace sspr::http
