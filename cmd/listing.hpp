// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming listings: rows go from the SQL cursor straight to the writer (no vector of rows).
#pragma once

#include "context.hpp"
#include "options.hpp"

#include <hujing/output/writer.hpp>
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
        writer =
            output::make_writer(stdout, std::exchange(columns, {}), ctx.output(), default_fields);
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

// The options of a filtered list verb: its filters and --limit/--offset/--sort.
template <typename Query>
struct ListOptionsOf {
    Query query;
    Paging paging;
};

// Make `cmd`, whose filters are bound to `opts->query`, a listing: the paging options are added,
// and its action streams the rows `list(ctx, query, paging, sink)` produces through the view
// `view(ctx)` returns (a query with a `paging` member gets it there too). The one shape of the
// filtered list verbs.
template <typename Query, typename MakeView, typename List>
void make_listing(CLI::App& cmd,
                  Context& ctx,
                  const std::shared_ptr<ListOptionsOf<Query>>& opts,
                  MakeView view,
                  List list) {
    add_paging_options(cmd, opts->paging);
    cmd.callback([&ctx, opts, view, list] {
        ctx.action = [&ctx, opts, view, list] {
            auto query = opts->query;
            const auto paging = to_list_paging(opts->paging);
            if constexpr (requires { query.paging = paging; }) {
                query.paging = paging;
            }
            const auto& v = view(ctx);
            stream_rows(ctx, v.columns(), v.defaults(), [&](const domain::RowSink& sink) {
                return list(ctx, std::as_const(query), paging, sink);
            });
        };
    });
}

// Make `cmd` a show verb for the record `*key` names: its action reads the page with
// `read(ctx, key)` and writes it, as `json(ctx, page)` or as `sections(ctx, page)` (a table on a
// terminal, labelled blocks in a pipe), whichever format was chosen.
template <typename Read, typename Json, typename Sections>
void make_show(CLI::App& cmd,
               Context& ctx,
               const std::shared_ptr<std::string>& key,
               Read read,
               Json json,
               Sections sections) {
    cmd.callback([&ctx, key, read, json, sections] {
        ctx.action = [&ctx, key, read, json, sections] {
            const auto page = read(ctx, *key);
            output::write_record(
                stdout,
                {[&] { return json(ctx, page); }, [&] { return sections(ctx, page); }},
                ctx.output());
        };
    });
}

} // namespace hujing::cli
