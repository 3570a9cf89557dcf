-- 0005: users' authentication methods (SPEC §3): phones, alternate email and authenticator
-- apps, security answers (Argon2id hashes only), tenants' own security questions, one-time
-- codes (keyed digests only), pending registrations and each user's registration record.

CREATE TABLE authentication_methods (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  value TEXT NOT NULL DEFAULT '',
  extension TEXT NOT NULL DEFAULT '',
  sealed_secret TEXT NOT NULL DEFAULT '',
  last_totp_step BIGINT NOT NULL DEFAULT 0,
  source TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, type)
);

CREATE TABLE security_answers (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  answer_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (user_id, question_id)
);

CREATE TABLE tenant_security_questions (
  id {{ID}},
  tenant_id BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (tenant_id, text)
);

CREATE TABLE one_time_codes (
  id TEXT NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  method TEXT NOT NULL,
  channel TEXT NOT NULL,
  target TEXT NOT NULL,
  code_digest TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  wrong_entries INTEGER NOT NULL DEFAULT 0,
  consumed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX one_time_codes_by_user ON one_time_codes (user_id, issued_at);

CREATE TABLE pending_registrations (
  id TEXT NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  value TEXT NOT NULL DEFAULT '',
  extension TEXT NOT NULL DEFAULT '',
  sealed_secret TEXT NOT NULL DEFAULT '',
  code_id TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX pending_registrations_by_user ON pending_registrations (user_id);

CREATE TABLE registration_records (
  user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  last_confirmed_at TEXT NOT NULL DEFAULT '',
  registered_at TEXT NOT NULL DEFAULT ''
);
