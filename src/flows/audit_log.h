#pragma once
// The audit log as administrators read it (SPEC §11): filtered pages, newest first, paged by
// a cursor (keyset on the store's sequence, so deep pages cost what the first one does), and
// the export of every matching record as CSV, a JSON array or NDJSON, streamed from the store
// in chunks so its size never sets the memory used.
//
// Who may: kReadAudit; a tenant's administrator sees only their tenant. The operator (CLI)
// names the tenant.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/actor.h"
#include "domain/audit/audit_filter.h"
#include "domain/audit_event.h"
#include "domain/clock.h"
#include "domain/result.h"
#include "store/store.h"

namespace sspr::flows {

struct AuditPage {
  std::vector<domain::AuditEvent> events;
  std::optional<std::string> next_cursor;  // nullopt on the last page
};

enum class AuditExportFormat { kCsv, kJson, kNdjson };

// "csv", "json", "ndjson" (InvalidInput "format" otherwise).
domain::Result<AuditExportFormat> parse_export_format(const std::string& text);
std::string_view content_type_of(AuditExportFormat format);
std::string_view extension_of(AuditExportFormat format);

// Receives the export's bytes in chunks of about 64 KiB; returns false to stop (the reader
// went away).
using ChunkSink = std::function<bool(std::string_view chunk)>;

class AuditLog;

// An export whose filter and permission were checked: write() streams it.
class AuditExport {
 public:
  // "audit-<tenant domain>-<YYYY-MM-DD>.<csv|json|ndjson>"
  const std::string& file_name() const { return file_name_; }
  AuditExportFormat format() const { return format_; }
  // Writes every matching record, oldest first, in one read-only store transaction.
  domain::Status write(const ChunkSink& sink) const;
  // How many records the last write() handed out.
  std::size_t rows_written() const { return rows_; }

 private:
  friend class AuditLog;
  AuditExport(store::Store& store, store::AuditQuery query, std::string tenant_domain,
              AuditExportFormat format, std::string file_name)
      : store_(&store),
        query_(std::move(query)),
        tenant_domain_(std::move(tenant_domain)),
        format_(format),
        file_name_(std::move(file_name)) {}

  store::Store* store_;
  store::AuditQuery query_;
  std::string tenant_domain_;
  AuditExportFormat format_;
  std::string file_name_;
  mutable std::size_t rows_ = 0;
};

class AuditLog {
 public:
  AuditLog(store::Store& store, const domain::Clock& clock) : store_(store), clock_(clock) {}

  // One page of the tenant's records matching `filter`, newest first. `cursor` is a page's
  // next_cursor.
  domain::Result<AuditPage> page(const domain::Actor& actor, domain::TenantId tenant,
                                 const domain::audit::AuditFilter& filter, std::size_t limit,
                                 const std::optional<std::string>& cursor);

  // Checks the filter and the permission and prepares the export (nothing is read yet).
  domain::Result<AuditExport> open_export(const domain::Actor& actor, domain::TenantId tenant,
                                          const domain::audit::AuditFilter& filter,
                                          AuditExportFormat format);

 private:
  domain::Result<store::AuditQuery> scoped_query(const domain::Actor& actor,
                                                 domain::TenantId tenant,
                                                 const domain::audit::AuditFilter& filter,
                                                 std::string* tenant_domain);

  store::Store& store_;
  const domain::Clock& clock_;
};

}  // namespace sspr::flows
