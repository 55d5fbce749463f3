// SPDX-License-Identifier: GPL-3.0-or-later
// The projects part of the enterprise file (一企一档), registered in registry/file.cpp.
#include <hujing/projects/project.hpp>
#include <hujing/storage/database.hpp>

#include <fmt/format.h>

namespace hujing::domain {

FilePart project_file_part(storage::Database& db,
                           std::int64_t enterprise_id,
                           const FileOptions& /*options*/) {
    using output::Column;
    using output::Kind;
    FilePart part;
    part.key = "projects";
    part.title = "重点项目";
    part.table.columns = {Column{"id", "编号", Kind::integer, {}, true},
                          Column{"name", "项目", Kind::text},
                          Column{"officer", "项目警官", Kind::text},
                          Column{"visit_interval_days", "走访间隔（天）", Kind::integer}};
    {
        SQLite::Statement q(db.sql(),
                            "SELECT p.id, p.name, o.badge, o.name, p.visit_interval_days"
                            " FROM project p JOIN officer o ON o.id = p.officer_id"
                            " WHERE p.enterprise_id = ? ORDER BY p.id");
        q.bind(1, enterprise_id);
        while (q.executeStep()) {
            const auto pid = q.getColumn(0).getInt64();
            const auto name = q.getColumn(1).getString();
            const auto badge = q.getColumn(2).getString();
            const auto officer = fmt::format("{} {}", badge, q.getColumn(3).getString());
            const auto interval = storage::optional_int(q, 4);
            part.table.rows.push_back(
                {pid, name, officer, interval ? output::Value(*interval) : output::Value{}});
            part.json.push_back({{"id", pid},
                                 {"name", name},
                                 {"officer_badge", badge},
                                 {"visit_interval_days",
                                  interval ? nlohmann::json(*interval) : nlohmann::json(nullptr)}});
        }
    }
    return part;
}

} // namespace hujing::domain
