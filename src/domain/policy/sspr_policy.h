#pragma once
// A tenant's self-service password reset policy (SPEC §2): every setting with its default,
// and the rules a policy must satisfy as a whole. A tenant that never saved a policy has
// none at all (std::nullopt in the store), which SPEC §4 check 3 tells apart from `none`.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/policy/method_type.h"
#include "domain/result.h"

namespace sspr::domain::policy {

enum class SsprEnabled { kNone, kSelected, kAll };

std::string_view enabled_name(SsprEnabled enabled);  // "none", "selected", "all"
std::optional<SsprEnabled> parse_enabled(std::string_view name);

// The numbers of SPEC §2.
inline constexpr int kMinQuestions = 3;
inline constexpr int kMaxQuestions = 5;
inline constexpr int kMaxReconfirmDays = 730;
inline constexpr std::size_t kMaxHelpdeskLength = 500;

struct SsprPolicy {
  SsprEnabled enabled = SsprEnabled::kNone;
  // The one group whose (nested) members may reset when `selected`. Kept, but ignored,
  // under `none` and `all` so switching back restores it.
  std::optional<std::int64_t> group_id;
  int methods_required = 1;
  MethodSet methods = {MethodType::kEmail, MethodType::kMobilePhone};
  int questions_to_register = 3;
  int questions_to_reset = 3;
  bool require_registration = true;
  int reconfirm_days = 180;  // 0 = never
  bool notify_users = true;
  bool notify_admins = false;
  std::string helpdesk;  // "" = none; otherwise an http(s) URL or an email address
  bool writeback = false;
  bool unlock = false;

  bool operator==(const SsprPolicy&) const = default;
};

// Facts outside the policy that decide what it may contain.
struct PolicyContext {
  // Writeback and unlock need an on-premises connection (SPEC §9). Nothing configures one
  // yet (issue 6), so callers pass false and both stay refused.
  bool has_onprem_connection = false;
};

// Ok when the policy satisfies every rule of SPEC §2, else the first refusal
// (policy_refusal.h), checked in this order: enabled/group, methods and the authenticator
// app rules, question counts, reconfirm days, helpdesk, writeback and unlock.
Status validate(const SsprPolicy& policy, const PolicyContext& context);

// Whether `helpdesk` is an acceptable helpdesk link: an http:// or https:// URL with a host,
// or an email address; no spaces or control characters, at most kMaxHelpdeskLength bytes.
bool is_valid_helpdesk(std::string_view helpdesk);

}  // namespace sspr::domain::policy
