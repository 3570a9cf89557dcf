-- 0007: reset flows (SPEC §5) and the throttle counters and blocks (SPEC §7), shared by every
-- node. A throttle key is "user:<id>" or "ip:<address>". Flows carry a version that every
-- update checks, so two nodes cannot both apply a step to the same state.

CREATE TABLE reset_flows (
  id TEXT NOT NULL PRIMARY KEY,
  tenant_id BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  gates_required INTEGER NOT NULL,
  gates_passed TEXT NOT NULL DEFAULT '',
  pending_method TEXT NOT NULL DEFAULT '',
  pending_code_id TEXT NOT NULL DEFAULT '',
  pending_questions TEXT NOT NULL DEFAULT '',
  correlation_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_step_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX reset_flows_by_user ON reset_flows (user_id, created_at);

CREATE TABLE throttle_keys (
  throttle_key TEXT NOT NULL PRIMARY KEY,
  blocked_until TEXT NOT NULL DEFAULT ''
);

CREATE TABLE throttle_attempts (
  throttle_key TEXT NOT NULL,
  action TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX throttle_attempts_by_key ON throttle_attempts (throttle_key, action, at);
