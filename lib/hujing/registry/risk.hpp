// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/table.hpp>
#include <hujing/output/view.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::domain {

// The risk levels as stored, most severe first: red, orange, yellow, blue.
const std::vector<std::string>& risk_levels();

// Return the level code for `text`: a code (red…) or its label (红/橙/黄/蓝, also 红色…);
// throws Exit::invalid otherwise.
std::string parse_risk_level(std::string_view text);

// The Chinese label of a level code: 红, 橙, 黄 or 蓝.
std::string risk_level_label(std::string_view code);

// A risk assessment (风险评估) to open.
struct NewRisk {
    std::string enterprise; // id or USCC
    std::string level;      // code or label
    std::string description;
    std::string unit; // responsible unit: id, code or name
    std::string leader;
    util::Date opened{};
};

// Open a risk assessment; returns its id.
std::int64_t add_risk(storage::WriteTransaction& tx, storage::Database& db, const NewRisk& risk);

// Close risk `id` on `date`; returns the id. Unknown → Exit::not_found; already closed, or a
// date before it was opened → Exit::conflict / Exit::invalid.
std::int64_t
close_risk(storage::WriteTransaction& tx, storage::Database& db, std::int64_t id, util::Date date);

struct RiskQuery {
    bool open_only = false;
    std::optional<std::string> enterprise;
    std::optional<std::string> level;
    std::optional<std::string> unit;
};

// A risk as listed: with its enterprise and the name of the responsible unit.
struct Risk {
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    std::string uscc;
    std::string name; // the enterprise's
    std::string level;
    std::string description;
    std::optional<std::string> unit;
    std::optional<std::string> leader;
    std::string opened;
    std::optional<std::string> closed;
};

// The fields of a risk, declared once: the listing's columns, csv header, json keys and
// --fields names, and the risks part of the enterprise file.
output::View<Risk> risk_view();

// The columns of a risk listing (those of risk_view()).
std::vector<output::Column> risk_columns();

// The open risks of enterprise `enterprise_id`, by id.
std::vector<Risk> open_risks(storage::Database& db, std::int64_t enterprise_id);

// Stream the risks matching `query` to `sink` as rows of risk_view(), most severe first,
// then by id, unless --sort; paged in SQL; returns the row count.
std::int64_t list_risks(storage::Database& db,
                        const RiskQuery& query,
                        const ListPaging& paging,
                        const RowSink& sink);

} // namespace hujing::domain
