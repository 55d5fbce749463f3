// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/audit/audit.hpp>
#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/projects/project.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/storage/columns.hpp>
#include <hujing/util/number.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hujing::domain {

namespace {

constexpr const char* k_select_fields =
    "SELECT p.id, p.name, p.enterprise_id, e.uscc, e.name, o.badge, o.name, p.plan,"
    " p.archive_path, p.visit_interval_days, p.created_at, p.since";
constexpr const char* k_from = " FROM project p JOIN officer o ON o.id = p.officer_id"
                               " LEFT JOIN enterprise e ON e.id = p.enterprise_id";

// The select of one project (the columns read_project_fields reads).
std::string select_project() {
    return std::string(k_select_fields) + k_from;
}

constexpr const char* k_project_role = "项目警官";

nlohmann::json opt_json(const std::optional<std::string>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

std::vector<std::string> team_badges(const Project& p) {
    std::vector<std::string> out;
    out.reserve(p.team.size());
    for (const auto& m : p.team) {
        out.push_back(m.badge);
    }
    return out;
}

// The team member of `q`'s columns badge, name, unit name, duty.
ProjectMember read_member(SQLite::Statement& q) {
    return ProjectMember{q.getColumn(0).getString(),
                         q.getColumn(1).getString(),
                         q.getColumn(2).getString(),
                         storage::optional_text(q, 3)};
}

// The project row of `q` (the columns of k_select), without its team.
Project read_project_fields(SQLite::Statement& q) {
    Project p;
    storage::read_columns(q,
                          p.id,
                          p.name,
                          p.enterprise_id,
                          p.enterprise_uscc,
                          p.enterprise_name,
                          p.officer_badge,
                          p.officer_name,
                          p.plan,
                          p.archive_path,
                          p.visit_interval_days,
                          p.created_at,
                          p.since);
    return p;
}

Project read_project(storage::Database& db, SQLite::Statement& q) {
    Project p = read_project_fields(q);
    SQLite::Statement m(db.sql(),
                        "SELECT o.badge, o.name, u.name, m.duty FROM project_member m"
                        " JOIN officer o ON o.id = m.officer_id JOIN unit u ON u.id = o.unit_id"
                        " WHERE m.project_id = ? ORDER BY o.badge");
    m.bind(1, p.id);
    while (m.executeStep()) {
        p.team.push_back(read_member(m));
    }
    return p;
}

void check_name(std::string_view name) {
    if (util::trim(name).empty()) {
        throw_invalid("项目名称不能为空");
    }
}

void check_interval(const std::optional<std::int64_t>& days) {
    if (days && (*days < 1 || *days > 3660)) {
        throw_invalid(fmt::format("走访间隔无效: {} 天", *days), "应为 1 到 3660 天");
    }
}

Officer project_officer(storage::Database& db, std::string_view badge) {
    auto officer = get_officer(db, badge);
    if (!officer.active) {
        throw_conflict(
            fmt::format("民警 {} {} 不在岗，不能担任项目警官", officer.badge, officer.name));
    }
    if (std::find(officer.roles.begin(), officer.roles.end(), k_project_role)
        == officer.roles.end()) {
        notice(fmt::format("民警 {} {} 未登记“项目警官”角色", officer.badge, officer.name));
    }
    return officer;
}

void check_unique_name(storage::Database& db, const std::string& name, std::int64_t self) {
    SQLite::Statement q(db.sql(), "SELECT id FROM project WHERE name = ? AND id <> ?");
    q.bind(1, name);
    q.bind(2, self);
    if (q.executeStep()) {
        throw_conflict(
            fmt::format("项目名称已存在: {} (编号 {})", name, q.getColumn(0).getInt64()));
    }
}

std::optional<std::string> blank_to_null(const std::optional<std::string>& v) {
    if (!v) {
        return std::nullopt;
    }
    const auto t = util::trim(*v);
    return t.empty() ? std::nullopt : std::optional<std::string>(std::string(t));
}

} // namespace

std::int64_t
add_project(storage::WriteTransaction& tx, storage::Database& db, const NewProject& project) {
    check_name(project.name);
    check_interval(project.visit_interval_days);
    if (!project.since.ok()) {
        throw_invalid("走访起算日无效", "格式为 YYYY-MM-DD");
    }
    const auto name = std::string(util::trim(project.name));
    const auto officer = project_officer(db, project.officer);
    std::optional<std::int64_t> enterprise_id;
    if (const auto e = blank_to_null(project.enterprise)) {
        enterprise_id = get_enterprise_ref(db, *e).id;
    }
    check_unique_name(db, name, 0);
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO project(name, enterprise_id, officer_id, plan,"
                             " archive_path, visit_interval_days, created_at, since)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, name);
    storage::bind_optional(insert, 2, enterprise_id);
    insert.bind(3, officer.id);
    storage::bind_optional(insert, 4, blank_to_null(project.plan));
    storage::bind_optional(insert, 5, blank_to_null(project.archive));
    storage::bind_optional(insert, 6, project.visit_interval_days);
    insert.bind(7, audit::utc_now());
    insert.bind(8, util::format_date(project.since));
    insert.exec();
    const auto id = db.sql().getLastInsertRowid();
    tx.audit("project", id, "add", nullptr, project_json(get_project(db, std::to_string(id))));
    return id;
}

std::int64_t update_project(storage::WriteTransaction& tx,
                            storage::Database& db,
                            std::string_view key,
                            const ProjectUpdate& update) {
    const auto before = get_project(db, key);
    auto name = before.name;
    if (update.name) {
        check_name(*update.name);
        name = std::string(util::trim(*update.name));
        check_unique_name(db, name, before.id);
    }
    check_interval(update.visit_interval_days);
    SQLite::Statement q(db.sql(),
                        "UPDATE project SET name = ?1,"
                        " officer_id = coalesce(?2, officer_id),"
                        " enterprise_id = CASE WHEN ?3 THEN ?4 ELSE enterprise_id END,"
                        " plan = CASE WHEN ?5 THEN ?6 ELSE plan END,"
                        " archive_path = CASE WHEN ?7 THEN ?8 ELSE archive_path END,"
                        " visit_interval_days = coalesce(?9, visit_interval_days),"
                        " since = coalesce(?11, since)"
                        " WHERE id = ?10");
    q.bind(1, name);
    if (update.officer) {
        q.bind(2, project_officer(db, *update.officer).id);
    } else {
        q.bind(2);
    }
    q.bind(3, update.enterprise ? 1 : 0);
    if (const auto e = blank_to_null(update.enterprise)) {
        q.bind(4, get_enterprise_ref(db, *e).id);
    } else {
        q.bind(4);
    }
    q.bind(5, update.plan ? 1 : 0);
    storage::bind_optional(q, 6, blank_to_null(update.plan));
    q.bind(7, update.archive ? 1 : 0);
    storage::bind_optional(q, 8, blank_to_null(update.archive));
    storage::bind_optional(q, 9, update.visit_interval_days);
    q.bind(10, before.id);
    storage::bind_optional(
        q, 11, update.since ? std::optional(util::format_date(*update.since)) : std::nullopt);
    q.exec();
    tx.audit("project",
             before.id,
             "update",
             project_json(before),
             project_json(get_project(db, std::to_string(before.id))));
    return before.id;
}

std::optional<Project> find_project(storage::Database& db, std::string_view key) {
    const auto k = util::trim(key);
    if (const auto id = util::to_int64(k)) {
        SQLite::Statement q(db.sql(), select_project() + " WHERE p.id = ?");
        q.bind(1, *id);
        if (q.executeStep()) {
            return read_project(db, q);
        }
    }
    SQLite::Statement q(db.sql(), select_project() + " WHERE p.name = ?");
    q.bind(1, std::string(k));
    if (q.executeStep()) {
        return read_project(db, q);
    }
    return std::nullopt;
}

Project get_project(storage::Database& db, std::string_view key) {
    if (auto p = find_project(db, key)) {
        return *p;
    }
    throw_not_found("项目", key, "用编号或项目名称，hujing project list 可查");
}

Project load_project(storage::Database& db, std::string_view key) {
    const storage::ReadTransaction snapshot(db);
    return get_project(db, key);
}

std::vector<Project> enterprise_projects(storage::Database& db, std::int64_t enterprise_id) {
    SQLite::Statement q(db.sql(), select_project() + " WHERE p.enterprise_id = ? ORDER BY p.id");
    q.bind(1, enterprise_id);
    std::vector<Project> out;
    while (q.executeStep()) {
        out.push_back(read_project_fields(q));
    }
    return out;
}

output::View<Project> project_view() {
    using F = output::Field<Project>;
    using output::Kind;
    using output::nullable;
    using P = const Project&;
    return output::View<Project>(
        {F{"id", "编号", Kind::integer, [](P p) { return p.id; }, "p.id"},
         F{"name", "项目", Kind::text, [](P p) { return p.name; }, "p.name"},
         F{"enterprise_id",
           "企业编号",
           Kind::integer,
           [](P p) { return nullable(p.enterprise_id); },
           "p.enterprise_id"},
         F{"uscc",
           "统一社会信用代码",
           Kind::text,
           [](P p) { return nullable(p.enterprise_uscc); },
           "e.uscc"},
         F{"enterprise",
           "企业",
           Kind::text,
           [](P p) { return nullable(p.enterprise_name); },
           "e.name"},
         F{"officer", "项目警官", Kind::text, [](P p) { return p.officer_badge; }, "o.badge"},
         F{"officer_name", "警官姓名", Kind::text, [](P p) { return p.officer_name; }, "o.name"},
         F{"team", "专班成员", Kind::list, [](P p) { return team_badges(p); }},
         F{"visit_interval_days",
           "走访间隔（天）",
           Kind::integer,
           [](P p) { return nullable(p.visit_interval_days); },
           "p.visit_interval_days"},
         F{"since", "走访起算日", Kind::text, [](P p) { return p.since; }, "p.since"},
         F{"plan", "服务方案", Kind::text, [](P p) { return nullable(p.plan); }, "p.plan"},
         F{"archive_path",
           "档案",
           Kind::text,
           [](P p) { return nullable(p.archive_path); },
           "p.archive_path"},
         F{"created_at", "登记时间", Kind::text, [](P p) { return p.created_at; }, "p.created_at"}},
        {"id", "name", "enterprise", "officer", "officer_name", "team", "visit_interval_days"});
}

output::View<ProjectMember> project_member_view() {
    using F = output::Field<ProjectMember>;
    using output::Kind;
    using M = const ProjectMember&;
    return output::View<ProjectMember>(
        {F{"badge", "警号", Kind::text, [](M m) { return m.badge; }, "o.badge"},
         F{"name", "姓名", Kind::text, [](M m) { return m.name; }, "o.name"},
         F{"unit", "单位", Kind::text, [](M m) { return m.unit; }, "u.name"},
         F{"duty", "分工", Kind::text, [](M m) { return output::nullable(m.duty); }, "m.duty"}});
}

std::vector<output::Column> project_columns() {
    return project_view().columns();
}

std::vector<std::string> project_default_fields() {
    return project_view().defaults();
}

std::int64_t list_projects(storage::Database& db,
                           const ProjectQuery& query,
                           const ListPaging& paging,
                           const RowSink& sink) {
    const auto view = project_view();
    ListQuery list(std::string(k_select_fields)
                       + ", (SELECT group_concat(badge, ';') FROM (SELECT o2.badge AS badge"
                         " FROM project_member m JOIN officer o2 ON o2.id = m.officer_id"
                         " WHERE m.project_id = p.id ORDER BY o2.badge))"
                       + k_from,
                   storage::sort_keys(view),
                   "p.id");
    if (query.officer) {
        list.add("p.officer_id = ?1 OR EXISTS (SELECT 1 FROM project_member m"
                 " WHERE m.project_id = p.id AND m.officer_id = ?1)",
                 {get_officer(db, *query.officer).id});
    }
    if (query.enterprise) {
        list.add("p.enterprise_id = ?", {get_enterprise_ref(db, *query.enterprise).id});
    }
    return list.run(db, paging, [&](SQLite::Statement& q) {
        auto p = read_project_fields(q);
        if (!q.isColumnNull(12)) {
            for (auto& badge : util::split(q.getColumn(12).getString(), ';')) {
                p.team.push_back(ProjectMember{std::move(badge), {}, {}, {}});
            }
        }
        sink(view.row(p));
    });
}

nlohmann::json project_json(const Project& p) {
    auto doc = project_view().without({"team"}).json(p);
    doc["team"] = project_member_view().json_array(p.team);
    return doc;
}

std::vector<output::Section> project_sections(const Project& p) {
    return {project_view().without({"team"}).section(p),
            output::Section{"专班成员", {}, {}, project_member_view().table(p.team)}};
}

std::int64_t add_project_member(storage::WriteTransaction& tx,
                                storage::Database& db,
                                std::string_view key,
                                std::string_view badge,
                                const std::optional<std::string>& duty) {
    const auto project = get_project(db, key);
    const auto officer = get_officer(db, badge);
    if (!officer.active) {
        throw_conflict(fmt::format("民警 {} {} 不在岗，不能加入专班", officer.badge, officer.name));
    }
    if (officer.badge == project.officer_badge) {
        throw_conflict(fmt::format("民警 {} 是本项目的项目警官", officer.badge));
    }
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO project_member(project_id, officer_id, duty)"
                             " VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
    insert.bind(1, project.id);
    insert.bind(2, officer.id);
    storage::bind_optional(insert, 3, blank_to_null(duty));
    if (insert.exec() == 0) {
        throw_conflict(fmt::format("民警 {} 已在项目“{}”专班中", officer.badge, project.name));
    }
    tx.audit("project",
             project.id,
             "team_add",
             nullptr,
             {{"officer", officer.badge}, {"duty", opt_json(blank_to_null(duty))}});
    return project.id;
}

std::int64_t remove_project_member(storage::WriteTransaction& tx,
                                   storage::Database& db,
                                   std::string_view key,
                                   std::string_view badge) {
    const auto project = get_project(db, key);
    const auto officer = get_officer(db, badge);
    SQLite::Statement del(db.sql(),
                          "DELETE FROM project_member WHERE project_id = ? AND officer_id = ?");
    del.bind(1, project.id);
    del.bind(2, officer.id);
    if (del.exec() == 0) {
        throw Error(Exit::not_found,
                    fmt::format("民警 {} 不在项目“{}”专班中", officer.badge, project.name),
                    "用 hujing project team list 查看");
    }
    tx.audit("project", project.id, "team_remove", {{"officer", officer.badge}}, nullptr);
    return project.id;
}

std::vector<output::Column> project_member_columns() {
    return project_member_view().columns();
}

std::int64_t list_project_members(storage::Database& db,
                                  std::string_view key,
                                  const ListPaging& paging,
                                  const RowSink& sink) {
    const auto project = get_project(db, key);
    const auto view = project_member_view();
    ListQuery list("SELECT o.badge, o.name, u.name, m.duty FROM project_member m"
                   " JOIN officer o ON o.id = m.officer_id JOIN unit u ON u.id = o.unit_id",
                   storage::sort_keys(view),
                   "o.badge");
    list.add("m.project_id = ?", {project.id});
    return list.run(db, paging, [&](SQLite::Statement& q) { sink(view.row(read_member(q))); });
}

} // namespace hujing::domain
