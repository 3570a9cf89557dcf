#pragma once
// The demo tenant of `sspr demo`: Contoso with users that each show one situation of
// SPEC §4. Created once (when contoso.example does not exist yet), so restarts keep
// whatever the visitor changed. The passwords are public demo values, never for production.

#include <string>
#include <vector>

#include "domain/random.h"
#include "domain/result.h"
#include "flows/directory_administration.h"

namespace sspr::cli {

inline constexpr const char* kDemoDomain = "contoso.example";

struct DemoUser {
  std::string upn;
  std::string display_name;
  std::string password;      // empty for synced users (their password lives on premises)
  std::string demonstrates;  // what the user shows, for the printout
};

const std::vector<DemoUser>& demo_users();

struct DemoSetup {
  bool created_now = false;  // false: the tenant already existed and was left alone
  std::string token;         // a fresh API token for this run (older demo tokens are revoked)
};

domain::Result<DemoSetup> set_up_demo(flows::DirectoryAdministration& directory,
                                      domain::Random& random);

}  // namespace sspr::cli
