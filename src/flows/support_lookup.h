#pragma once
// Looking up a support code (SPEC §4, §12): the audit records the request behind the code
// wrote, then every record of the same flow (same correlation id, same tenant), as one story
// (domain/support/support_story.h) with the tenant's name. `sspr support show CODE` and
// GET /api/v1/support/{code} both use it.
//
// The caller needs kReadAudit; a tenant-bound actor sees only its tenant, and a code of
// another tenant is UnknownSupportCode, as if it did not exist. A malformed code is
// InvalidInput.

#include <string>

#include <nlohmann/json.hpp>

#include "domain/actor.h"
#include "domain/result.h"
#include "domain/support/support_story.h"
#include "store/store.h"

namespace sspr::flows {

struct SupportRecord {
  domain::support::SupportStory story;
  std::string tenant_name;
};

class SupportLookup {
 public:
  explicit SupportLookup(store::Store& store) : store_(store) {}

  domain::Result<SupportRecord> find(const domain::Actor& actor, const std::string& code);

 private:
  store::Store& store_;
};

// {support_code, correlation_id, tenant: {id, name}, user, error: {code, name, message, fix},
//  events: [{time, activity, step, method, result, result_reason, client_ip, support_code}]}
// with the user text and the fix in `language`. `error` is null when the record names none.
// error.technical: the technical line the user was shown (null when not recorded);
// error.user_language and error.user_message: the language the user was answered in and the
// user text as they read it (null for records written before the language was recorded).
nlohmann::json to_json(const SupportRecord& record, const std::string& language);

}  // namespace sspr::flows
