#include "flows/audit_log.h"

#include "domain/audit/audit_csv.h"
#include "domain/error.h"
#include "flows/audit_export_rows.h"
#include "flows/directory_access.h"
#include "flows/in_transaction.h"

namespace sspr::flows {

namespace {

using domain::Result;
using domain::Status;
namespace errors = domain::errors;

constexpr std::size_t kChunkBytes = 64 * 1024;

// Collects rows into chunks of about kChunkBytes for the sink.
class ChunkWriter {
 public:
  explicit ChunkWriter(const ChunkSink& sink) : sink_(sink) { buffer_.reserve(2 * kChunkBytes); }
  std::string& buffer() { return buffer_; }
  // Hands the buffer over once it is full enough; false when the sink stopped.
  bool maybe_flush() { return buffer_.size() < kChunkBytes || flush(); }
  bool flush() {
    if (buffer_.empty()) return true;
    const bool more = sink_(buffer_);
    buffer_.clear();
    return more;
  }

 private:
  const ChunkSink& sink_;
  std::string buffer_;
};

}  // namespace

Result<AuditExportFormat> parse_export_format(const std::string& text) {
  if (text == "csv") return AuditExportFormat::kCsv;
  if (text == "json") return AuditExportFormat::kJson;
  if (text == "ndjson") return AuditExportFormat::kNdjson;
  return errors::invalid_input("format", "must be csv, json or ndjson");
}

std::string_view content_type_of(AuditExportFormat format) {
  switch (format) {
    case AuditExportFormat::kCsv:
      return "text/csv; charset=utf-8";
    case AuditExportFormat::kJson:
      return "application/json";
    case AuditExportFormat::kNdjson:
      return "application/x-ndjson";
  }
  return "application/octet-stream";
}

std::string_view extension_of(AuditExportFormat format) {
  switch (format) {
    case AuditExportFormat::kCsv:
      return "csv";
    case AuditExportFormat::kJson:
      return "json";
    case AuditExportFormat::kNdjson:
      return "ndjson";
  }
  return "txt";
}

Result<store::AuditQuery> AuditLog::scoped_query(const domain::Actor& actor,
                                                 domain::TenantId tenant,
                                                 const domain::audit::AuditFilter& filter,
                                                 std::string* tenant_domain) {
  auto checked = domain::audit::validate_audit_filter(filter);
  if (!checked) return checked.error();
  auto found = in_transaction<domain::Tenant>(
      store_, [&](store::StoreTransaction& tx) -> Result<domain::Tenant> {
        return detail::find_tenant(tx, actor, tenant, domain::Permission::kReadAudit);
      });
  if (!found) return found.error();
  if (tenant_domain) *tenant_domain = found->domains.empty() ? found->name : found->domains[0];
  store::AuditQuery query;
  query.tenant_id = tenant;
  query.since = checked->since;
  query.until = checked->until;
  query.category = checked->category;
  query.activity = checked->activity;
  query.user = checked->user;
  query.target = checked->target;
  query.result = checked->result;
  query.correlation_id = checked->correlation_id;
  return query;
}

Result<AuditPage> AuditLog::page(const domain::Actor& actor, domain::TenantId tenant,
                                 const domain::audit::AuditFilter& filter, std::size_t limit,
                                 const std::optional<std::string>& cursor) {
  auto query = scoped_query(actor, tenant, filter, nullptr);
  if (!query) return query.error();
  if (cursor) {
    auto before = domain::audit::parse_cursor(*cursor);
    if (!before) return before.error();
    query->before_seq = *before;
  }
  query->limit = std::clamp<std::size_t>(limit, 1, domain::audit::kMaxPageSize) + 1;
  AuditPage page;
  const auto status = store_.read([&](store::StoreTransaction& tx) -> Status {
    page.events = tx.query_audit(*query);
    return domain::ok_status();
  });
  if (!status) return status.error();
  if (page.events.size() == query->limit) {  // one more than asked: there is a next page
    page.events.pop_back();
    page.next_cursor = domain::audit::cursor_after(page.events.back().seq);
  }
  return page;
}

Result<AuditExport> AuditLog::open_export(const domain::Actor& actor, domain::TenantId tenant,
                                          const domain::audit::AuditFilter& filter,
                                          AuditExportFormat format) {
  std::string tenant_domain;
  auto query = scoped_query(actor, tenant, filter, &tenant_domain);
  if (!query) return query.error();
  const std::string date = domain::to_iso8601(clock_.now()).substr(0, 10);
  std::string name =
      "audit-" + tenant_domain + "-" + date + "." + std::string(extension_of(format));
  return AuditExport(store_, std::move(*query), std::move(tenant_domain), format, std::move(name));
}

Status AuditExport::write(const ChunkSink& sink) const {
  rows_ = 0;
  return store_->read([&](store::StoreTransaction& tx) -> Status {
    ChunkWriter writer(sink);
    auto& out = writer.buffer();
    if (format_ == AuditExportFormat::kCsv) out += domain::audit::csv_header();
    if (format_ == AuditExportFormat::kJson) out += '[';
    bool more = true;
    tx.stream_audit(query_, [&](const store::AuditRow& row) {
      switch (format_) {
        case AuditExportFormat::kCsv:
          append_csv_record(out, row, tenant_domain_);
          break;
        case AuditExportFormat::kJson:
          if (rows_) out += ',';
          out += '\n';
          append_json_record(out, row, tenant_domain_);
          break;
        case AuditExportFormat::kNdjson:
          append_json_record(out, row, tenant_domain_);
          out += '\n';
          break;
      }
      ++rows_;
      more = writer.maybe_flush();
      return more;
    });
    if (!more) return domain::ok_status();
    if (format_ == AuditExportFormat::kJson) out += "\n]\n";
    writer.flush();
    return domain::ok_status();
  });
}

}  // namespace sspr::flows
