-- 0004: signed-in sessions of the self-service pages, and the per-user sign-in failure
-- counters behind the lockout (domain/sign_in_lockout.h).
--
-- sessions.id is the keyed digest (platform/token_digest) of the 256-bit session token
-- carried by the cookie; the token itself is never stored. The CSRF token is derived from
-- the session token (flows/session_token.h), so it needs no column either.
-- must_register is set by the registration work ("require users to register when signing
-- in"): the page sends such a session to registration first.

CREATE TABLE sessions (
  id TEXT NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  tenant_id BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  idle_expires_at TEXT NOT NULL,
  absolute_expires_at TEXT NOT NULL,
  must_register INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- One row per user with recent wrong passwords. recent_wrong holds the keyed digests of the
-- distinct wrong passwords counted in this round, space-separated; cleared on success, when a
-- lockout round starts, and an hour after the last failure, so they are short-lived.
CREATE TABLE sign_in_failures (
  user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  failures INTEGER NOT NULL DEFAULT 0,
  lockout_round INTEGER NOT NULL DEFAULT 0,
  lockout_until TEXT NOT NULL DEFAULT '',
  last_failure_at TEXT NOT NULL DEFAULT '',
  recent_wrong TEXT NOT NULL DEFAULT ''
);
