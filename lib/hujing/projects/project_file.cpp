// SPDX-License-Identifier: GPL-3.0-or-later
// The projects part of the enterprise file (一企一档), registered in registry/file.cpp.
#include <hujing/projects/project.hpp>
#include <hujing/storage/database.hpp>

#include <fmt/format.h>

namespace hujing::domain {

namespace {

// A project as the enterprise file shows it: the officer by badge and name; json also has the
// badge alone.
output::View<Project> project_part_view() {
    using F = output::Field<Project>;
    using output::Kind;
    using P = const Project&;
    return output::View<Project>(
        {F{"id", "编号", Kind::integer, [](P p) { return p.id; }},
         F{"name", "项目", Kind::text, [](P p) { return p.name; }},
         F{"officer",
           "项目警官",
           Kind::text,
           [](P p) { return fmt::format("{} {}", p.officer_badge, p.officer_name); }},
         F{"officer_badge", "警号", Kind::text, [](P p) { return p.officer_badge; }},
         F{"visit_interval_days",
           "走访间隔（天）",
           Kind::integer,
           [](P p) { return output::nullable(p.visit_interval_days); }}},
        {"id", "name", "officer", "visit_interval_days"});
}

} // namespace

LoadedPart project_file_part(storage::Database& db,
                             std::int64_t enterprise_id,
                             const FileOptions& /*options*/) {
    return view_part(
        "projects", "重点项目", project_part_view(), enterprise_projects(db, enterprise_id));
}

} // namespace hujing::domain
