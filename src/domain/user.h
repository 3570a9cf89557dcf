#pragma once
// A user of a tenant. Cloud users' passwords live here (as Argon2id hashes); synced users'
// passwords live in the on-premises directory, whatever their auth mode.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "domain/tenant.h"

namespace sspr::domain {

using UserId = std::int64_t;

enum class UserSource { kCloud, kSynced };
enum class AuthMode { kPasswordHashSync, kPassThrough, kFederated };

std::string_view to_string(UserSource source);
std::string_view to_string(AuthMode mode);
Result<UserSource> parse_user_source(std::string_view text);
Result<AuthMode> parse_auth_mode(std::string_view text);

struct User {
  UserId id = 0;
  TenantId tenant_id = 0;
  std::string upn;  // lower case, see UserPrincipalName
  std::string display_name;
  std::string given_name;
  std::string surname;
  std::string email;  // primary email; empty when unknown
  bool enabled = true;
  UserSource source = UserSource::kCloud;
  std::optional<AuthMode> auth_mode;  // set exactly when source == kSynced
  std::string onprem_id;              // DN or objectGUID of synced users
  bool has_password = false;          // a cloud password hash is stored
  std::string created_at;
  std::string updated_at;

  // Whether the password is managed on premises (synced users, any auth mode).
  bool password_managed_on_premises() const { return source == UserSource::kSynced; }
};

// What an administrator supplies to create a user; validated by validate_new_user().
struct NewUser {
  std::string upn;
  std::string display_name;
  std::string given_name;
  std::string surname;
  std::string email;
  bool enabled = true;
  std::string source = "cloud";
  std::string auth_mode;  // required for synced users, empty for cloud users
  std::string onprem_id;
};

// Checks a NewUser against the directory rules and returns the normalised User (id and
// tenant left for the store). Auth mode defaults to password_hash_sync for synced users.
Result<User> validate_new_user(const NewUser& input);

}  // namespace sspr::domain
