// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/io/on_conflict.hpp>
#include <hujing/output/table.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/storage/transaction.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::domain {

// The officer roles of DESIGN.md §3.
const std::vector<std::string>& officer_roles();

// Throw Exit::invalid unless `role` is one of officer_roles().
void check_role(std::string_view role);

// Throw Exit::invalid unless `badge` is six digits.
void check_badge(std::string_view badge);

struct Officer {
    std::int64_t id = 0;
    std::string badge;
    std::string name;
    std::int64_t unit_id = 0;
    std::string unit_name;
    std::optional<std::string> phone;
    bool inspector = false;
    bool active = true;
    std::vector<std::string> roles;
};

// Find an officer by badge (six digits) or by id written as "#<id>"… or plain id when not a badge.
std::optional<Officer> find_officer(storage::Database& db, std::string_view key);

// As find_officer; throws Exit::not_found.
Officer get_officer(storage::Database& db, std::string_view key);

struct OfficerQuery {
    std::optional<std::string> unit; // id, code or name
    std::optional<std::string> role;
    std::optional<bool> inspector;
    std::optional<bool> active;
};

// The fields of an officer (phone masked unless `reveal`) and the listing's default columns.
output::View<Officer> officer_view(bool reveal);

// The columns of an officer listing.
std::vector<output::Column> officer_columns();

// Stream the officers matching `query` to `sink` as rows of officer_view(), ordered by badge
// unless --sort, paged in SQL; returns the row count.
std::int64_t list_officers(storage::Database& db,
                           const OfficerQuery& query,
                           const ListPaging& paging,
                           bool reveal,
                           const RowSink& sink);

struct NewOfficer {
    std::string badge;
    std::string name;
    std::string unit; // id, code or name
    std::optional<std::string> phone;
    std::vector<std::string> roles;
    bool inspector = false;
    bool active = true;
};

// Add an officer; duplicate badge → Exit::conflict, unknown unit → Exit::not_found,
// malformed badge/role/phone → Exit::invalid.
std::int64_t
add_officer(storage::WriteTransaction& tx, storage::Database& db, const NewOfficer& officer);

struct OfficerUpdate {
    std::optional<std::string> name;
    std::optional<std::string> unit;
    std::optional<std::string> phone;
    std::optional<std::vector<std::string>> roles;
    std::optional<bool> inspector;
    std::optional<bool> active;
};

// Change the fields given in `update`; returns the officer id.
std::int64_t update_officer(storage::WriteTransaction& tx,
                            storage::Database& db,
                            std::string_view key,
                            const OfficerUpdate& update);

// The result of an officer import: `skipped` counts registered badges skipped, and with
// OnConflict::update the rows equal to their officer.
struct ImportResult {
    std::int64_t added = 0;
    std::int64_t updated = 0;
    std::int64_t skipped = 0;
};

// Import officers from CSV (header: badge,name,unit[,phone,roles,inspector,active]; roles
// `;`-separated; inspector/active as 1/0, true/false, 是/否). A registered badge fails the
// import (on_conflict fail), is skipped, or updates the columns the file has. All-or-nothing:
// any bad row throws listing every bad row as FILE:LINE: reason, Exit::conflict when every
// one is a registered badge, Exit::invalid otherwise. One audit row records the import.
ImportResult import_officers(storage::WriteTransaction& tx,
                             storage::Database& db,
                             std::istream& in,
                             const std::string& name,
                             io::OnConflict on_conflict = io::OnConflict::fail);

// The counts as one line "added=N updated=N skipped=N invalid=0", as enterprise import prints.
std::string format_import_result(const ImportResult& result);

// The officer as a JSON object (phone masked unless `reveal`).
nlohmann::json officer_json(const Officer& officer, bool reveal);

// The `show` page of an officer.
std::vector<output::Section> officer_sections(const Officer& officer, bool reveal);

} // namespace hujing::domain
