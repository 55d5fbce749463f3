// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/demands/demand.hpp>
#include <hujing/error.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/registry/division.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/settings/config.hpp>
#include <hujing/util/json.hpp>
#include <hujing/util/number.hpp>
#include <hujing/util/text.hpp>
#include <hujing/visits/visit.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace hujing::domain {

namespace {

constexpr int k_file_visits = 20;

constexpr const char* k_officers_of_visit =
    "(SELECT group_concat({0}, ';') FROM (SELECT o.{0} FROM visit_officer vo"
    " JOIN officer o ON o.id = vo.officer_id WHERE vo.visit_id = v.id ORDER BY o.badge))";

std::string list_select() {
    return "SELECT v.id, v.date, v.kind, v.enterprise_id, e.uscc, e.name, e.town, "
           + fmt::format(k_officers_of_visit, "badge") + ", "
           + fmt::format(k_officers_of_visit, "name")
           + ", v.summary, v.project_id, p.name,"
             " (SELECT count(*) FROM demand d WHERE d.visit_id = v.id)"
             " FROM visit v JOIN enterprise e ON e.id = v.enterprise_id"
             " LEFT JOIN project p ON p.id = v.project_id";
}

output::Value opt(const std::optional<std::string>& value) {
    if (value) {
        return *value;
    }
    return {};
}

output::Value opt(const std::optional<std::int64_t>& value) {
    if (value) {
        return *value;
    }
    return {};
}

output::Value list_value(const std::optional<std::string>& joined) {
    if (!joined) {
        return std::vector<std::string>{};
    }
    return util::split(*joined, ';');
}

struct ProjectRef {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::int64_t> enterprise_id;
};

// Find a project by id or name; throws Exit::not_found.
ProjectRef get_project_ref(storage::Database& db, const std::string& key) {
    const auto id = util::to_int64(key);
    SQLite::Statement q(db.sql(),
                        id ? "SELECT id, name, enterprise_id FROM project WHERE id = ?"
                           : "SELECT id, name, enterprise_id FROM project WHERE name = ?");
    if (id) {
        q.bind(1, *id);
    } else {
        q.bind(1, key);
    }
    if (!q.executeStep()) {
        throw_not_found("项目", key, "用 hujing project list 查看");
    }
    return ProjectRef{
        q.getColumn(0).getInt64(), q.getColumn(1).getString(), storage::optional_int(q, 2)};
}

std::vector<SortKey> visit_sort_keys() {
    return {{"id", "v.id"},
            {"date", "v.date"},
            {"kind", "v.kind"},
            {"enterprise_id", "v.enterprise_id"},
            {"uscc", "e.uscc"},
            {"name", "e.name"},
            {"town", "e.town"},
            {"summary", "v.summary"},
            {"project_id", "v.project_id"},
            {"project", "p.name"}};
}

nlohmann::json visit_record_json(const Visit& v) {
    auto officers = nlohmann::json::array();
    for (const auto& o : v.officers) {
        officers.push_back({{"badge", o.badge}, {"name", o.name}});
    }
    return {{"id", v.id},
            {"enterprise_id", v.enterprise_id},
            {"uscc", v.uscc},
            {"name", v.enterprise_name},
            {"town", util::json_or_null(v.town)},
            {"date", v.date},
            {"kind", v.kind},
            {"summary", v.summary},
            {"project_id", util::json_or_null(v.project_id)},
            {"project", util::json_or_null(v.project_name)},
            {"created_at", v.created_at},
            {"officers", officers}};
}

} // namespace

const std::vector<std::string>& visit_kinds() {
    static const std::vector<std::string> kinds = k_visit_kinds.codes();
    return kinds;
}

void check_visit_kind(std::string_view kind) {
    const auto& kinds = visit_kinds();
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
        throw_invalid(fmt::format("走访形式无效: {}", kind), "可用: " + util::join(kinds, "、"));
    }
}

std::int64_t parse_visit_id(std::string_view text) {
    return util::parse_id(text, "走访");
}

