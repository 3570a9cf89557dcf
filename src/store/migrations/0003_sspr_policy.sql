-- 0003: each tenant's self-service password reset policy (SPEC §2), one row per tenant.
-- A tenant without a row has no policy at all, which SPEC §4 check 3 (SSPR_0011) tells
-- apart from a policy with enabled = 'none'. Validation is domain::policy::validate.
-- methods: the allowed method type names, comma-separated in a fixed order.
-- group_id: the group of enabled = 'selected'; kept under 'none' and 'all'. Deleting the
-- group clears it, so such a policy no longer lets anyone reset.

CREATE TABLE sspr_policies (
  tenant_id BIGINT NOT NULL PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  enabled TEXT NOT NULL CHECK (enabled IN ('none', 'selected', 'all')),
  group_id BIGINT REFERENCES groups (id) ON DELETE SET NULL,
  methods_required INTEGER NOT NULL,
  methods TEXT NOT NULL,
  questions_to_register INTEGER NOT NULL,
  questions_to_reset INTEGER NOT NULL,
  require_registration INTEGER NOT NULL,
  reconfirm_days INTEGER NOT NULL,
  notify_users INTEGER NOT NULL,
  notify_admins INTEGER NOT NULL,
  helpdesk TEXT NOT NULL DEFAULT '',
  password_writeback INTEGER NOT NULL,
  allow_unlock INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
