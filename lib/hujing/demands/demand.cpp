// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/demands/demand.hpp>
#include <hujing/error.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/settings/config.hpp>
#include <hujing/storage/columns.hpp>
#include <hujing/util/json.hpp>
#include <hujing/util/number.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace hujing::domain {

namespace {

constexpr std::int64_t k_max_within = 15;

constexpr const char* k_select =
    "SELECT d.id, d.enterprise_id, e.uscc, e.name, d.visit_id, d.category, d.text, d.source,"
    " d.status, d.unit_id, u.code, u.name, d.due, d.sla_days, d.created, d.resolved, d.on_time,"
    " d.closed, d.reopens, d.escalations, d.score, d.comment"
    " FROM demand d JOIN enterprise e ON e.id = d.enterprise_id"
    " LEFT JOIN unit u ON u.id = d.unit_id";

Demand read_demand(SQLite::Statement& q) {
    Demand d;
    storage::read_columns(q,
                          d.id,
                          d.enterprise_id,
                          d.uscc,
                          d.enterprise_name,
                          d.visit_id,
                          d.category,
                          d.text,
                          d.source,
                          d.status,
                          d.unit_id,
                          d.unit_code,
                          d.unit_name,
                          d.due,
                          d.sla_days,
                          d.created,
                          d.resolved,
                          d.on_time,
                          d.closed,
                          d.reopens,
                          d.escalations,
                          d.score,
                          d.comment);
    return d;
}

// The verbs allowed in each status, in the order they are offered.
std::vector<std::string> allowed_verbs(std::string_view status) {
    if (status == "collected") {
        return {"route"};
    }
    if (status == "routed") {
        return {"handle", "route", "escalate"};
    }
    if (status == "resolved") {
        return {"feedback"};
    }
    if (status == "fed_back") {
        return {"rate"};
    }
    return {};
}

// Throw Exit::conflict naming the current state and the allowed verbs unless `verb` is allowed.
void require_verb(const Demand& d, std::string_view verb) {
    const auto verbs = allowed_verbs(d.status);
    if (std::find(verbs.begin(), verbs.end(), verb) != verbs.end()) {
        return;
    }
    throw Error(
        Exit::conflict,
        fmt::format("诉求 {} 当前状态为“{}”，不能 {}", d.id, demand_status_label(d.status), verb),
        verbs.empty() ? std::string("已评价办结，没有可用操作")
                      : "可用: " + util::join(verbs, ", "));
}

std::string require_text(const std::string& text, const char* what) {
    auto trimmed = std::string(util::trim(text));
    if (trimmed.empty()) {
        throw_invalid(fmt::format("{}不能为空", what));
    }
    return trimmed;
}

void check_member(std::string_view value,
                  const std::vector<std::string>& allowed,
                  const char* what) {
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
        throw_invalid(fmt::format("{}无效: {}", what, value), "可用: " + util::join(allowed, "、"));
    }
}

// The status code for `text`, which may be the code or its Chinese label.
std::string normalize_status(std::string_view text) {
    for (const auto& code : demand_statuses()) {
        if (text == code || text == demand_status_label(code)) {
            return code;
        }
    }
    std::vector<std::string> names;
    for (const auto& code : demand_statuses()) {
        names.push_back(code + "(" + demand_status_label(code) + ")");
    }
    throw_invalid(fmt::format("诉求状态无效: {}", text), "可用: " + util::join(names, " "));
}

// The demand as the audit log records it: the json of demand_view() without the day-relative
// `overdue`.
nlohmann::json record_json(const Demand& d, util::Date today) {
    auto json = demand_view(today).json(d);
    json.erase("overdue");
    return json;
}

// One timeline entry to record with a change.
struct EventRecord {
    std::string action;
    std::optional<std::string> note;
    std::optional<std::int64_t> unit_id;
    std::optional<std::string> due;
    std::optional<std::int64_t> score;
};

