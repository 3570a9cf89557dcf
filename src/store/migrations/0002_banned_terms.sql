-- 0002: each tenant's custom banned password terms (SPEC §8), as the administrator entered
-- them after normalisation (lower-case, substitutions undone), at most 1,000 per tenant
-- (enforced by flows::PasswordProtection, not here).

CREATE TABLE tenant_banned_terms (
  tenant_id BIGINT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  term TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (tenant_id, term)
);
