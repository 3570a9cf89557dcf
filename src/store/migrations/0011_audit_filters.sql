-- 0011: indexes for the audit filters and keyset paging (issue 7). Pages and the export walk
-- a tenant's records by seq; the activity, target and actor filters each have their own
-- (tenant_id, column, seq) index so a filtered page reads only its own rows.

CREATE INDEX audit_events_by_tenant_seq ON audit_events (tenant_id, seq);
CREATE INDEX audit_events_by_tenant_activity ON audit_events (tenant_id, activity, seq);
CREATE INDEX audit_events_by_tenant_target ON audit_events (tenant_id, target, seq);
CREATE INDEX audit_events_by_tenant_actor ON audit_events (tenant_id, actor, seq);
