#include "flows/audit_reports_output.h"

#include "domain/audit/audit_csv.h"

namespace sspr::flows {

namespace {

namespace audit = domain::audit;

constexpr std::size_t kChunkBytes = 64 * 1024;

std::string_view yes_no(bool value) { return value ? "true" : "false"; }

std::string joined(const std::vector<std::string>& names, char separator) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += separator;
    out += name;
  }
  return out;
}

nlohmann::json key_counts(const std::vector<audit::KeyCount>& rows, const char* key,
                          const char* count) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows) out.push_back({{key, row.key}, {count, row.count}});
  return out;
}

}  // namespace

nlohmann::json to_json(const RegistrationReport& report) {
  nlohmann::json users = nlohmann::json::array();
  for (const auto& row : report.users) {
    users.push_back(
        {{"upn", row.upn},
         {"display_name", row.display_name},
         {"methods_registered", row.methods_registered},
         {"registered", row.registered},
         {"capable", row.capable},
         {"in_scope", row.in_scope},
         {"last_updated",
          row.last_updated.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.last_updated)}});
  }
  return {{"totals",
           {{"users", report.users_total},
            {"in_scope", report.in_scope},
            {"registered", report.registered},
            {"capable", report.capable},
            {"registered_percent", report.registered_percent},
            {"capable_percent", report.capable_percent}}},
          {"users", std::move(users)}};
}

nlohmann::json to_json(const audit::UsageReport& report) {
  nlohmann::json per_day = nlohmann::json::array();
  for (const auto& day : report.per_day) {
    per_day.push_back({{"date", day.date},
                       {"resets", day.resets},
                       {"unlocks", day.unlocks},
                       {"failures", day.failures}});
  }
  return {{"per_day", std::move(per_day)},
          {"by_methods", key_counts(report.by_methods, "methods", "resets")},
          {"failures_by_reason", key_counts(report.failures_by_reason, "reason", "count")},
          {"admins_resetting", key_counts(report.admins_resetting, "actor", "resets")}};
}

bool write_registration_csv(const RegistrationReport& report, const ChunkSink& sink) {
  std::string out;
  out.reserve(2 * kChunkBytes);
  audit::append_csv_row(out, {"upn", "display_name", "methods_registered", "registered", "capable",
                              "in_scope", "last_updated"});
  for (const auto& row : report.users) {
    audit::append_csv_row(
        out, {row.upn, row.display_name, joined(row.methods_registered, ';'),
              yes_no(row.registered), yes_no(row.capable), yes_no(row.in_scope), row.last_updated});
    if (out.size() >= kChunkBytes) {
      if (!sink(out)) return false;
      out.clear();
    }
  }
  return out.empty() || sink(out);
}

std::string usage_csv(const audit::UsageReport& report) {
  std::string out;
  audit::append_csv_row(out, {"section", "key", "resets", "unlocks", "failures", "count"});
  for (const auto& day : report.per_day) {
    audit::append_csv_row(out, {"per_day", day.date, std::to_string(day.resets),
                                std::to_string(day.unlocks), std::to_string(day.failures), ""});
  }
  for (const auto& row : report.by_methods) {
    audit::append_csv_row(out, {"by_methods", row.key, std::to_string(row.count), "", "", ""});
  }
  for (const auto& row : report.failures_by_reason) {
    audit::append_csv_row(out,
                          {"failures_by_reason", row.key, "", "", "", std::to_string(row.count)});
  }
  for (const auto& row : report.admins_resetting) {
    audit::append_csv_row(out,
                          {"admins_resetting", row.key, std::to_string(row.count), "", "", ""});
  }
  return out;
}

}  // namespace sspr::flows
