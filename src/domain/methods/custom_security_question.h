#pragma once
// A tenant's own security question (at most 20 per tenant, 3–200 characters, shown as the
// administrator entered it: see security_answer_rules.h). Its id in answers is "custom-<id>".

#include <cstdint>
#include <string>

#include "domain/tenant.h"

namespace sspr::domain::methods {

struct CustomSecurityQuestion {
  std::int64_t id = 0;
  TenantId tenant_id = 0;
  std::string text;
  std::string created_at;

  std::string question_id() const { return "custom-" + std::to_string(id); }
};

}  // namespace sspr::domain::methods
