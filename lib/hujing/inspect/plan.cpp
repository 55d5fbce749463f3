// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/inspect/draw.hpp>
#include <hujing/inspect/form.hpp>
#include <hujing/inspect/plan.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/settings/config.hpp>
#include <hujing/storage/columns.hpp>
#include <hujing/util/number.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <set>

namespace hujing::domain {

namespace {

constexpr const char* k_plan_select =
    "SELECT p.id, p.name, p.targeted, p.ratio, p.count, p.team_size, p.window_from, p.window_to,"
    " p.seed, p.credit_factors, p.exclude_recent_days, p.created, p.drawn_at, p.candidates,"
    " p.grade_counts, p.candidate_digest, p.pool_digest, p.published,"
    " (SELECT group_concat(form_id, ';') FROM (SELECT form_id FROM plan_form f"
    " WHERE f.plan_id = p.id ORDER BY position)),"
    " (SELECT count(*) FROM plan_target t WHERE t.plan_id = p.id) AS targets,"
    " (SELECT count(*) FROM inspection i WHERE i.plan_id = p.id) AS inspections"
    " FROM inspection_plan p";

Plan read_plan(SQLite::Statement& q) {
    Plan p;
    std::optional<std::string> forms;
    storage::read_columns(q,
                          p.id,
                          p.name,
                          p.targeted,
                          p.ratio,
                          p.count,
                          p.team_size,
                          p.window_from,
                          p.window_to,
                          p.seed,
                          p.credit_factors,
                          p.exclude_recent_days,
                          p.created,
                          p.drawn_at,
                          p.candidates,
                          p.grade_counts,
                          p.candidate_digest,
                          p.pool_digest,
                          p.published,
                          forms,
                          p.targets,
                          p.inspections);
    if (forms) {
        p.forms = util::split(*forms, ';');
    }
    return p;
}

std::string random_seed() {
    std::ifstream in("/dev/urandom", std::ios::binary);
    std::array<char, 8> bytes{};
    if (!in.read(bytes.data(), bytes.size())) {
        throw Error(Exit::internal, "无法读取 /dev/urandom 生成种子");
    }
    std::string out;
    for (const auto b : bytes) {
        out += fmt::format("{:02x}", static_cast<unsigned char>(b));
    }
    return out;
}

std::pair<std::string, std::string> parse_window(const std::string& window, util::Date today) {
    const auto sep = window.find("..");
    if (sep == std::string::npos) {
        throw_invalid(fmt::format("检查时段无效: {}", window),
                      "应为 FROM..TO，如 2025-04-01..2025-06-30");
    }
    const auto from = util::parse_date_arg(window.substr(0, sep), today);
    const auto to = util::parse_date_arg(window.substr(sep + 2), today);
    if (to < from) {
        throw_invalid(fmt::format("检查时段结束早于开始: {}", window));
    }
    return {util::format_date(from), util::format_date(to)};
}

void check_plan_shape(const NewPlan& p) {
    const int given = (p.ratio ? 1 : 0) + (p.count ? 1 : 0) + (p.enterprises.empty() ? 0 : 1);
    if (given != 1) {
        throw_invalid("--ratio、--count、--enterprises 须给且只给一个",
                      "随机抽查用 --ratio 或 --count，定向检查用 --enterprises");
    }
    if (p.ratio) {
        const auto r = parse_decimal(*p.ratio, "抽查比例");
        if (r <= 0 || r > k_decimal_scale) {
            throw_invalid(fmt::format("抽查比例无效: {}", *p.ratio), "应大于 0、不大于 1");
        }
    }
    if (p.count && *p.count < 1) {
        throw_invalid(fmt::format("抽查数量无效: {}", *p.count), "应为正整数");
    }
    if (p.team_size < 2) {
        throw_invalid(fmt::format("检查组人数无效: {}", p.team_size), "双随机检查至少 2 人");
    }
    if (util::trim(p.name).empty()) {
        throw_invalid("计划名称不能为空");
    }
    if (p.seed && util::trim(*p.seed).empty()) {
        throw_invalid("种子不能为空");
    }
}

void insert_children(storage::Database& db,
                     std::int64_t id,
                     const std::vector<std::string>& forms,
                     const std::vector<std::int64_t>& enterprises) {
    SQLite::Statement f(db.sql(),
                        "INSERT INTO plan_form(plan_id, position, form_id) VALUES (?,?,?)");
    int position = 0;
    for (const auto& form : forms) {
        f.bind(1, id);
        f.bind(2, ++position);
        f.bind(3, form);
        f.exec();
        f.reset();
    }
    SQLite::Statement e(db.sql(), "INSERT OR IGNORE INTO plan_enterprise VALUES (?,?)");
    for (const auto eid : enterprises) {
        e.bind(1, id);
        e.bind(2, eid);
        e.exec();
        e.reset();
    }
}

std::string grade_label(std::string_view g) {
    return std::string(g);
}

} // namespace

std::int64_t
add_plan(storage::WriteTransaction& tx, storage::Database& db, const NewPlan& p, util::Date today) {
    check_plan_shape(p);
    const auto factors = format_factors(parse_factors(p.credit_factors));
    const auto [from, to] = parse_window(p.window, today);
    std::set<std::string> seen;
    for (const auto& form : p.forms) {
        get_form(db, form);
        if (!seen.insert(form).second) {
            throw_invalid(fmt::format("表单重复: {}", form));
        }
    }
    if (p.forms.empty()) {
        throw_invalid("没有给出表单", "--forms lodging,netcafe");
    }
    std::vector<std::int64_t> enterprises;
    for (const auto& key : p.enterprises) {
        enterprises.push_back(get_enterprise_ref(db, key).id);
    }
    SQLite::Statement exists(db.sql(), "SELECT 1 FROM inspection_plan WHERE name = ?");
    exists.bind(1, std::string(util::trim(p.name)));
    if (exists.executeStep()) {
        throw_conflict(fmt::format("抽查计划名称已存在: {}", p.name), "换一个名称");
    }
    const auto exclude =
        p.exclude_recent_days.value_or(get_int_setting(db, "inspect.exclude_recent_days"));
    if (exclude < 0) {
        throw_invalid(fmt::format("--exclude-recent-days 无效: {}", exclude));
    }
    SQLite::Statement q(db.sql(),
                        "INSERT INTO inspection_plan(name, targeted, ratio, count, team_size,"
                        " window_from, window_to, seed, credit_factors, exclude_recent_days,"
                        " created) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    q.bind(1, std::string(util::trim(p.name)));
    q.bind(2, enterprises.empty() ? 0 : 1);
    storage::bind_optional(q, 3, p.ratio);
    storage::bind_optional(q, 4, p.count);
    q.bind(5, p.team_size);
    q.bind(6, from);
    q.bind(7, to);
    q.bind(8, p.seed ? std::string(util::trim(*p.seed)) : random_seed());
    q.bind(9, factors);
    q.bind(10, exclude);
    q.bind(11, util::format_date(today));
    q.exec();
    const auto id = db.sql().getLastInsertRowid();
    insert_children(db, id, p.forms, enterprises);
    tx.audit(
        "inspection_plan", id, "add", nullptr, plan_view().json(get_plan(db, std::to_string(id))));
    return id;
}

Plan get_plan(storage::Database& db, std::string_view key) {
    const auto id = util::to_id(key);
    SQLite::Statement q(
        db.sql(), std::string(k_plan_select) + (id ? " WHERE p.id = ?" : " WHERE p.name = ?"));
    if (id) {
        q.bind(1, *id);
    } else {
        q.bind(1, std::string(key));
    }
    if (!q.executeStep()) {
        throw_not_found("抽查计划", key, "用 hujing inspect plan list 查看");
    }
    return read_plan(q);
}

output::View<Plan> plan_view() {
    using F = output::Field<Plan>;
    using output::Kind;
    using output::member;
    return output::View<Plan>(
        {F{"id", "编号", Kind::integer, member(&Plan::id), "p.id"},
         F{"name", "计划名称", Kind::text, member(&Plan::name), "p.name"},
         F{"targeted", "定向", Kind::boolean, member(&Plan::targeted), "p.targeted"},
         F{"forms", "表单", Kind::list, member(&Plan::forms)},
         F{"ratio", "比例", Kind::text, member(&Plan::ratio), "p.ratio"},
         F{"count", "数量", Kind::integer, member(&Plan::count), "p.count"},
         F{"team_size", "每组人数", Kind::integer, member(&Plan::team_size), "p.team_size"},
         F{"window_from", "开始", Kind::text, member(&Plan::window_from), "p.window_from"},
         F{"window_to", "结束", Kind::text, member(&Plan::window_to), "p.window_to"},
         F{"seed", "种子", Kind::text, member(&Plan::seed), "p.seed"},
         F{"credit_factors", "信用系数", Kind::text, member(&Plan::credit_factors)},
         F{"exclude_recent_days",
           "排除近期(天)",
           Kind::integer,
           member(&Plan::exclude_recent_days)},
         F{"created", "创建日期", Kind::text, member(&Plan::created), "p.created"},
         F{"drawn_at", "抽取日期", Kind::text, member(&Plan::drawn_at), "p.drawn_at"},
         F{"candidates", "候选数", Kind::integer, member(&Plan::candidates), "p.candidates"},
         F{"grade_counts", "各等级候选", Kind::text, member(&Plan::grade_counts)},
         F{"candidate_digest", "候选摘要", Kind::text, member(&Plan::candidate_digest)},
         F{"pool_digest", "人员摘要", Kind::text, member(&Plan::pool_digest)},
         F{"targets", "抽中数", Kind::integer, member(&Plan::targets), "targets"},
         F{"inspections", "已检查", Kind::integer, member(&Plan::inspections), "inspections"},
         F{"published", "公示日期", Kind::text, member(&Plan::published), "p.published"}},
        {"id",
         "name",
         "targeted",
         "forms",
         "ratio",
         "count",
         "window_from",
         "window_to",
         "drawn_at",
         "targets",
         "inspections",
         "published"});
}

std::int64_t list_plans(storage::Database& db, const ListPaging& paging, const RowSink& sink) {
    const auto view = plan_view();
    ListQuery query(k_plan_select, storage::sort_keys(view), "p.id");
    return query.run(db, paging, [&](SQLite::Statement& q) { sink(view.row(read_plan(q))); });
}

output::View<PlanTarget> target_view() {
    using F = output::Field<PlanTarget>;
    using output::Kind;
    using output::member;
    return output::View<PlanTarget>({
        F{"rank", "序号", Kind::integer, member(&PlanTarget::rank)},
        F{"enterprise_id", "企业编号", Kind::integer, member(&PlanTarget::enterprise_id)},
        F{"uscc", "统一社会信用代码", Kind::text, member(&PlanTarget::uscc)},
        F{"name", "企业名称", Kind::text, member(&PlanTarget::name)},
        F{"credit_grade",
          "信用等级",
          Kind::text,
          member(&PlanTarget::credit_grade),
          {},
          grade_label},
        F{"ticket", "签号", Kind::text, member(&PlanTarget::ticket)},
        F{"team", "检查组", Kind::list, member(&PlanTarget::team)},
    });
}

std::vector<PlanTarget> plan_targets(storage::Database& db, std::int64_t plan_id) {
    SQLite::Statement q(db.sql(),
                        "SELECT t.rank, t.enterprise_id, e.uscc, e.name, t.credit_grade, t.ticket,"
                        " (SELECT group_concat(badge, ';') FROM (SELECT o.badge FROM plan_inspector"
                        " pi JOIN officer o ON o.id = pi.officer_id WHERE pi.plan_id = t.plan_id"
                        " AND pi.team = t.team ORDER BY pi.position))"
                        " FROM plan_target t JOIN enterprise e ON e.id = t.enterprise_id"
                        " WHERE t.plan_id = ? ORDER BY t.rank");
    q.bind(1, plan_id);
    std::vector<PlanTarget> out;
    while (q.executeStep()) {
        PlanTarget t;
        t.rank = q.getColumn(0).getInt64();
        t.enterprise_id = q.getColumn(1).getInt64();
        t.uscc = q.getColumn(2).getString();
        t.name = q.getColumn(3).getString();
        t.credit_grade = q.getColumn(4).getString();
        t.ticket = q.getColumn(5).getString();
        if (!q.isColumnNull(6)) {
            t.team = util::split(q.getColumn(6).getString(), ';');
        }
        out.push_back(std::move(t));
    }
    return out;
}

nlohmann::json plan_page_json(const Plan& plan, const std::vector<PlanTarget>& targets) {
    auto json = plan_view().json(plan);
    json["targets"] = target_view().json_array(targets);
    return json;
}

std::vector<output::Section> plan_page_sections(const Plan& plan,
                                                const std::vector<PlanTarget>& targets) {
    return {plan_view().section(plan),
            output::Section{"抽中企业", {}, {}, target_view().without({"ticket"}).table(targets)}};
}

} // namespace hujing::domain