// A step may not be dated before the step it follows (a back-dated `--today` would make the
// timeline and the on-time figures lie); dates are ISO text, so they compare as strings.
void check_in_order(storage::Database& db, std::int64_t id, const std::string& at) {
    SQLite::Statement q(db.sql(), "SELECT max(at) FROM demand_event WHERE demand_id = ?");
    q.bind(1, id);
    if (q.executeStep() && !q.isColumnNull(0)) {
        const auto last = q.getColumn(0).getString();
        if (at < last) {
            throw_invalid(
                fmt::format("日期 {} 早于诉求 {} 上一步的日期 {}", at, id, last),
                fmt::format("按时间顺序办理；补录时用 --today 给出不早于 {} 的日期", last));
        }
    }
}

// Record `event` for `before` (now changed in the table), its audit row, and return the demand
// as it is now.
Demand record(storage::WriteTransaction& tx,
              storage::Database& db,
              const std::optional<Demand>& before,
              std::int64_t id,
              const EventRecord& event,
              util::Date today) {
    const auto at = util::format_date(today);
    check_in_order(db, id, at);
    SQLite::Statement insert(
        db.sql(),
        "INSERT INTO demand_event(demand_id, at, action, actor, note, unit_id, due, score)"
        " VALUES (?,?,?,?,?,?,?,?)");
    insert.bind(1, id);
    insert.bind(2, at);
    insert.bind(3, event.action);
    insert.bind(4, db.actor().name);
    storage::bind_optional(insert, 5, event.note);
    storage::bind_optional(insert, 6, event.unit_id);
    storage::bind_optional(insert, 7, event.due);
    storage::bind_optional(insert, 8, event.score);
    insert.exec();
    Demand after = get_demand(db, id);
    auto after_json = record_json(after, today);
    after_json["event"] = {{"at", at},
                           {"action", event.action},
                           {"actor", db.actor().name},
                           {"note", util::json_or_null(event.note)}};
    tx.audit("demand",
             id,
             event.action,
             before ? record_json(*before, today) : nlohmann::json(),
             after_json);
    return after;
}

// A deadline worked out from the options: the date and the working days it represents.
struct Due {
    util::Date date;
    std::int64_t working_days = 0;
};

// Work out the deadline from `deadline`, or from the SLA of `category` when it gives none.
Due due_from(storage::Database& db,
             const Deadline& deadline,
             const std::string& category,
             util::Date today) {
    const auto& calendar = calendar::Calendar::builtin();
    if (deadline.due && deadline.within) {
        throw_invalid("--due 和 --within 只能给一个");
    }
    if (deadline.due) {
        const auto date = util::parse_date_arg(*deadline.due, today);
        if (date < today) {
            throw_invalid(fmt::format("办理期限 {} 早于今天 {}",
                                      util::format_date(date),
                                      util::format_date(today)),
                          "期限不能是过去的日期");
        }
        return Due{date, calendar.working_days_between(today, date)};
    }
    std::int64_t days = 0;
    if (deadline.within) {
        days = *deadline.within;
        if (days < 1 || days > k_max_within) {
            throw_invalid(fmt::format("办理时限无效: {} 个工作日", days),
                          fmt::format("应为 1 到 {} 个工作日", k_max_within));
        }
    } else {
        days = get_int_setting(db, "demand.sla." + category);
    }
    return Due{compute_due(calendar, today, static_cast<int>(days)), days};
}

std::int64_t centre_id(storage::Database& db) {
    SQLite::Statement q(db.sql(), "SELECT id FROM unit WHERE kind = 'centre' ORDER BY id LIMIT 1");
    if (!q.executeStep()) {
        throw_not_found("单位", "护企优商服务中心", "用 hujing unit add … --kind centre 添加");
    }
    return q.getColumn(0).getInt64();
}

// The unit a demand at `current` escalates to.
Unit escalation_target(storage::Database& db, const Demand& d, const Unit& current) {
    if (current.kind == "centre") {
        throw_conflict(fmt::format("诉求 {} 已在{}（中心），无法再上报", d.id, current.name),
                       "由中心直接协调处置");
    }
    if ((current.kind == "liaison_room" || current.kind == "subcentre") && current.parent_id) {
        return get_unit(db, std::to_string(*current.parent_id));
    }
    return get_unit(db, std::to_string(centre_id(db)));
}