Visit get_visit(storage::Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(),
                        "SELECT v.id, v.enterprise_id, e.uscc, e.name, e.town, v.date, v.kind,"
                        " v.summary, v.project_id, p.name, v.created_at FROM visit v"
                        " JOIN enterprise e ON e.id = v.enterprise_id"
                        " LEFT JOIN project p ON p.id = v.project_id WHERE v.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) {
        throw_not_found("走访记录", std::to_string(id), "用 hujing visit list 查看");
    }
    Visit v;
    v.id = q.getColumn(0).getInt64();
    v.enterprise_id = q.getColumn(1).getInt64();
    v.uscc = q.getColumn(2).getString();
    v.enterprise_name = q.getColumn(3).getString();
    v.town = storage::optional_text(q, 4);
    v.date = q.getColumn(5).getString();
    v.kind = q.getColumn(6).getString();
    v.summary = q.getColumn(7).getString();
    v.project_id = storage::optional_int(q, 8);
    v.project_name = storage::optional_text(q, 9);
    v.created_at = q.getColumn(10).getString();
    SQLite::Statement officers(db.sql(),
                               "SELECT o.badge, o.name FROM visit_officer vo"
                               " JOIN officer o ON o.id = vo.officer_id WHERE vo.visit_id = ?"
                               " ORDER BY o.badge");
    officers.bind(1, id);
    while (officers.executeStep()) {
        v.officers.push_back(
            {officers.getColumn(0).getString(), officers.getColumn(1).getString()});
    }
    return v;
}

LoggedVisit log_visit(storage::WriteTransaction& tx,
                      storage::Database& db,
                      const NewVisit& visit,
                      util::Date today) {
    // Input first (Exit::invalid), then the records it names (Exit::not_found).
    check_visit_kind(visit.kind);
    check_category(visit.category);
    const auto summary = std::string(util::trim(visit.summary));
    if (summary.empty()) {
        throw_invalid("走访情况 (--summary) 不能为空");
    }
    const auto date = util::parse_date_arg(visit.date.value_or("today"), today);
    if (today < date) {
        throw_invalid(fmt::format("走访日期 {} 晚于今天 {}",
                                  util::format_date(date),
                                  util::format_date(today)),
                      "只能登记已经发生的走访");
    }
    if (visit.officers.empty()) {
        throw_invalid("至少需要一名民警 (--officer)");
    }
    for (const auto& badge : visit.officers) {
        check_badge(badge);
    }
    for (const auto& text : visit.demands) {
        if (util::trim(text).empty()) {
            throw_invalid("诉求内容 (--demand) 不能为空");
        }
    }
    const auto enterprise = get_enterprise_ref(db, visit.enterprise);
    std::set<std::int64_t> officer_ids;
    for (const auto& badge : visit.officers) {
        officer_ids.insert(get_officer(db, badge).id);
    }
    std::optional<ProjectRef> project;
    if (visit.project) {
        project = get_project_ref(db, *visit.project);
        if (project->enterprise_id && *project->enterprise_id != enterprise.id) {
            throw_invalid(fmt::format("项目“{}”不属于{}", project->name, enterprise.name),
                          "--project 应为该企业的项目");
        }
    }

    SQLite::Statement insert(db.sql(),
                             "INSERT INTO visit(enterprise_id, date, kind, summary, project_id,"
                             " created_at) VALUES (?,?,?,?,?,?)");
    insert.bind(1, enterprise.id);
    insert.bind(2, util::format_date(date));
    insert.bind(3, visit.kind);
    insert.bind(4, summary);
    if (project) {
        insert.bind(5, project->id);
    } else {
        insert.bind(5);
    }
    insert.bind(6, util::format_date(today));
    insert.exec();
    LoggedVisit logged;
    logged.id = db.sql().getLastInsertRowid();
    SQLite::Statement add_officer(db.sql(),
                                  "INSERT INTO visit_officer(visit_id, officer_id) VALUES (?,?)");
    for (const auto officer_id : officer_ids) {
        add_officer.bind(1, logged.id);
        add_officer.bind(2, officer_id);
        add_officer.exec();
        add_officer.reset();
    }
    tx.audit("visit", logged.id, "log", nullptr, visit_record_json(get_visit(db, logged.id)));
    for (const auto& text : visit.demands) {
        logged.demand_ids.push_back(
            open_demand(tx, db, enterprise.id, logged.id, visit.category, "走访", text, today));
    }
    return logged;
}

