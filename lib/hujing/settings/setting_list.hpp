// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/table.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/query.hpp>

#include <cstdint>
#include <vector>

namespace hujing::domain {

// The columns of `config list`.
std::vector<output::Column> setting_columns();

// Stream every setting with its current and default value to `sink` as rows for
// setting_columns(), by key unless --sort, paged in SQL; returns the row count.
std::int64_t list_settings(storage::Database& db, const ListPaging& paging, const RowSink& sink);

} // namespace hujing::domain
