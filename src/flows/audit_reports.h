#pragma once
// The reports of SPEC §11 for one tenant. Registration: every user's methods on file and
// standing under the current policy (domain/eligibility/registration_standing.h), from the
// bulk reads of flows/tenant_facts.h - a fixed number of queries whatever the number of
// users. Usage: counts the store aggregates with GROUP BY over the audit log, turned into the
// report by domain/audit/usage_report.h; the method combinations join each successful
// reset's flow with the gates it passed.
//
// Who may: kReadAudit ("audit log, reports, diagnose") in the tenant.

#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/audit/usage_report.h"
#include "domain/clock.h"
#include "domain/result.h"
#include "domain/tenant.h"
#include "store/store.h"

namespace sspr::flows {

struct RegistrationReportRow {
  std::string upn;
  std::string display_name;
  std::vector<std::string> methods_registered;  // method names, in declaration order
  bool registered = false;
  bool capable = false;
  bool in_scope = false;
  std::string last_updated;  // ISO 8601 of the last save or confirmation; "" = never
};

struct RegistrationReport {
  std::vector<RegistrationReportRow> users;  // in UPN order
  std::size_t users_total = 0;
  std::size_t in_scope = 0;
  std::size_t registered = 0;
  std::size_t capable = 0;
  double registered_percent = 0;
  double capable_percent = 0;
};

class AuditReports {
 public:
  AuditReports(store::Store& store, const domain::Clock& clock) : store_(store), clock_(clock) {}

  domain::Result<RegistrationReport> registration(const domain::Actor& actor,
                                                  domain::TenantId tenant);

  // `since` / `until` as typed (ISO 8601 or a date, normalised; "" = no bound).
  domain::Result<domain::audit::UsageReport> usage(const domain::Actor& actor,
                                                   domain::TenantId tenant,
                                                   const std::string& since,
                                                   const std::string& until);

 private:
  store::Store& store_;
  const domain::Clock& clock_;
};

}  // namespace sspr::flows
