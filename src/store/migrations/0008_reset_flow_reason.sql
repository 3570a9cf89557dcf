-- 0008: what a reset flow was started for and whether a code failed to send (SPEC §5.2, §5.6;
-- domain/reset/reset_flow.h). reason is "forgot" or "locked_out"; send_failed_at is the ISO
-- 8601 time of the last code that could not be delivered, '' when none.

ALTER TABLE reset_flows ADD COLUMN reason TEXT NOT NULL DEFAULT 'forgot';
ALTER TABLE reset_flows ADD COLUMN send_failed_at TEXT NOT NULL DEFAULT '';
