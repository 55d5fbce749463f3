// SPDX-License-Identifier: GPL-3.0-or-later
// `config list`: the settings and their defaults through the listing pipeline.
#include <hujing/settings/config.hpp>
#include <hujing/settings/setting_list.hpp>

namespace hujing::domain {

std::vector<output::Column> setting_columns() {
    return {output::Column{"key", "设置项"},
            output::Column{"value", "当前值"},
            output::Column{"default", "默认值"},
            output::Column{"changed", "已修改", output::Kind::boolean},
            output::Column{"description", "说明"}};
}

std::int64_t list_settings(storage::Database& db, const ListPaging& paging, const RowSink& sink) {
    std::vector<std::vector<SqlValue>> rows;
    for (const auto& s : list_settings(db)) {
        rows.push_back(
            {s.key, s.value, s.default_value, std::int64_t{s.is_default ? 0 : 1}, s.description});
    }
    const auto list =
        ListQuery::over_values({"key", "value", "default", "changed", "description"}, rows);
    return list.run(db, paging, [&](SQLite::Statement& q) {
        sink({q.getColumn(0).getString(),
              q.getColumn(1).getString(),
              q.getColumn(2).getString(),
              q.getColumn(3).getInt64() != 0,
              q.getColumn(4).getString()});
    });
}

} // namespace hujing::domain