std::vector<output::Column> visit_columns() {
    using output::Column;
    using output::Kind;
    return {Column{"id", "编号", Kind::integer, {}, true},
            Column{"date", "日期", Kind::text},
            Column{"kind", "形式", Kind::text},
            Column{"enterprise_id", "企业编号", Kind::integer, {}, true},
            Column{"uscc", "统一社会信用代码", Kind::text},
            Column{"name", "企业名称", Kind::text},
            Column{"town", "镇街", Kind::text},
            Column{"officers", "民警", Kind::list},
            Column{"officer_names", "民警姓名", Kind::list},
            Column{"summary", "走访情况", Kind::text},
            Column{"project_id", "项目编号", Kind::integer, {}, true},
            Column{"project", "项目", Kind::text},
            Column{"demands", "诉求数", Kind::integer, {}, true}};
}

std::vector<std::string> visit_default_fields() {
    return {"id", "date", "kind", "enterprise_id", "name", "officers", "summary", "demands"};
}

std::int64_t
list_visits(storage::Database& db, const VisitQuery& query, util::Date today, const RowSink& sink) {
    ListQuery filter(list_select(), visit_sort_keys(), "v.date DESC, v.id DESC");
    if (query.kind) {
        check_visit_kind(*query.kind);
        filter.add("v.kind = ?", {*query.kind});
    }
    filter.add_date_range("v.date", query.since, query.until, today);
    if (query.town) {
        filter.add("e.town = ?", {resolve_town(*query.town).name});
    }
    if (query.enterprise) {
        filter.add("v.enterprise_id = ?", {get_enterprise_ref(db, *query.enterprise).id});
    }
    if (query.officer) {
        filter.add("EXISTS (SELECT 1 FROM visit_officer vo WHERE vo.visit_id = v.id"
                   " AND vo.officer_id = ?)",
                   {get_officer(db, *query.officer).id});
    }
    if (query.project) {
        filter.add("v.project_id = ?", {get_project_ref(db, *query.project).id});
    }
    return filter.run(db, query.paging, [&](SQLite::Statement& q) {
        sink({q.getColumn(0).getInt64(),
              q.getColumn(1).getString(),
              q.getColumn(2).getString(),
              q.getColumn(3).getInt64(),
              q.getColumn(4).getString(),
              q.getColumn(5).getString(),
              opt(storage::optional_text(q, 6)),
              list_value(storage::optional_text(q, 7)),
              list_value(storage::optional_text(q, 8)),
              q.getColumn(9).getString(),
              opt(storage::optional_int(q, 10)),
              opt(storage::optional_text(q, 11)),
              q.getColumn(12).getInt64()});
    });
}

nlohmann::json visit_show_json(storage::Database& db, const Visit& visit) {
    auto json = visit_record_json(visit);
    auto demands = nlohmann::json::array();
    SQLite::Statement q(db.sql(), "SELECT id FROM demand WHERE visit_id = ? ORDER BY id");
    q.bind(1, visit.id);
    while (q.executeStep()) {
        const auto d = get_demand(db, q.getColumn(0).getInt64());
        demands.push_back({{"id", d.id},
                           {"category", d.category},
                           {"status", d.status},
                           {"text", d.text},
                           {"unit", util::json_or_null(d.unit_name)},
                           {"due", util::json_or_null(d.due)}});
    }
    json["demands"] = std::move(demands);
    return json;
}

