#pragma once
// The demo directory of `sspr demo`: tenant Contoso with users that each show one situation of
// SPEC §4 (a successful reset and SSPR_0010, 0012, 0013, 0014), plus two small tenants for the
// tenant-wide errors: Fabrikam with SSPR switched off (SSPR_0009) and Tailspin that never
// configured SSPR (SSPR_0011). Each tenant is created once (when its domain does not exist
// yet), so restarts keep whatever the visitor changed. The passwords and phone numbers are
// public demo values, never for production.

#include <string>
#include <vector>

#include "domain/random.h"
#include "domain/result.h"
#include "flows/directory_administration.h"

namespace sspr::cli {

inline constexpr const char* kDemoDomain = "contoso.example";
inline constexpr const char* kDemoSsprOffDomain = "fabrikam.example";
inline constexpr const char* kDemoUnconfiguredDomain = "tailspin.example";

struct DemoUser {
  std::string upn;
  std::string display_name;
  std::string password;      // empty for synced users (their password lives on premises)
  std::string demonstrates;  // what the user shows, for the printout
};

// Every demo user of every demo tenant, in the order the printout lists them.
const std::vector<DemoUser>& demo_users();

struct DemoSetup {
  bool created_now = false;  // false: Contoso already existed and was left alone
  std::string token;         // a fresh API token for this run (older demo tokens are revoked)
};

domain::Result<DemoSetup> set_up_demo(flows::DirectoryAdministration& directory,
                                      domain::Random& random);

}  // namespace sspr::cli
