-- 0014: the actor index holds only the records whose actor is not their target (issue 5).
-- A self-service record's actor is the user it is about, so that index entry repeated the
-- target's, at a random place of the index: one more page (a WAL frame on SQLite) for every
-- reset step. The user filter (target = u OR actor = u) reads the target index for the first
-- side and this one for the records the user made about someone else; docs/PERFORMANCE.md
-- "Audit records that touch fewer pages".

DROP INDEX audit_events_by_tenant_actor;
CREATE INDEX audit_events_by_tenant_actor ON audit_events (tenant_id, actor, seq)
  WHERE actor <> target;
