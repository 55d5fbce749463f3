-- Who acted, twice: `actor` is the officer (badge) for casework or the operating-system user
-- for organisation set-up; `os_user` is always the operating-system login that ran the command.
-- Older rows have NULL here, and their hashes stay as they were (audit.cpp hashes os_user only
-- when present).
ALTER TABLE audit_log ADD COLUMN os_user TEXT;