void update_status(storage::Database& db, std::int64_t id, const char* status) {
    SQLite::Statement q(db.sql(), "UPDATE demand SET status = ? WHERE id = ?");
    q.bind(1, status);
    q.bind(2, id);
    q.exec();
}

std::string status_display(std::string_view code) {
    return demand_status_label(code);
}

std::string action_display(std::string_view code) {
    return demand_action_label(code);
}

// The fields of a timeline entry (`show` sub-table and json `events`).
const output::View<DemandEvent>& event_view() {
    using F = output::Field<DemandEvent>;
    using output::Kind;
    using output::member;
    static const output::View<DemandEvent> view({
        F{"at", "日期", Kind::text, member(&DemandEvent::at)},
        F{"action", "环节", Kind::text, member(&DemandEvent::action), {}, action_display},
        F{"actor", "经办人", Kind::text, member(&DemandEvent::actor)},
        F{"unit", "单位", Kind::text, member(&DemandEvent::unit_name)},
        F{"due", "期限", Kind::text, member(&DemandEvent::due)},
        F{"score", "评分", Kind::integer, member(&DemandEvent::score)},
        F{"note", "说明", Kind::text, member(&DemandEvent::note)},
    });
    return view;
}

} // namespace

const std::vector<std::string>& demand_categories() {
    static const std::vector<std::string> categories = k_demand_categories.codes();
    return categories;
}

const std::vector<std::string>& demand_sources() {
    static const std::vector<std::string> sources = k_demand_sources.codes();
    return sources;
}

const std::vector<std::string>& demand_statuses() {
    static const std::vector<std::string> statuses = k_demand_statuses.codes();
    return statuses;
}

std::string demand_status_label(std::string_view code) {
    return k_demand_statuses.label(code);
}

std::string demand_action_label(std::string_view code) {
    return k_demand_actions.label(code);
}

void check_category(std::string_view category) {
    check_member(category, demand_categories(), "诉求类别");
}

std::int64_t parse_demand_id(std::string_view text) {
    return util::parse_id(text, "诉求");
}

bool Demand::overdue(util::Date today) const {
    return status == "routed" && due && *due < util::format_date(today);
}

Demand get_demand(storage::Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(), std::string(k_select) + " WHERE d.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) {
        throw_not_found("诉求", std::to_string(id), "用 hujing demand list 查看");
    }
    return read_demand(q);
}

std::vector<DemandEvent> demand_events(storage::Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(),
                        "SELECT ev.id, ev.at, ev.action, ev.actor, ev.note, u.name, ev.due,"
                        " ev.score FROM demand_event ev LEFT JOIN unit u ON u.id = ev.unit_id"
                        " WHERE ev.demand_id = ? ORDER BY ev.id");
    q.bind(1, id);
    std::vector<DemandEvent> events;
    while (q.executeStep()) {
        DemandEvent e;
        storage::read_columns(
            q, e.id, e.at, e.action, e.actor, e.note, e.unit_name, e.due, e.score);
        events.push_back(std::move(e));
    }
    return events;
}

std::vector<Demand> visit_demands(storage::Database& db, std::int64_t visit_id) {
    SQLite::Statement q(db.sql(), std::string(k_select) + " WHERE d.visit_id = ? ORDER BY d.id");
    q.bind(1, visit_id);
    std::vector<Demand> out;
    while (q.executeStep()) {
        out.push_back(read_demand(q));
    }
    return out;
}

util::Date compute_due(const calendar::Calendar& calendar, util::Date routed_on, int working_days) {
    return calendar.add_working_days(routed_on, working_days);
}

std::int64_t open_demand(storage::WriteTransaction& tx,
                         storage::Database& db,
                         std::int64_t enterprise_id,
                         std::optional<std::int64_t> visit_id,
                         const std::string& category,
                         const std::string& source,
                         const std::string& text,
                         util::Date today) {
    const auto body = require_text(text, "诉求内容");
    check_category(category);
    check_member(source, demand_sources(), "诉求来源");
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO demand(enterprise_id, visit_id, category, text, source,"
                             " status, created) VALUES (?,?,?,?,?,'collected',?)");
    insert.bind(1, enterprise_id);
    storage::bind_optional(insert, 2, visit_id);
    insert.bind(3, category);
    insert.bind(4, body);
    insert.bind(5, source);
    insert.bind(6, util::format_date(today));
    insert.exec();
    const auto id = db.sql().getLastInsertRowid();
    record(tx, db, std::nullopt, id, EventRecord{"add", body, {}, {}, {}}, today);
    return id;
}

