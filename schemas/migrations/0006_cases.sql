-- SPDX-License-Identifier: GPL-3.0-or-later
-- Placeholder for the cases migration (schema version 6); replaced by the real one.
SELECT 1;
