-- 0001: the directory (tenants, users, groups, licences, roles, API tokens) and the audit log.
--
-- One dialect for SQLite and PostgreSQL. The migration runner (migration_runner.cc) replaces
-- exactly one placeholder before running a statement:
--   {{ID}}  an auto-increment 64-bit primary key:
--           SQLite "INTEGER PRIMARY KEY AUTOINCREMENT", PostgreSQL "BIGSERIAL PRIMARY KEY".
-- Rules for migration files: statements end with ';' at the end of a line, no ';' inside
-- literals, comments only as whole '--' lines.
-- Conventions: times are ISO 8601 UTC strings (they sort lexically); booleans are INTEGER 0/1;
-- case-insensitive names keep a lower-cased copy in a *_key column with a unique index.
-- group_members.member_id points to users or groups depending on member_kind, so it has no
-- foreign key: the store deletes a user's or group's memberships itself when deleting it.

CREATE TABLE tenants (
  id {{ID}},
  name TEXT NOT NULL,
  helpdesk TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);

CREATE TABLE tenant_domains (
  domain TEXT NOT NULL PRIMARY KEY,
  tenant_id BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  position INTEGER NOT NULL
);
CREATE INDEX tenant_domains_by_tenant ON tenant_domains (tenant_id, position);

CREATE TABLE users (
  id {{ID}},
  tenant_id BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  upn TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  given_name TEXT NOT NULL DEFAULT '',
  surname TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1,
  source TEXT NOT NULL CHECK (source IN ('cloud', 'synced')),
  auth_mode TEXT,
  onprem_id TEXT NOT NULL DEFAULT '',
  password_hash TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_by_tenant ON users (tenant_id, upn);

CREATE TABLE groups (
  id {{ID}},
  tenant_id BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  onprem_id TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX groups_name_per_tenant ON groups (tenant_id, name_key);

CREATE TABLE group_members (
  group_id BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  member_kind TEXT NOT NULL CHECK (member_kind IN ('user', 'group')),
  member_id BIGINT NOT NULL,
  PRIMARY KEY (group_id, member_kind, member_id)
);
CREATE INDEX group_members_by_member ON group_members (member_kind, member_id);

CREATE TABLE subscriptions (
  id {{ID}},
  tenant_id BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  sku TEXT NOT NULL,
  seats INTEGER,
  UNIQUE (tenant_id, sku)
);

CREATE TABLE user_licenses (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  sku TEXT NOT NULL,
  PRIMARY KEY (user_id, sku)
);

CREATE TABLE group_licenses (
  group_id BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  sku TEXT NOT NULL,
  PRIMARY KEY (group_id, sku)
);
CREATE INDEX group_licenses_by_sku ON group_licenses (sku);

CREATE TABLE role_assignments (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);

CREATE TABLE api_tokens (
  id {{ID}},
  tenant_id BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0,
  UNIQUE (tenant_id, name)
);

-- Append-only. seq orders events inserted within the same millisecond; id is the public
-- UUID. No foreign key on tenant_id: the log outlives what it describes.
CREATE TABLE audit_events (
  seq {{ID}},
  id TEXT NOT NULL UNIQUE,
  time TEXT NOT NULL,
  tenant_id BIGINT NOT NULL,
  category TEXT NOT NULL,
  activity TEXT NOT NULL,
  actor TEXT NOT NULL DEFAULT '',
  target TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL,
  result_reason TEXT NOT NULL DEFAULT '',
  correlation_id TEXT NOT NULL DEFAULT '',
  support_code TEXT NOT NULL DEFAULT '',
  client_ip TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_by_tenant_time ON audit_events (tenant_id, time);
CREATE INDEX audit_events_by_time ON audit_events (time);
CREATE INDEX audit_events_by_correlation ON audit_events (correlation_id);
CREATE INDEX audit_events_by_support_code ON audit_events (support_code);
