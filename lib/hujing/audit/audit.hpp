// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/view.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/query.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::audit {

// The hash of an empty chain: the prev_hash of the first row.
inline constexpr std::string_view k_genesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

// One row of audit_log.
struct Entry {
    std::int64_t id = 0;
    std::string at;
    std::string actor;
    std::string command;
    std::string entity;
    std::optional<std::int64_t> entity_id;
    std::string action;
    std::optional<std::string> os_user; // the operating-system login (NULL in rows before v5)
    std::optional<std::string> before;  // canonical JSON
    std::optional<std::string> after;
    std::string prev_hash;
    std::string hash;
};

// The fields of an audit row, declared once: the columns, csv header, json keys, --fields and
// --sort names and defaults of `audit log`. `before`/`after` have their personal data masked
// unless `reveal`; a record that does not parse is Exit::conflict naming the row.
output::View<Entry> entry_view(bool reveal);

// Return the hash of `entry` given its prev_hash: SHA-256 over prev_hash, a newline, and the
// canonical JSON array [id, at, actor, command, entity, entity_id, action, before, after], with
// os_user appended when the row has one (rows written before schema 5 have none).
std::string compute_hash(const Entry& entry);

// Append a row inside the caller's write transaction; returns its id.
std::int64_t append(storage::Database& db,
                    std::string_view entity,
                    std::optional<std::int64_t> entity_id,
                    std::string_view action,
                    const nlohmann::json& before,
                    const nlohmann::json& after);

// The hash of the newest row (k_genesis when the log is empty).
std::string head(storage::Database& db);

// A row of the chain named by its id and hash, "ROW:HASH": the head printed in a report footer
// is one, and later checks that the chain still holds that row unchanged.
struct Anchor {
    std::int64_t id = 0; // 0 with k_genesis: the empty chain
    std::string hash;

    // "ROW:HASH".
    [[nodiscard]] std::string text() const;
};

// The newest row as an anchor (0 and k_genesis when the log is empty): printed in report
// footers and json as `audit_head`.
Anchor head_anchor(storage::Database& db);

// Parse "ROW:HASH" (a row id and 64 lowercase hex digits); nullopt otherwise.
std::optional<Anchor> parse_anchor(std::string_view text);

// Every "ROW:HASH" found in `text` (a file of anchors, one a line, or report footers), in order.
std::vector<Anchor> find_anchors(std::string_view text);

// Why the chain no longer holds `anchor` — its row deleted (a cut tail) or its hash different
// (rows rewritten and the chain recomputed) — or nullopt when it does.
std::optional<std::string> check_anchor(storage::Database& db, const Anchor& anchor);

// Filters for `audit log`.
struct LogQuery {
    std::optional<std::string> since; // "YYYY-MM-DD" (UTC) inclusive
    std::optional<std::string> until; // "YYYY-MM-DD" (UTC) inclusive
    std::optional<std::string> actor;
    std::optional<std::string> entity;
    std::optional<std::int64_t> entity_id;
};

// Call `row` for each row matching `query`, oldest first unless `paging` sorts (by a column
// key of `audit log`), paged in SQL; returns the row count.
std::int64_t each_entry(storage::Database& db,
                        const LogQuery& query,
                        const storage::ListPaging& paging,
                        const std::function<void(const Entry&)>& row);

// Return the rows matching `query`, oldest first.
std::vector<Entry> log(storage::Database& db, const LogQuery& query);

// The outcome of verify(): ok, or the first bad row and why.
struct VerifyResult {
    bool ok = true;
    std::int64_t rows = 0;
    std::optional<std::int64_t> bad_id;
    std::string reason;
    std::string head;
};

// Recompute the chain; finds altered rows, removed rows (gaps, or a truncated tail detected
// through sqlite_sequence) and reordered links, even when the protecting triggers were dropped.
VerifyResult verify(storage::Database& db);

// Current UTC time as "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string utc_now();

} // namespace hujing::audit
