#pragma once
// Human-readable views of directory objects for the default (non --json) output. The JSON
// views live in flows/json_view.h and are shared with the HTTP API.

#include <string>

#include "domain/tenant.h"
#include "flows/directory_administration.h"

namespace sspr::cli {

std::string describe(const domain::Tenant& tenant);
std::string describe(const flows::UserDetails& details);
std::string describe(const flows::GroupDetails& details);

// "alice@contoso.example (cloud)" or "dave@contoso.example (synced, password_hash_sync)".
std::string user_label(const domain::User& user);

}  // namespace sspr::cli
