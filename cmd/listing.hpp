// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming listings: rows go from the SQL cursor straight to the writer (no vector of rows).
#pragma once

#include "context.hpp"
#include "options.hpp"

#include <hujing/storage/query.hpp>

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hujing::cli {

// The SQL paging of the library from the --limit/--offset/--sort options.
inline domain::ListPaging to_list_paging(const Paging& paging) {
    return domain::ListPaging{paging.limit, paging.offset, paging.sort};
}

// Write the rows `produce` passes to its sink to stdout in the chosen format; returns the count
// `produce` returns. The writer is made at the first row (or at the end), so an error found
// while `produce` validates its filters leaves stdout empty.
inline std::int64_t
stream_rows(const Context& ctx,
            std::vector<output::Column> columns,
            const std::vector<std::string>& default_fields,
            const std::function<std::int64_t(const domain::RowSink&)>& produce) {
    std::unique_ptr<output::RowWriter> writer;
    auto make = [&] {
        writer = output::make_writer(stdout, std::move(columns), ctx.output(), default_fields);
    };
    const auto count = produce([&](const output::Row& row) {
        if (!writer) {
            make();
        }
        writer->row(row);
    });
    if (!writer) {
        make();
    }
    writer->finish();
    return count;
}

} // namespace hujing::cli