std::int64_t add_demand(storage::WriteTransaction& tx,
                        storage::Database& db,
                        const NewDemand& demand,
                        util::Date today) {
    require_text(demand.text, "诉求内容");
    check_category(demand.category);
    check_member(demand.source, demand_sources(), "诉求来源");
    const auto enterprise = get_enterprise_ref(db, demand.enterprise);
    if (demand.visit_id) {
        SQLite::Statement q(db.sql(), "SELECT enterprise_id FROM visit WHERE id = ?");
        q.bind(1, *demand.visit_id);
        if (!q.executeStep()) {
            throw_not_found("走访记录", std::to_string(*demand.visit_id));
        }
        if (q.getColumn(0).getInt64() != enterprise.id) {
            throw_invalid(
                fmt::format("走访记录 {} 不是对{}的走访", *demand.visit_id, enterprise.name),
                "--visit 应为同一企业的走访");
        }
    }
    return open_demand(
        tx, db, enterprise.id, demand.visit_id, demand.category, demand.source, demand.text, today);
}

Demand route_demand(storage::WriteTransaction& tx,
                    storage::Database& db,
                    std::int64_t id,
                    const std::string& unit_key,
                    const Deadline& deadline,
                    util::Date today) {
    const Demand before = get_demand(db, id);
    const Due due = due_from(db, deadline, before.category, today);
    require_verb(before, "route");
    const Unit unit = get_unit(db, unit_key);
    const bool transfer = before.status == "routed";
    if (transfer && before.unit_id == unit.id) {
        throw_conflict(fmt::format("诉求 {} 已在{}办理", id, unit.name),
                       "转办请指定其他单位；需上级协调用 escalate");
    }
    SQLite::Statement q(db.sql(),
                        "UPDATE demand SET status = 'routed', unit_id = ?, due = ?, sla_days = ?"
                        " WHERE id = ?");
    const auto due_text = util::format_date(due.date);
    q.bind(1, unit.id);
    q.bind(2, due_text);
    q.bind(3, due.working_days);
    q.bind(4, id);
    q.exec();
    EventRecord event{transfer ? "transfer" : "route", {}, unit.id, due_text, {}};
    if (transfer) {
        event.note = "由" + before.unit_name.value_or("?") + "转办";
    }
    return record(tx, db, before, id, event, today);
}

Demand handle_demand(storage::WriteTransaction& tx,
                     storage::Database& db,
                     std::int64_t id,
                     const std::string& note,
                     Resolved resolved,
                     util::Date today) {
    const Demand before = get_demand(db, id);
    const auto body = require_text(note, "办理情况");
    require_verb(before, "handle");
    if (resolved == Resolved::no) {
        return record(tx, db, before, id, EventRecord{"handle", body, {}, {}, {}}, today);
    }
    const auto today_text = util::format_date(today);
    const bool on_time = !before.due || today_text <= *before.due;
    SQLite::Statement q(
        db.sql(), "UPDATE demand SET status = 'resolved', resolved = ?, on_time = ? WHERE id = ?");
    q.bind(1, today_text);
    q.bind(2, on_time ? 1 : 0);
    q.bind(3, id);
    q.exec();
    return record(
        tx, db, before, id, EventRecord{"resolve", body, before.unit_id, before.due, {}}, today);
}

Demand feedback_demand(storage::WriteTransaction& tx,
                       storage::Database& db,
                       std::int64_t id,
                       const std::string& note,
                       util::Date today) {
    const Demand before = get_demand(db, id);
    const auto body = require_text(note, "反馈内容");
    require_verb(before, "feedback");
    update_status(db, id, "fed_back");
    return record(tx, db, before, id, EventRecord{"feedback", body, {}, {}, {}}, today);
}

