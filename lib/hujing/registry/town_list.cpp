// SPDX-License-Identifier: GPL-3.0-or-later
// `enterprise towns`: the built-in divisions through the listing pipeline.
#include <hujing/registry/division.hpp>
#include <hujing/registry/town_list.hpp>
#include <hujing/util/text.hpp>

namespace hujing::domain {

std::vector<output::Column> town_columns() {
    using output::Column;
    using output::Kind;
    return {Column{"name", "镇街", Kind::text},
            Column{"kind", "类型", Kind::text, division_kind_label},
            Column{"former", "旧名", Kind::list}};
}

std::int64_t list_towns(const ListPaging& paging, const RowSink& sink) {
    std::vector<std::vector<SqlValue>> rows;
    for (const auto& d : divisions()) {
        rows.push_back({d.name, d.kind, util::join(d.former, ";")});
    }
    const auto list = ListQuery::over_values({"name", "kind", "former"}, rows);
    SQLite::Database memory(":memory:");
    return list.run(memory, paging, [&](SQLite::Statement& q) {
        const auto former = q.getColumn(2).getString();
        sink({q.getColumn(0).getString(),
              q.getColumn(1).getString(),
              former.empty() ? std::vector<std::string>{} : util::split(former, ';')});
    });
}

} // namespace hujing::domain
