-- 0010: on-premises directory sync (SPEC §9; issue 6).
-- onprem_connections.upn_attribute: the LDAP attribute the UPN comes from ('' = the flavour's
-- default: mail for OpenLDAP, userPrincipalName for Active Directory).
-- users.onprem_anchor / groups.onprem_anchor: the entry's stable id (entryUUID, objectGUID),
-- which survives renames; onprem_id keeps the DN the writeback addresses.
-- onprem_sync_state: the incremental watermark (the highest modifyTimestamp / uSNChanged seen)
-- and the last run's summary (JSON). onprem_status: the connection's status as last observed
-- by a test, a sync or a writeback (up / misconfigured / unreachable) and since when.

ALTER TABLE onprem_connections ADD COLUMN upn_attribute TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN onprem_anchor TEXT NOT NULL DEFAULT '';
ALTER TABLE groups ADD COLUMN onprem_anchor TEXT NOT NULL DEFAULT '';
CREATE INDEX users_by_onprem_anchor ON users (tenant_id, onprem_anchor);
CREATE INDEX groups_by_onprem_anchor ON groups (tenant_id, onprem_anchor);

CREATE TABLE onprem_sync_state (
  tenant_id BIGINT NOT NULL PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  watermark TEXT NOT NULL DEFAULT '',
  last_run_at TEXT NOT NULL,
  last_result TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE onprem_status (
  tenant_id BIGINT NOT NULL PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('up', 'misconfigured', 'unreachable')),
  since TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT ''
);
