// GET /api/v1/reports/registration and /api/v1/reports/usage (SPEC §11) as JSON or CSV.

#include "flows/audit_reports.h"
#include "flows/audit_reports_output.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

domain::Result<bool> wants_csv(const ApiRequest& request) {
  const auto format = request.query_value("format").value_or("json");
  if (format != "json" && format != "csv") {
    return domain::errors::invalid_input("format", "must be json or csv");
  }
  return format == "csv";
}

domain::Result<flows::AuditReports> reports(const ApiRequest& request) {
  if (!request.clock) return domain::errors::internal("no clock for the report routes");
  return flows::AuditReports(request.store, *request.clock);
}

std::pair<std::string, std::string> attachment(const std::string& name, const ApiRequest& request) {
  const auto date = domain::to_iso8601(request.clock->now()).substr(0, 10);
  return {"Content-Disposition", "attachment; filename=\"" + name + "-" + date + ".csv\""};
}

ApiResult registration_report(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto csv = wants_csv(request);
  if (!csv) return csv.error();
  auto use_case = reports(request);
  if (!use_case) return use_case.error();
  auto report = use_case->registration(request.actor, *tenant);
  if (!report) return report.error();
  if (!*csv) return ApiResponse::ok(flows::to_json(*report));
  return ApiResponse::streamed(
      "text/csv; charset=utf-8",
      [report = std::move(*report)](const ApiResponse::ChunkWriter& write) {
        flows::write_registration_csv(report, write);
        return domain::ok_status();
      },
      {attachment("registration", request)});
}

ApiResult usage_report(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto csv = wants_csv(request);
  if (!csv) return csv.error();
  auto use_case = reports(request);
  if (!use_case) return use_case.error();
  auto report = use_case->usage(request.actor, *tenant, request.query_value("since").value_or(""),
                                request.query_value("until").value_or(""));
  if (!report) return report.error();
  if (!*csv) return ApiResponse::ok(flows::to_json(*report));
  auto text = flows::usage_csv(*report);
  return ApiResponse::streamed("text/csv; charset=utf-8",
                               [text = std::move(text)](const ApiResponse::ChunkWriter& write) {
                                 write(text);
                                 return domain::ok_status();
                               },
                               {attachment("usage", request)});
}

}  // namespace

void add_report_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/reports/registration", registration_report});
  routes.push_back({Method::kGet, "/api/v1/reports/usage", usage_report});
}

}  // namespace sspr::http
