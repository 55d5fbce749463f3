// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/demands/demand.hpp>
#include <hujing/error.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/registry/division.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/settings/config.hpp>
#include <hujing/storage/columns.hpp>
#include <hujing/util/json.hpp>
#include <hujing/util/number.hpp>
#include <hujing/util/text.hpp>
#include <hujing/visits/demand_arg.hpp>
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
             " (SELECT count(*) FROM demand d WHERE d.visit_id = v.id), v.created_at"
             " FROM visit v JOIN enterprise e ON e.id = v.enterprise_id"
             " LEFT JOIN project p ON p.id = v.project_id";
}

std::vector<std::string> split_list(const std::optional<std::string>& joined) {
    return joined ? util::split(*joined, ';') : std::vector<std::string>{};
}

// A visit from a row of list_select(); its officers from the joined badges and names.
Visit read_visit(SQLite::Statement& q) {
    Visit v;
    storage::read_columns(
        q, v.id, v.date, v.kind, v.enterprise_id, v.uscc, v.enterprise_name, v.town);
    const auto badges = split_list(storage::optional_text(q, 7));
    const auto names = split_list(storage::optional_text(q, 8));
    for (std::size_t i = 0; i < badges.size(); ++i) {
        v.officers.push_back({badges[i], i < names.size() ? names[i] : std::string()});
    }
    storage::read_columns_from(
        q, 9, v.summary, v.project_id, v.project_name, v.demand_count, v.created_at);
    return v;
}

// The officers of a visit as a list of one of their members.
std::function<output::Value(const Visit&)> officers_of(std::string VisitOfficer::*field) {
    return [field](const Visit& v) -> output::Value {
        std::vector<std::string> out;
        out.reserve(v.officers.size());
        for (const auto& o : v.officers) {
            out.push_back(o.*field);
        }
        return out;
    };
}

// The fields of one officer of a visit (`show` sub-table and json `officers`).
const output::View<VisitOfficer>& officer_view() {
    using F = output::Field<VisitOfficer>;
    using output::Kind;
    static const output::View<VisitOfficer> view({
        F{"badge", "警号", Kind::text, output::member(&VisitOfficer::badge)},
        F{"name", "姓名", Kind::text, output::member(&VisitOfficer::name)},
    });
    return view;
}