std::vector<output::Section> visit_sections(storage::Database& db, const Visit& visit) {
    using output::Column;
    using output::Kind;
    output::Section top;
    top.fields = {Column{"id", "编号", Kind::integer},
                  Column{"date", "日期", Kind::text},
                  Column{"kind", "形式", Kind::text},
                  Column{"enterprise_id", "企业编号", Kind::integer},
                  Column{"uscc", "统一社会信用代码", Kind::text},
                  Column{"name", "企业名称", Kind::text},
                  Column{"officers", "民警", Kind::list},
                  Column{"project", "项目", Kind::text},
                  Column{"summary", "走访情况", Kind::text}};
    std::vector<std::string> officers;
    for (const auto& o : visit.officers) {
        officers.push_back(o.badge + " " + o.name);
    }
    top.values = {visit.id,
                  visit.date,
                  visit.kind,
                  visit.enterprise_id,
                  visit.uscc,
                  visit.enterprise_name,
                  officers,
                  opt(visit.project_name),
                  visit.summary};

    output::Section demands;
    demands.title = "收集的诉求";
    output::Table table;
    table.columns = {Column{"id", "编号", Kind::integer, {}, true},
                     Column{"category", "类别", Kind::text},
                     Column{"status",
                            "状态",
                            Kind::text,
                            [](std::string_view code) { return demand_status_label(code); }},
                     Column{"unit", "承办单位", Kind::text},
                     Column{"due", "办理期限", Kind::text},
                     Column{"text", "诉求内容", Kind::text}};
    SQLite::Statement q(db.sql(), "SELECT id FROM demand WHERE visit_id = ? ORDER BY id");
    q.bind(1, visit.id);
    while (q.executeStep()) {
        const auto d = get_demand(db, q.getColumn(0).getInt64());
        table.rows.push_back({d.id, d.category, d.status, opt(d.unit_name), opt(d.due), d.text});
    }
    demands.table = std::move(table);
    return {top, demands};
}

std::vector<output::Column> visit_due_columns() {
    using output::Column;
    using output::Kind;
    return {Column{"enterprise_id", "企业编号", Kind::integer, {}, true},
            Column{"uscc", "统一社会信用代码", Kind::text},
            Column{"name", "企业名称", Kind::text},
            Column{"officer", "警号", Kind::text},
            Column{"officer_name", "民警", Kind::text},
            Column{"role", "角色", Kind::text},
            Column{"last_visit", "上次走访", Kind::text},
            Column{"due_date", "应走访日期", Kind::text},
            Column{"days_overdue", "超期天数", Kind::integer, {}, true},
            Column{"project_id", "项目编号", Kind::integer, {}, true},
            Column{"project", "项目", Kind::text},
            Column{"town", "镇街", Kind::text},
            Column{"interval_days", "走访间隔(天)", Kind::integer, {}, true}};
}

namespace {

// The select of visit-due: ?1 is the as-of date; ?2..?11 the (role, days) pairs of the
// interval table; the filters follow. The clock of an assignment starts at its since-date even
// when the officer had visited before (a new assignment gets a whole interval).
std::string due_select() {
    std::string intervals;
    for (std::size_t i = 0; i < officer_roles().size(); ++i) {
        intervals += fmt::format("{}(?{}, ?{})", i == 0 ? "" : ", ", 2 + 2 * i, 3 + 2 * i);
    }
    return "WITH interval(role, days) AS (VALUES " + intervals
           + "),"
             " due AS ("
             "  SELECT eo.enterprise_id AS enterprise_id, eo.officer_id AS officer_id,"
             "   eo.role AS role, NULL AS project_id, NULL AS project_name,"
             "   (SELECT max(v.date) FROM visit v JOIN visit_officer vo ON vo.visit_id = v.id"
             "     WHERE v.enterprise_id = eo.enterprise_id AND vo.officer_id = eo.officer_id"
             "     AND v.date <= ?1) AS last_visit,"
             "   eo.since AS start, i.days AS days"
             "  FROM enterprise_officer eo JOIN interval i ON i.role = eo.role"
             "  WHERE eo.since <= ?1"
             "  UNION ALL"
             "  SELECT p.enterprise_id, p.officer_id, '项目警官', p.id, p.name,"
             "   (SELECT max(v.date) FROM visit v JOIN visit_officer vo ON vo.visit_id = v.id"
             "     WHERE v.project_id = p.id AND vo.officer_id = p.officer_id AND v.date <= ?1),"
             "   p.since,"
             "   coalesce(p.visit_interval_days,"
             "            (SELECT days FROM interval WHERE role = '项目警官'))"
             "  FROM project p WHERE p.since <= ?1),"
             " c AS (SELECT *, date(max(coalesce(last_visit, start), start),"
             "   '+' || days || ' days') AS due_date FROM due)"
             " SELECT c.enterprise_id, e.uscc, e.name, o.badge, o.name, c.role, c.last_visit,"
             "  c.due_date, CAST(julianday(?1) - julianday(c.due_date) AS INTEGER) AS days_overdue,"
             "  c.project_id, c.project_name, e.town, c.days"
             " FROM c JOIN officer o ON o.id = c.officer_id"
             " LEFT JOIN enterprise e ON e.id = c.enterprise_id";
}

std::vector<SortKey> due_sort_keys() {
    return {{"enterprise_id", "c.enterprise_id"},
            {"uscc", "e.uscc"},
            {"name", "e.name"},
            {"officer", "o.badge"},
            {"officer_name", "o.name"},
            {"role", "c.role"},
            {"last_visit", "c.last_visit"},
            {"due_date", "c.due_date"},
            {"days_overdue", "days_overdue"},
            {"project_id", "c.project_id"},
            {"project", "c.project_name"},
            {"town", "e.town"},
            {"interval_days", "c.days"}};
}

// Bind the as-of date and the interval table of due_select(); returns the next index.
int bind_due_head(SQLite::Statement& q, storage::Database& db, const std::string& as_of) {
    q.bind(1, as_of);
    int index = 2;
    for (const auto& role : officer_roles()) {
        q.bind(index++, role);
        q.bind(index++, get_int_setting(db, "visit.interval." + role));
    }
    return index;
}

} // namespace

