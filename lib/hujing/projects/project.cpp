// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/audit/audit.hpp>
#include <hujing/error.hpp>
#include <hujing/notice.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/projects/project.hpp>
#include <hujing/registry/ref.hpp>
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

output::Value opt_value(const std::optional<std::string>& v) {
    return v ? output::Value(*v) : output::Value{};
}

output::Value opt_value(const std::optional<std::int64_t>& v) {
    return v ? output::Value(*v) : output::Value{};
}

// The project row of `q` (the columns of k_select), without its team.
Project read_project_fields(SQLite::Statement& q) {
    Project p;
    p.id = q.getColumn(0).getInt64();
    p.name = q.getColumn(1).getString();
    p.enterprise_id = storage::optional_int(q, 2);
    p.enterprise_uscc = storage::optional_text(q, 3);
    p.enterprise_name = storage::optional_text(q, 4);
    p.officer_badge = q.getColumn(5).getString();
    p.officer_name = q.getColumn(6).getString();
    p.plan = storage::optional_text(q, 7);
    p.archive_path = storage::optional_text(q, 8);
    p.visit_interval_days = storage::optional_int(q, 9);
    p.created_at = q.getColumn(10).getString();
    p.since = q.getColumn(11).getString();
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
        p.team.push_back(ProjectMember{m.getColumn(0).getString(),
                                       m.getColumn(1).getString(),
                                       m.getColumn(2).getString(),
                                       storage::optional_text(m, 3)});
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

std::vector<output::Column> project_columns() {
    using output::Column;
    using output::Kind;
    return {Column{"id", "编号", Kind::integer, {}, true},
            Column{"name", "项目", Kind::text},
            Column{"enterprise_id", "企业编号", Kind::integer, {}, true},
            Column{"uscc", "统一社会信用代码", Kind::text},
            Column{"enterprise", "企业", Kind::text},
            Column{"officer", "项目警官", Kind::text},
            Column{"officer_name", "警官姓名", Kind::text},
            Column{"team", "专班成员", Kind::list},
            Column{"visit_interval_days", "走访间隔（天）", Kind::integer, {}, true},
            Column{"since", "走访起算日", Kind::text},
            Column{"plan", "服务方案", Kind::text},
            Column{"archive_path", "档案", Kind::text},
            Column{"created_at", "登记时间", Kind::text}};
}

std::vector<std::string> project_default_fields() {
    return {"id", "name", "enterprise", "officer", "officer_name", "team", "visit_interval_days"};
}

std::int64_t list_projects(storage::Database& db,
                           const ProjectQuery& query,
                           const ListPaging& paging,
                           const RowSink& sink) {
    ListQuery list(std::string(k_select_fields)
                       + ", (SELECT group_concat(badge, ';') FROM (SELECT o2.badge AS badge"
                         " FROM project_member m JOIN officer o2 ON o2.id = m.officer_id"
                         " WHERE m.project_id = p.id ORDER BY o2.badge))"
                       + k_from,
                   {{"id", "p.id"},
                    {"name", "p.name"},
                    {"enterprise_id", "p.enterprise_id"},
                    {"uscc", "e.uscc"},
                    {"enterprise", "e.name"},
                    {"officer", "o.badge"},
                    {"officer_name", "o.name"},
                    {"visit_interval_days", "p.visit_interval_days"},
                    {"since", "p.since"},
                    {"plan", "p.plan"},
                    {"archive_path", "p.archive_path"},
                    {"created_at", "p.created_at"}},
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
        const auto p = read_project_fields(q);
        sink({p.id,
              p.name,
              opt_value(p.enterprise_id),
              opt_value(p.enterprise_uscc),
              opt_value(p.enterprise_name),
              p.officer_badge,
              p.officer_name,
              q.isColumnNull(12) ? std::vector<std::string>{}
                                 : util::split(q.getColumn(12).getString(), ';'),
              opt_value(p.visit_interval_days),
              p.since,
              opt_value(p.plan),
              opt_value(p.archive_path),
              p.created_at});
    });
}

nlohmann::json project_json(const Project& p) {
    nlohmann::json team = nlohmann::json::array();
    for (const auto& m : p.team) {
        team.push_back(
            {{"badge", m.badge}, {"name", m.name}, {"unit", m.unit}, {"duty", opt_json(m.duty)}});
    }
    return {
        {"id", p.id},
        {"name", p.name},
        {"enterprise_id",
         p.enterprise_id ? nlohmann::json(*p.enterprise_id) : nlohmann::json(nullptr)},
        {"uscc", opt_json(p.enterprise_uscc)},
        {"enterprise", opt_json(p.enterprise_name)},
        {"officer", p.officer_badge},
        {"officer_name", p.officer_name},
        {"plan", opt_json(p.plan)},
        {"archive_path", opt_json(p.archive_path)},
        {"visit_interval_days",
         p.visit_interval_days ? nlohmann::json(*p.visit_interval_days) : nlohmann::json(nullptr)},
        {"since", p.since},
        {"created_at", p.created_at},
        {"team", team}};
}

std::vector<output::Section> project_sections(const Project& p) {
    output::Section top;
    for (const auto& c : project_columns()) {
        if (c.key != "team") {
            top.fields.push_back(c);
        }
    }
    top.values = {p.id,
                  p.name,
                  opt_value(p.enterprise_id),
                  opt_value(p.enterprise_uscc),
                  opt_value(p.enterprise_name),
                  p.officer_badge,
                  p.officer_name,
                  opt_value(p.visit_interval_days),
                  p.since,
                  opt_value(p.plan),
                  opt_value(p.archive_path),
                  p.created_at};
    output::Section team;
    team.title = "专班成员";
    output::Table table;
    table.columns = project_member_columns();
    for (const auto& m : p.team) {
        table.rows.push_back({m.badge, m.name, m.unit, opt_value(m.duty)});
    }
    team.table = std::move(table);
    return {top, team};
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
    using output::Column;
    using output::Kind;
    return {Column{"badge", "警号", Kind::text},
            Column{"name", "姓名", Kind::text},
            Column{"unit", "单位", Kind::text},
            Column{"duty", "分工", Kind::text}};
}

std::int64_t list_project_members(storage::Database& db,
                                  std::string_view key,
                                  const ListPaging& paging,
                                  const RowSink& sink) {
    const auto project = get_project(db, key);
    ListQuery list(
        "SELECT o.badge, o.name, u.name, m.duty FROM project_member m"
        " JOIN officer o ON o.id = m.officer_id JOIN unit u ON u.id = o.unit_id",
        {{"badge", "o.badge"}, {"name", "o.name"}, {"unit", "u.name"}, {"duty", "m.duty"}},
        "o.badge");
    list.add("m.project_id = ?", {project.id});
    return list.run(db, paging, [&](SQLite::Statement& q) {
        sink({q.getColumn(0).getString(),
              q.getColumn(1).getString(),
              q.getColumn(2).getString(),
              opt_value(storage::optional_text(q, 3))});
    });
}

} // namespace hujing::domain
