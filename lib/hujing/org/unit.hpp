// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/table.hpp>
#include <hujing/output/view.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/storage/transaction.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::domain {

// The unit kinds of DESIGN.md §3, machine codes in order.
const std::vector<std::string>& unit_kinds();

// The Chinese label of a unit kind code.
std::string unit_kind_label(std::string_view kind);

struct Unit {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string kind;
    std::optional<std::int64_t> parent_id;
    std::optional<std::string> parent_code;
};

// Find a unit by id, code or name.
std::optional<Unit> find_unit(storage::Database& db, std::string_view key);

// The short names of built-in units the plan uses (aliases in units.yaml), e.g. 出入境大队.
std::vector<std::string> unit_alias_names();

// Find a unit by id, code or name; throws Exit::not_found.
Unit get_unit(storage::Database& db, std::string_view key);

struct UnitQuery {
    std::optional<std::string> kind;
};

// The fields of a unit, declared once: the columns, csv header, json keys, --fields and --sort
// names of `unit list` ("parent" is the parent's code).
output::View<Unit> unit_view();

// The columns of a unit listing (unit_view()'s).
std::vector<output::Column> unit_columns();

// Stream the units matching `query` to `sink` as rows of unit_view(), ordered by id unless
// --sort, paged in SQL; returns the row count.
std::int64_t list_units(storage::Database& db,
                        const UnitQuery& query,
                        const ListPaging& paging,
                        const RowSink& sink);

struct NewUnit {
    std::string code;
    std::string name;
    std::string kind;
    std::optional<std::string> parent; // id, code or name
};

// Add a unit; a duplicate code or name is Exit::conflict, a bad kind Exit::invalid.
std::int64_t add_unit(storage::WriteTransaction& tx, storage::Database& db, const NewUnit& unit);

// Load the built-in units of schemas/units.yaml, skipping codes that exist; returns the count
// added.
int load_builtin_units(storage::WriteTransaction& tx, storage::Database& db);

} // namespace hujing::domain
