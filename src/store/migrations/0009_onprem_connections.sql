-- 0009: each tenant's on-premises directory connection (SPEC §9; issue 6), one row per tenant.
-- The service account's password is not stored: bind_password_file names the file the server
-- reads it from at use time. flavor is 'openldap' or 'active_directory'; starttls 0/1; ca_file
-- '' means the system's trust store. Validation is domain::onprem::validate_connection_settings.

CREATE TABLE onprem_connections (
  tenant_id BIGINT NOT NULL PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  flavor TEXT NOT NULL CHECK (flavor IN ('openldap', 'active_directory')),
  bind_dn TEXT NOT NULL,
  bind_password_file TEXT NOT NULL,
  base_dn TEXT NOT NULL,
  starttls INTEGER NOT NULL,
  ca_file TEXT NOT NULL DEFAULT '',
  timeout_seconds INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
