#pragma once
// A group of a tenant. Members are users and other groups; nested membership counts.

#include <cstdint>
#include <string>

#include "domain/result.h"
#include "domain/tenant.h"

namespace sspr::domain {

using GroupId = std::int64_t;

struct Group {
  GroupId id = 0;
  TenantId tenant_id = 0;
  std::string name;  // unique within the tenant, case-insensitively
  std::string description;
  std::string onprem_id;
  std::string created_at;
};

enum class MemberKind { kUser, kGroup };

struct GroupMember {
  MemberKind kind = MemberKind::kUser;
  std::int64_t id = 0;
  std::string name;  // UPN for users, name for groups
};

// Group names: 1-256 printable characters, no leading or trailing space.
Status validate_group_name(const std::string& name);

}  // namespace sspr::domain