std::int64_t list_visits_due(storage::Database& db,
                             const VisitDueQuery& query,
                             util::Date today,
                             const RowSink& sink) {
    const auto as_of =
        util::format_date(util::parse_date_arg(query.as_of.value_or("today"), today));
    ListQuery filter(
        due_select(), due_sort_keys(), "days_overdue DESC, c.enterprise_id, o.badge, c.project_id");
    if (query.role) {
        check_role(*query.role);
        filter.add("c.role = ?", {*query.role});
    }
    if (query.town) {
        filter.add("e.town = ?", {resolve_town(*query.town).name});
    }
    if (query.officer) {
        filter.add("c.officer_id = ?", {get_officer(db, *query.officer).id});
    }
    filter.add("c.due_date < ?1");
    return filter.run(
        db,
        query.paging,
        [&](SQLite::Statement& q) {
            sink({opt(storage::optional_int(q, 0)),
                  opt(storage::optional_text(q, 1)),
                  opt(storage::optional_text(q, 2)),
                  q.getColumn(3).getString(),
                  q.getColumn(4).getString(),
                  q.getColumn(5).getString(),
                  opt(storage::optional_text(q, 6)),
                  q.getColumn(7).getString(),
                  q.getColumn(8).getInt64(),
                  opt(storage::optional_int(q, 9)),
                  opt(storage::optional_text(q, 10)),
                  opt(storage::optional_text(q, 11)),
                  q.getColumn(12).getInt64()});
        },
        [&](SQLite::Statement& q) { return bind_due_head(q, db, as_of); });
}

FilePart
visit_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& /*options*/) {
    using output::Column;
    using output::Kind;
    FilePart part;
    part.key = "visits";
    part.title = fmt::format("最近走访（最多 {} 次）", k_file_visits);
    part.table.columns = {Column{"id", "编号", Kind::integer, {}, true},
                          Column{"date", "日期", Kind::text},
                          Column{"kind", "形式", Kind::text},
                          Column{"officers", "民警", Kind::list},
                          Column{"summary", "走访情况", Kind::text},
                          Column{"demands", "诉求数", Kind::integer, {}, true}};
    SQLite::Statement q(db.sql(),
                        list_select()
                            + fmt::format(" WHERE v.enterprise_id = ? ORDER BY v.date DESC,"
                                          " v.id DESC LIMIT {}",
                                          k_file_visits));
    q.bind(1, enterprise_id);
    while (q.executeStep()) {
        const auto officers = list_value(storage::optional_text(q, 7));
        part.table.rows.push_back({q.getColumn(0).getInt64(),
                                   q.getColumn(1).getString(),
                                   q.getColumn(2).getString(),
                                   officers,
                                   q.getColumn(9).getString(),
                                   q.getColumn(12).getInt64()});
        part.json.push_back({{"id", q.getColumn(0).getInt64()},
                             {"date", q.getColumn(1).getString()},
                             {"kind", q.getColumn(2).getString()},
                             {"officers", std::get<std::vector<std::string>>(officers)},
                             {"summary", q.getColumn(9).getString()},
                             {"project_id", util::json_or_null(storage::optional_int(q, 10))},
                             {"demands", q.getColumn(12).getInt64()}});
    }
    return part;
}

} // namespace hujing::domain
