// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/table.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/query.hpp>

#include <cstdint>
#include <vector>

namespace hujing::domain {

// The columns of `enterprise towns`.
std::vector<output::Column> town_columns();

// Stream the divisions to `sink` as rows for town_columns(), in file order unless --sort,
// paged in SQL (an in-memory connection: no database needed); returns the row count.
std::int64_t list_towns(const ListPaging& paging, const RowSink& sink);

} // namespace hujing::domain