Demand rate_demand(storage::WriteTransaction& tx,
                   storage::Database& db,
                   std::int64_t id,
                   std::int64_t score,
                   const std::optional<std::string>& comment,
                   util::Date today) {
    const Demand before = get_demand(db, id);
    if (score < 1 || score > 5) {
        throw_invalid(fmt::format("评分无效: {}", score),
                      "5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意");
    }
    require_verb(before, "rate");
    std::optional<std::string> note;
    if (comment && !util::trim(*comment).empty()) {
        note = std::string(util::trim(*comment));
    }
    if (score >= 3) {
        SQLite::Statement q(db.sql(),
                            "UPDATE demand SET status = 'rated', closed = ?, score = ?,"
                            " comment = ? WHERE id = ?");
        q.bind(1, util::format_date(today));
        q.bind(2, score);
        storage::bind_optional(q, 3, note);
        q.bind(4, id);
        q.exec();
        return record(tx, db, before, id, EventRecord{"rate", note, {}, {}, score}, today);
    }
    // Not satisfied: back to the same unit with the same number of working days from today.
    const auto days = std::max<std::int64_t>(
        1, before.sla_days.value_or(get_int_setting(db, "demand.sla." + before.category)));
    const auto due_text = util::format_date(
        compute_due(calendar::Calendar::builtin(), today, static_cast<int>(days)));
    SQLite::Statement q(db.sql(),
                        "UPDATE demand SET status = 'routed', due = ?, resolved = NULL,"
                        " on_time = NULL, closed = NULL, score = ?, comment = ?,"
                        " reopens = reopens + 1 WHERE id = ?");
    q.bind(1, due_text);
    q.bind(2, score);
    storage::bind_optional(q, 3, note);
    q.bind(4, id);
    q.exec();
    return record(
        tx, db, before, id, EventRecord{"reopen", note, before.unit_id, due_text, score}, today);
}

Demand escalate_demand(storage::WriteTransaction& tx,
                       storage::Database& db,
                       std::int64_t id,
                       const std::string& reason,
                       const Deadline& deadline,
                       util::Date today) {
    const Demand before = get_demand(db, id);
    const auto body = require_text(reason, "上报理由");
    std::optional<Due> due;
    if (deadline.due || deadline.within) {
        due = due_from(db, deadline, before.category, today);
    }
    require_verb(before, "escalate");
    const Unit current = get_unit(db, std::to_string(before.unit_id.value_or(0)));
    const Unit target = escalation_target(db, before, current);
    SQLite::Statement q(db.sql(),
                        "UPDATE demand SET unit_id = ?, due = coalesce(?, due),"
                        " sla_days = coalesce(?, sla_days), escalations = escalations + 1"
                        " WHERE id = ?");
    q.bind(1, target.id);
    if (due) {
        q.bind(2, util::format_date(due->date));
        q.bind(3, due->working_days);
    } else {
        q.bind(2);
        q.bind(3);
    }
    q.bind(4, id);
    q.exec();
    const auto after_due =
        due ? std::optional<std::string>(util::format_date(due->date)) : before.due;
    return record(
        tx, db, before, id, EventRecord{"escalate", body, target.id, after_due, {}}, today);
}

