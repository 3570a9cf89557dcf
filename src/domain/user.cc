#include "domain/user.h"

#include "domain/user_principal_name.h"

namespace sspr::domain {
namespace {

constexpr std::size_t kMaxNameLength = 256;

Status check_text(const std::string& field, const std::string& value, bool required) {
  if (required && value.empty()) return errors::invalid_input(field, "is required");
  if (value.size() > kMaxNameLength) {
    return errors::invalid_input(field, "is longer than 256 characters");
  }
  for (unsigned char c : value) {
    if (c < 0x20 || c == 0x7f) return errors::invalid_input(field, "contains control characters");
  }
  return ok_status();
}

}  // namespace

std::string_view to_string(UserSource source) {
  return source == UserSource::kCloud ? "cloud" : "synced";
}

std::string_view to_string(AuthMode mode) {
  switch (mode) {
    case AuthMode::kPasswordHashSync:
      return "password_hash_sync";
    case AuthMode::kPassThrough:
      return "pass_through";
    case AuthMode::kFederated:
      return "federated";
  }
  return "password_hash_sync";
}

Result<UserSource> parse_user_source(std::string_view text) {
  if (text == "cloud") return UserSource::kCloud;
  if (text == "synced") return UserSource::kSynced;
  return errors::invalid_input("source", "must be cloud or synced");
}

Result<AuthMode> parse_auth_mode(std::string_view text) {
  if (text == "password_hash_sync") return AuthMode::kPasswordHashSync;
  if (text == "pass_through") return AuthMode::kPassThrough;
  if (text == "federated") return AuthMode::kFederated;
  return errors::invalid_input("auth_mode",
                               "must be password_hash_sync, pass_through or federated");
}

Result<User> validate_new_user(const NewUser& input) {
  auto upn = UserPrincipalName::parse(input.upn);
  if (!upn) return upn.error();
  struct TextField {
    const char* name;
    const std::string& value;
    bool required;
  };
  for (const TextField& field : {TextField{"display_name", input.display_name, true},
                                 TextField{"given_name", input.given_name, false},
                                 TextField{"surname", input.surname, false},
                                 TextField{"onprem_id", input.onprem_id, false}}) {
    if (auto status = check_text(field.name, field.value, field.required); !status) {
      return status.error();
    }
  }
  if (!input.email.empty()) {
    // The email has the same shape as a UPN as far as the directory is concerned.
    auto email = UserPrincipalName::parse(input.email);
    if (!email) return errors::invalid_input("email", "is not a valid address");
  }
  auto source = parse_user_source(input.source);
  if (!source) return source.error();

  User user;
  user.upn = upn->str();
  user.display_name = input.display_name;
  user.given_name = input.given_name;
  user.surname = input.surname;
  user.email = input.email.empty() ? "" : UserPrincipalName::parse(input.email)->str();
  user.enabled = input.enabled;
  user.source = *source;
  user.onprem_id = input.onprem_id;
  if (user.source == UserSource::kSynced) {
    auto mode = parse_auth_mode(input.auth_mode.empty() ? "password_hash_sync" : input.auth_mode);
    if (!mode) return mode.error();
    user.auth_mode = *mode;
  } else if (!input.auth_mode.empty()) {
    return errors::invalid_input("auth_mode", "applies only to synced users");
  }
  return user;
}

}  // namespace sspr::domain
