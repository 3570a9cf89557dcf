#include "flows/support_lookup.h"

#include <algorithm>

#include "domain/support/support_code.h"
#include "flows/directory_access.h"
#include "flows/in_transaction.h"
#include "i18n/catalogue.h"

namespace sspr::flows {
namespace {

namespace ds = domain::support;

// A flow has a handful of steps; a bound keeps a pathological correlation id cheap.
constexpr std::size_t kMaxStoryEvents = 1000;

}  // namespace

domain::Result<SupportRecord> SupportLookup::find(const domain::Actor& actor,
                                                  const std::string& code) {
  if (auto status = detail::require(actor, domain::Permission::kReadAudit); !status) {
    return status.error();
  }
  auto parsed = ds::parse_support_code(code);
  if (!parsed) return domain::errors::invalid_input("support code", "not a UUID");
  return in_transaction<SupportRecord>(
      store_, [&](store::StoreTransaction& tx) -> domain::Result<SupportRecord> {
        store::AuditQuery marked_query;
        marked_query.tenant_id = actor.tenant;
        marked_query.support_code = *parsed;
        marked_query.limit = kMaxStoryEvents;
        const auto marked = tx.query_audit(marked_query);
        if (marked.empty()) return ds::unknown_support_code(*parsed);

        std::vector<domain::AuditEvent> correlated;
        if (!marked.front().correlation_id.empty()) {
          store::AuditQuery flow_query;
          flow_query.tenant_id = marked.front().tenant_id;
          flow_query.correlation_id = marked.front().correlation_id;
          flow_query.limit = kMaxStoryEvents;
          correlated = tx.query_audit(flow_query);
          // The store lists newest first; the story reads oldest first.
          std::reverse(correlated.begin(), correlated.end());
        }
        auto story = ds::build_support_story(*parsed, marked, correlated);
        if (!story) return ds::unknown_support_code(*parsed);
        SupportRecord record{std::move(*story), ""};
        if (auto tenant = tx.find_tenant(record.story.tenant_id)) {
          record.tenant_name = tenant->name;
        }
        return record;
      });
}

nlohmann::json to_json(const SupportRecord& record, const std::string& language) {
  const auto& story = record.story;
  nlohmann::json error = nullptr;
  if (!story.error.name.empty()) {
    error = {{"code", story.error.code},
             {"name", story.error.name},
             {"message", i18n::translate(language, story.error.message_key)},
             {"fix", story.error.fix_key.empty()
                         ? nlohmann::json(nullptr)
                         : nlohmann::json(i18n::translate(language, story.error.fix_key))},
             {"technical", story.error.technical.empty() ? nlohmann::json(nullptr)
                                                         : nlohmann::json(story.error.technical)},
             {"user_language", nullptr},
             {"user_message", nullptr}};
    // What the user read, in their language, when the record says which it was.
    if (!story.error.language.empty()) {
      error["user_language"] = story.error.language;
      error["user_message"] = i18n::translate(story.error.language, story.error.message_key);
    }
  }
  nlohmann::json events = nlohmann::json::array();
  for (const auto& event : story.events) {
    events.push_back({{"time", event.time},
                      {"activity", event.activity},
                      {"step", event.step},
                      {"method", event.method},
                      {"result", event.result},
                      {"result_reason", event.result_reason},
                      {"client_ip", event.client_ip},
                      {"support_code", event.has_support_code ? story.support_code : ""}});
  }
  return {{"support_code", story.support_code},
          {"correlation_id", story.correlation_id},
          {"tenant", {{"id", story.tenant_id}, {"name", record.tenant_name}}},
          {"user", story.user},
          {"error", std::move(error)},
          {"events", std::move(events)}};
}

}  // namespace sspr::flows
