-- 0013: fewer audit_events indexes, and two reshaped so SQLite's planner uses them (issue 5).
-- Every audit record is written into each index of the table, one more page (a WAL frame on
-- SQLite) per index and commit; docs/PERFORMANCE.md "Fewer pages per write" lists each index
-- with the queries it serves.
-- audit_events_by_time: no query filters by time without tenant_id, which
-- audit_events_by_tenant_time serves.
-- audit_events_by_correlation: a correlation id is always looked up within a tenant (support
-- lookup, the audit filter), and with (correlation_id) alone SQLite walked the tenant's records
-- by seq instead; (tenant_id, correlation_id, seq) answers the lookup newest first.
-- audit_events_by_support_code: the same for a tenant's support lookup; support_code stays the
-- leading column for the operator's lookup across tenants.

DROP INDEX audit_events_by_time;
DROP INDEX audit_events_by_correlation;
DROP INDEX audit_events_by_support_code;
CREATE INDEX audit_events_by_tenant_correlation ON audit_events (tenant_id, correlation_id, seq);
CREATE INDEX audit_events_by_support_code ON audit_events (support_code, tenant_id, seq);
