-- TOTP replay protection: the last time step accepted for each user (docs/security.md).
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