// The visit's own fields on its `show` page and in the audit log (officers and demands are
// sub-lists there).
const std::vector<std::string>& show_keys() {
    static const std::vector<std::string> keys = {"id",
                                                  "date",
                                                  "kind",
                                                  "enterprise_id",
                                                  "uscc",
                                                  "name",
                                                  "town",
                                                  "project_id",
                                                  "project",
                                                  "summary",
                                                  "created_at"};
    return keys;
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

// The visit as the audit log records it: its own fields and `officers: [{badge, name}]`.
nlohmann::json visit_record_json(const Visit& v) {
    auto json = visit_view().only(show_keys()).json(v);
    json["officers"] = officer_view().json_array(v.officers);
    return json;
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
    SQLite::Statement q(db.sql(), list_select() + " WHERE v.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) {
        throw_not_found("走访记录", std::to_string(id), "用 hujing visit list 查看");
    }
    Visit v = read_visit(q);
    // The officers once more by themselves: a name may hold the ';' the list joins with.
    v.officers.clear();
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
    std::vector<DemandArg> demands;
    for (const auto& arg : visit.demands) {
        demands.push_back(demand_arg(arg, visit.category));
        if (util::trim(demands.back().text).empty()) {
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
    for (const auto& [category, text] : demands) {
        logged.demand_ids.push_back(
            open_demand(tx, db, enterprise.id, logged.id, category, "走访", text, today));
    }
    return logged;
}

const output::View<Visit>& visit_view() {
    using F = output::Field<Visit>;
    using output::Kind;
    using output::member;
    static const output::View<Visit> view(
        {F{"id", "编号", Kind::integer, member(&Visit::id), "v.id"},
         F{"date", "日期", Kind::text, member(&Visit::date), "v.date"},
         F{"kind", "形式", Kind::text, member(&Visit::kind), "v.kind"},
         F{"enterprise_id",
           "企业编号",
           Kind::integer,
           member(&Visit::enterprise_id),
           "v.enterprise_id"},
         F{"uscc", "统一社会信用代码", Kind::text, member(&Visit::uscc), "e.uscc"},
         F{"name", "企业名称", Kind::text, member(&Visit::enterprise_name), "e.name"},
         F{"town", "镇街", Kind::text, member(&Visit::town), "e.town"},
         F{"officers", "民警", Kind::list, officers_of(&VisitOfficer::badge)},
         F{"officer_names", "民警姓名", Kind::list, officers_of(&VisitOfficer::name)},
         F{"summary", "走访情况", Kind::text, member(&Visit::summary), "v.summary"},
         F{"project_id", "项目编号", Kind::integer, member(&Visit::project_id), "v.project_id"},
         F{"project", "项目", Kind::text, member(&Visit::project_name), "p.name"},
         F{"demands", "诉求数", Kind::integer, member(&Visit::demand_count)},
         F{"created_at", "登记日期", Kind::text, member(&Visit::created_at), "v.created_at"}},
        {"id", "date", "kind", "enterprise_id", "name", "officers", "summary", "demands"});
    return view;
}

std::int64_t
list_visits(storage::Database& db, const VisitQuery& query, util::Date today, const RowSink& sink) {
    const auto& view = visit_view();
    ListQuery filter(list_select(), storage::sort_keys(view), "v.date DESC, v.id DESC");
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
    return filter.run(
        db, query.paging, [&](SQLite::Statement& q) { sink(view.row(read_visit(q))); });
}

VisitPage read_visit_page(storage::Database& db, std::int64_t id) {
    const storage::ReadTransaction snapshot(db);
    VisitPage page{get_visit(db, id), {}};
    page.demands = visit_demands(db, id);
    return page;
}

nlohmann::json visit_page_json(const VisitPage& page, util::Date today) {
    auto json = visit_record_json(page.visit);
    json["demands"] = demand_view(today).json_array(page.demands);
    return json;
}

std::vector<output::Section> visit_page_sections(const VisitPage& page, util::Date today) {
    const auto demands =
        demand_view(today).only({"id", "category", "status", "unit", "due", "text"});
    return {visit_view().only(show_keys()).section(page.visit),
            output::Section{"民警", {}, {}, officer_view().table(page.visit.officers)},
            output::Section{"收集的诉求", {}, {}, demands.table(page.demands)}};
}

const output::View<VisitDue>& visit_due_view() {
    using F = output::Field<VisitDue>;
    using output::Kind;
    using output::member;
    static const output::View<VisitDue> view(
        {F{"enterprise_id",
           "企业编号",
           Kind::integer,
           member(&VisitDue::enterprise_id),
           "c.enterprise_id"},
         F{"uscc", "统一社会信用代码", Kind::text, member(&VisitDue::uscc), "e.uscc"},
         F{"name", "企业名称", Kind::text, member(&VisitDue::name), "e.name"},
         F{"officer", "警号", Kind::text, member(&VisitDue::officer), "o.badge"},
         F{"officer_name", "民警", Kind::text, member(&VisitDue::officer_name), "o.name"},
         F{"role", "角色", Kind::text, member(&VisitDue::role), "c.role"},
         F{"last_visit", "上次走访", Kind::text, member(&VisitDue::last_visit), "c.last_visit"},
         F{"due_date", "应走访日期", Kind::text, member(&VisitDue::due_date), "c.due_date"},
         F{"days_overdue",
           "超期天数",
           Kind::integer,
           member(&VisitDue::days_overdue),
           "days_overdue",
           {},
           [](const output::Value& days) {
               const auto* n = std::get_if<std::int64_t>(&days);
               return n != nullptr && *n > 0 ? output::Tone::red : output::Tone::plain;
           }},
         F{"project_id", "项目编号", Kind::integer, member(&VisitDue::project_id), "c.project_id"},
         F{"project", "项目", Kind::text, member(&VisitDue::project), "c.project_name"},
         F{"town", "镇街", Kind::text, member(&VisitDue::town), "e.town"},
         F{"interval_days",
           "走访间隔(天)",
           Kind::integer,
           member(&VisitDue::interval_days),
           "c.days"}},
        {"enterprise_id",
         "uscc",
         "name",
         "officer",
         "officer_name",
         "role",
         "last_visit",
         "due_date",
         "days_overdue",
         "project"});
    return view;
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

// A row of due_select().
VisitDue read_due(SQLite::Statement& q) {
    VisitDue d;
    storage::read_columns(q,
                          d.enterprise_id,
                          d.uscc,
                          d.name,
                          d.officer,
                          d.officer_name,
                          d.role,
                          d.last_visit,
                          d.due_date,
                          d.days_overdue,
                          d.project_id,
                          d.project,
                          d.town,
                          d.interval_days);
    return d;
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
    const auto& view = visit_due_view();
    ListQuery filter(due_select(),
                     storage::sort_keys(view),
                     "days_overdue DESC, c.enterprise_id, o.badge, c.project_id");
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
        [&](SQLite::Statement& q) { sink(view.row(read_due(q))); },
        [&](SQLite::Statement& q) { return bind_due_head(q, db, as_of); });
}

FilePart
visit_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& /*options*/) {
    SQLite::Statement q(db.sql(),
                        list_select()
                            + fmt::format(" WHERE v.enterprise_id = ? ORDER BY v.date DESC,"
                                          " v.id DESC LIMIT {}",
                                          k_file_visits));
    q.bind(1, enterprise_id);
    std::vector<Visit> recent;
    while (q.executeStep()) {
        recent.push_back(read_visit(q));
    }
    return file_part("visits",
                     fmt::format("最近走访（最多 {} 次）", k_file_visits),
                     visit_view(),
                     {"id", "date", "kind", "officers", "summary", "demands"},
                     recent);
}

} // namespace hujing::domain