output::View<Demand> demand_view(util::Date today) {
    using F = output::Field<Demand>;
    using output::Kind;
    using output::member;
    const auto overdue_sql = "(d.status = 'routed' AND d.due < '" + util::format_date(today) + "')";
    return output::View<Demand>(
        {F{"id", "编号", Kind::integer, member(&Demand::id), "d.id"},
         F{"enterprise_id",
           "企业编号",
           Kind::integer,
           member(&Demand::enterprise_id),
           "d.enterprise_id"},
         F{"uscc", "统一社会信用代码", Kind::text, member(&Demand::uscc), "e.uscc"},
         F{"name", "企业名称", Kind::text, member(&Demand::enterprise_name), "e.name"},
         F{"category", "类别", Kind::text, member(&Demand::category), "d.category"},
         F{"status", "状态", Kind::text, member(&Demand::status), "d.status", status_display},
         F{"unit", "承办单位", Kind::text, member(&Demand::unit_name), "u.name"},
         F{"due", "办理期限", Kind::text, member(&Demand::due), "d.due"},
         F{"created", "收集日期", Kind::text, member(&Demand::created), "d.created"},
         F{"closed", "办结日期", Kind::text, member(&Demand::closed), "d.closed"},
         F{"reopens", "重办次数", Kind::integer, member(&Demand::reopens), "d.reopens"},
         F{"overdue",
           "超期",
           Kind::boolean,
           [today](const Demand& d) { return d.overdue(today); },
           overdue_sql,
           {},
           output::tone_if_true(output::Tone::red)},
         F{"score", "评分", Kind::integer, member(&Demand::score), "d.score"},
         F{"text", "诉求内容", Kind::text, member(&Demand::text), "d.text"},
         F{"source", "来源", Kind::text, member(&Demand::source), "d.source"},
         F{"visit_id", "走访编号", Kind::integer, member(&Demand::visit_id), "d.visit_id"},
         F{"unit_id", "单位编号", Kind::integer, member(&Demand::unit_id), "d.unit_id"},
         F{"unit_code", "单位代码", Kind::text, member(&Demand::unit_code), "u.code"},
         F{"sla_days", "时限(工作日)", Kind::integer, member(&Demand::sla_days), "d.sla_days"},
         F{"resolved", "处置日期", Kind::text, member(&Demand::resolved), "d.resolved"},
         F{"on_time", "按期处置", Kind::boolean, member(&Demand::on_time), "d.on_time"},
         F{"escalations", "上报次数", Kind::integer, member(&Demand::escalations), "d.escalations"},
         F{"comment", "评价意见", Kind::text, member(&Demand::comment), "d.comment"}},
        {"id", "name", "category", "status", "unit", "due", "overdue", "text"});
}

std::int64_t list_demands(storage::Database& db,
                          const DemandQuery& query,
                          util::Date today,
                          const RowSink& sink) {
    const auto today_text = util::format_date(today);
    const auto view = demand_view(today);
    ListQuery filter(k_select, storage::sort_keys(view), "d.id");
    if (query.status) {
        filter.add("d.status = ?", {normalize_status(*query.status)});
    }
    if (query.overdue) {
        // Written out literally so the planner uses demand_status_due.
        filter.add("d.status = 'routed' AND d.due < ?", {today_text});
    }
    if (query.category) {
        check_category(*query.category);
        filter.add("d.category = ?", {*query.category});
    }
    filter.add_date_range("d.created", query.since, query.until, today);
    if (query.unit) {
        filter.add("d.unit_id = ?", {get_unit(db, *query.unit).id});
    }
    if (query.enterprise) {
        filter.add("d.enterprise_id = ?", {get_enterprise_ref(db, *query.enterprise).id});
    }
    return filter.run(
        db, query.paging, [&](SQLite::Statement& q) { sink(view.row(read_demand(q))); });
}

DemandPage read_demand_page(storage::Database& db, std::int64_t id) {
    const storage::ReadTransaction snapshot(db);
    DemandPage page{get_demand(db, id), {}};
    page.events = demand_events(db, id);
    return page;
}

nlohmann::json demand_page_json(const DemandPage& page, util::Date today) {
    auto json = demand_view(today).json(page.demand);
    json["events"] = event_view().json_array(page.events);
    return json;
}

std::vector<output::Section> demand_page_sections(const DemandPage& page, util::Date today) {
    return {demand_view(today).section(page.demand),
            output::Section{"办理记录", {}, {}, event_view().table(page.events)}};
}

FilePart
demand_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options) {
    SQLite::Statement q(db.sql(),
                        std::string(k_select)
                            + " WHERE d.enterprise_id = ? AND d.status <> 'rated' ORDER BY d.id");
    q.bind(1, enterprise_id);
    std::vector<Demand> open;
    while (q.executeStep()) {
        open.push_back(read_demand(q));
    }
    return file_part("demands",
                     "未办结诉求",
                     demand_view(options.today),
                     {"id", "created", "category", "status", "unit", "due", "overdue", "text"},
                     open);
}

} // namespace hujing::domain
