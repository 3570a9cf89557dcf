#pragma once
// The registration report (SPEC §11): for each user of a tenant, from the same bulk facts as
// the tenant findings, whether the current policy covers them, whether they are registered
// and whether they are capable of resetting; and the tenant's totals. Pure.
//
// Decisions:
// - in scope: enabled, and either an administrator (the fixed policy of SPEC §6 always
//   covers them) or covered by the tenant policy (`all`, or `selected` and a nested member of
//   its group). A policy never configured or `none` covers no non-administrator.
// - registered: enough distinct usable methods for the policy that applies to the user
//   (policy::registration_status), whether or not they are in scope.
// - capable: in scope, registered, holding a licence that grants SSPR (non-administrators,
//   directly or through a group) and, for synced users, password writeback on. A temporary
//   throttling block does not change it.
// - totals: `users` counts every user; `registered` and `capable` count users in scope, and
//   the percentages are of the users in scope (0 when there are none), rounded to 0.1.

#include <chrono>
#include <cstddef>

#include "domain/eligibility/group_reach.h"
#include "domain/eligibility/tenant_findings.h"

namespace sspr::domain::eligibility {

struct RegistrationStanding {
  bool in_scope = false;
  bool registered = false;
  bool capable = false;
};

class RegistrationStandings {
 public:
  RegistrationStandings(const TenantFacts& facts, std::chrono::system_clock::time_point now);
  RegistrationStanding of(const TenantMember& user);

 private:
  const TenantFacts& facts_;
  std::chrono::system_clock::time_point now_;
  policy::SsprPolicy applied_;
  bool covers_all_ = false;
  bool selected_ = false;
  policy::TenantTrialFacts trial_;
  GroupReachIndex groups_;
};

struct RegistrationTotals {
  std::size_t users = 0;
  std::size_t in_scope = 0;
  std::size_t registered = 0;
  std::size_t capable = 0;

  void add(const RegistrationStanding& standing);
  double registered_percent() const;
  double capable_percent() const;
};

}  // namespace sspr::domain::eligibility
