-- 0006: CAPTCHA challenges already used (flows/captcha.h). A proof-of-work challenge is
-- signed and carries its own expiry, so nothing is stored when it is issued; when a solution is
-- accepted its challenge (the SHA-256 hex the server signed) is recorded here, and a second
-- use, on any node, finds the row and is refused. Rows past expires_at (ISO 8601) are useless
-- and are purged opportunistically.

CREATE TABLE used_captchas (
  challenge TEXT NOT NULL PRIMARY KEY,
  expires_at TEXT NOT NULL
);
CREATE INDEX used_captchas_by_expiry ON used_captchas (expires_at);
