// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/calendar/calendar.hpp>
#include <hujing/embedded.hpp>
#include <hujing/error.hpp>
#include <hujing/notice.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <optional>
#include <utility>

namespace hujing::calendar {

namespace {

using util::Date;

constexpr std::string_view k_date_hint = "格式为 YYYY-MM-DD";
constexpr std::string_view k_weekday_names[] = {"", "一", "二", "三", "四", "五", "六", "日"};

// Days since 1970-01-01 (a Thursday).
int day_number(Date date) {
    return static_cast<int>(std::chrono::sys_days(date).time_since_epoch().count());
}

// The date of day number `day`.
Date date_of(int day) {
    return Date{std::chrono::sys_days{std::chrono::days{day}}};
}

int floor_div(int a, int b) {
    const int q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Return the number of Mondays–Fridays before day number `n`, counted from Monday 1969-12-29.
int weekdays_before(int n) {
    const int m = n + 3;
    const int weeks = floor_div(m, 7);
    return 5 * weeks + std::min(m - 7 * weeks, 5);
}

bool is_weekend(Date date) {
    return util::iso_weekday(date) >= 6;
}

int year_of(Date date) {
    return static_cast<int>(date.year());
}

// Say once per process for each `year` that it has no official calendar.
void notice_fallback(int year) {
    static std::mutex mutex;
    static std::set<int> warned;
    const std::lock_guard lock(mutex);
    if (warned.insert(year).second) {
        notice(fmt::format("{} 年没有载入官方节假日安排，工作日按周一至周五计算"
                           "（可在 $HUJING_DATA_DIR/calendar/{}.yaml 补充）",
                           year,
                           year));
    }
}

// Reads one calendar document, throwing Exit::invalid at the offending YAML node.
class DocumentReader {
public:
    explicit DocumentReader(std::string name)
        : m_name(std::move(name)) {}

    [[noreturn]] void
    fail(const YAML::Mark& mark, const std::string& message, std::string_view hint = {}) const {
        SourceLocation where{m_name, 0, 0};
        if (mark.line >= 0) {
            where.line = mark.line + 1;
            where.column = mark.column + 1;
        }
        throw Error(Exit::invalid, message, std::string(hint), std::move(where));
    }

    [[nodiscard]] YAML::Node parse(const std::string& document) const {
        try {
            return YAML::Load(document);
        } catch (const YAML::Exception& e) {
            fail(e.mark, "YAML 语法错误: " + e.msg);
        }
    }

    // Call `on_key(key, value)` for each entry of the mapping `node`; reject keys not in
    // `allowed` and keys given twice.
    template <typename F>
    void for_each_key(const YAML::Node& node,
                      std::initializer_list<std::string_view> allowed,
                      F&& on_key) const {
        std::set<std::string> seen;
        for (const auto& entry : node) {
            const YAML::Node& key = entry.first;
            if (!key.IsScalar()) {
                fail(key.Mark(), "键应为文字");
            }
            const std::string& name = key.Scalar();
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
                std::string list;
                for (const auto k : allowed) {
                    list += list.empty() ? "" : "、";
                    list += k;
                }
                fail(key.Mark(), fmt::format("未知的键: {}", name), "可用的键: " + list);
            }
            if (!seen.insert(name).second) {
                fail(key.Mark(), fmt::format("键重复: {}", name));
            }
            on_key(name, entry.second);
        }
    }

    [[nodiscard]] std::string text(const YAML::Node& node, std::string_view what) const {
        if (!node.IsScalar() || node.Scalar().empty()) {
            fail(node.Mark(), fmt::format("{} 应为非空文字", what));
        }
        return node.Scalar();
    }

    [[nodiscard]] Date date(const YAML::Node& node) const {
        if (!node.IsScalar()) {
            fail(node.Mark(), "日期应为 YYYY-MM-DD", k_date_hint);
        }
        const auto parsed = util::parse_iso_date(node.Scalar());
        if (!parsed) {
            fail(node.Mark(), fmt::format("日期无效: {}", node.Scalar()), k_date_hint);
        }
        return *parsed;
    }

    // A date that must lie in `year`.
    [[nodiscard]] Date date_in(const YAML::Node& node, int year) const {
        const Date d = date(node);
        if (year_of(d) != year) {
            fail(node.Mark(),
                 fmt::format("日期 {} 不在 {} 年内", util::format_date(d), year),
                 "每个文件只写本年的日期；跨年的日期写入该日期所在年份的文件");
        }
        return d;
    }

private:
    std::string m_name;
};

// One year's data, as read from its document.
struct YearData {
    int year = 0;
    YAML::Mark year_mark;
    std::map<int, std::string> holidays; // day number → holiday name
    std::set<int> workdays;
};

// The year and the holidays list of a calendar document; the year must match a YYYY file name.
std::pair<YearData, YAML::Node>
read_header(const DocumentReader& reader, const YAML::Node& root, const std::string& name) {
    if (!root.IsMap()) {
        reader.fail(root.Mark(), "日历文件应为映射，含 year、source、holidays");
    }
    YearData data;
    std::optional<YAML::Node> holidays;
    reader.for_each_key(
        root, {"year", "source", "holidays"}, [&](const std::string& key, const YAML::Node& value) {
            if (key == "year") {
                const std::string year = value.IsScalar() ? value.Scalar() : std::string();
                const auto parsed = util::parse_iso_date(year + "-01-01");
                if (!parsed) {
                    reader.fail(value.Mark(), fmt::format("年份无效: {}", year), "如 year: 2026");
                }
                data.year = year_of(*parsed);
                data.year_mark = value.Mark();
            } else if (key == "source") {
                (void)reader.text(value, "source"); // checked, not kept
            } else {
                if (!value.IsSequence()) {
                    reader.fail(value.Mark(), "holidays 应为列表");
                }
                holidays = value;
            }
        });
    if (data.year == 0) {
        reader.fail(root.Mark(), "缺少 year");
    }
    if (!holidays) {
        reader.fail(root.Mark(), "缺少 holidays");
    }
    const std::string stem = std::filesystem::path(name).stem().string();
    if (stem.size() == 4
        && std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; })
        && stem != std::to_string(data.year)) {
        reader.fail(data.year_mark,
                    fmt::format("year: {} 与文件名 {} 不符",
                                data.year,
                                std::filesystem::path(name).filename().string()));
    }
    return {std::move(data), *holidays};
}

// One entry of `holidays`: its days go into `data.holidays`, its listed working weekends into
// `workdays` (checked once all holidays are known, so that order does not matter).
void read_holiday(const DocumentReader& reader,
                  const YAML::Node& entry,
                  YearData& data,
                  std::vector<std::pair<Date, YAML::Node>>& workdays) {
    if (!entry.IsMap()) {
        reader.fail(entry.Mark(), "holidays 的每一项应为映射，含 name、from、to、workdays");
    }
    std::string holiday;
    std::optional<YAML::Node> from_node;
    std::optional<YAML::Node> to_node;
    reader.for_each_key(entry,
                        {"name", "from", "to", "workdays"},
                        [&](const std::string& key, const YAML::Node& value) {
                            if (key == "name") {
                                holiday = reader.text(value, "name");
                            } else if (key == "from") {
                                from_node = value;
                            } else if (key == "to") {
                                to_node = value;
                            } else {
                                if (!value.IsSequence()) {
                                    reader.fail(value.Mark(), "workdays 应为日期列表");
                                }
                                for (const auto& day : value) {
                                    workdays.emplace_back(reader.date_in(day, data.year), day);
                                }
                            }
                        });
    if (holiday.empty()) {
        reader.fail(entry.Mark(), "节假日缺少 name");
    }
    if (!from_node) {
        reader.fail(entry.Mark(), fmt::format("节假日 {} 缺少 from", holiday));
    }
    const Date from = reader.date_in(*from_node, data.year);
    const Date to = to_node ? reader.date_in(*to_node, data.year) : from;
    if (day_number(to) < day_number(from)) {
        reader.fail(to_node->Mark(),
                    fmt::format("节假日 {} 的 to ({}) 早于 from ({})",
                                holiday,
                                util::format_date(to),
                                util::format_date(from)));
    }
    for (int d = day_number(from); d <= day_number(to); ++d) {
        const auto [it, inserted] = data.holidays.emplace(d, holiday);
        if (!inserted) {
            reader.fail(
                from_node->Mark(),
                fmt::format("{} 已属于节假日 {}", util::format_date(date_of(d)), it->second));
        }
    }
}

// A working weekend (调休上班日) must be a Saturday or Sunday, not a holiday, and listed once.
void add_workday(const DocumentReader& reader, Date day, const YAML::Node& node, YearData& data) {
    if (!is_weekend(day)) {
        reader.fail(node.Mark(),
                    fmt::format("调休上班日 {} 是星期{}，不是周末",
                                util::format_date(day),
                                k_weekday_names[util::iso_weekday(day)]),
                    "workdays 只列因调休而上班的周六、周日");
    }
    if (const auto it = data.holidays.find(day_number(day)); it != data.holidays.end()) {
        reader.fail(node.Mark(),
                    fmt::format("调休上班日 {} 又是节假日 {}", util::format_date(day), it->second));
    }
    if (!data.workdays.insert(day_number(day)).second) {
        reader.fail(node.Mark(), fmt::format("调休上班日 {} 重复", util::format_date(day)));
    }
}

YearData read_document(const std::string& document, const std::string& name) {
    const DocumentReader reader(name);
    auto [data, holidays] = read_header(reader, reader.parse(document), name);
    std::vector<std::pair<Date, YAML::Node>> workdays;
    for (const auto& entry : holidays) {
        read_holiday(reader, entry, data, workdays);
    }
    for (const auto& [day, node] : workdays) {
        add_workday(reader, day, node, data);
    }
    return data;
}

} // namespace

Calendar Calendar::from_yaml(const std::vector<std::string>& documents,
                             const std::vector<std::string>& names) {
    Calendar calendar;
    std::map<int, std::string> loaded; // year → name of its document
    for (std::size_t i = 0; i < documents.size(); ++i) {
        const std::string name = i < names.size() ? names[i] : fmt::format("<日历文档 {}>", i + 1);
        YearData data = read_document(documents[i], name);
        if (const auto it = loaded.find(data.year); it != loaded.end()) {
            DocumentReader(name).fail(
                data.year_mark, fmt::format("{} 年的日历重复，另见 {}", data.year, it->second));
        }
        loaded.emplace(data.year, name);
        calendar.m_years.insert(data.year);
        calendar.m_holidays.merge(data.holidays);
        calendar.m_workdays.merge(data.workdays);
    }
    return calendar;
}

const Calendar& Calendar::builtin() {
    static const Calendar calendar = [] {
        std::vector<std::string> documents;
        std::vector<std::string> names;
        for (auto& file : data_files("schemas/calendar/")) {
            if (file.path.ends_with(".yaml") || file.path.ends_with(".yml")) {
                names.push_back(std::move(file.path));
                documents.push_back(std::move(file.bytes));
            }
        }
        return from_yaml(documents, names);
    }();
    return calendar;
}

bool Calendar::covers(int year) const {
    return m_years.contains(year);
}

bool Calendar::is_working_day(Date date) const {
    if (!covers(year_of(date))) {
        notice_fallback(year_of(date));
        return !is_weekend(date);
    }
    const int day = day_number(date);
    if (is_weekend(date)) {
        return m_workdays.contains(day);
    }
    return !m_holidays.contains(day);
}

Date Calendar::add_working_days(Date from, int n) const {
    const int step = n < 0 ? -1 : 1;
    Date date = from;
    for (int left = n < 0 ? -n : n; left > 0;) {
        date = util::add_days(date, step);
        if (is_working_day(date)) {
            --left;
        }
    }
    return date;
}

int Calendar::working_days_between(Date from, Date to) const {
    const int first = day_number(from);
    const int last = day_number(to);
    if (last < first) {
        return -working_days_between(to, from);
    }
    if (last == first) {
        return 0;
    }
    for (int y = year_of(util::add_days(from, 1)); y <= year_of(to); ++y) {
        if (!covers(y)) {
            notice_fallback(y);
        }
    }
    // Mondays–Fridays in (first, last], minus holidays on them, plus working weekend days.
    int count = weekdays_before(last + 1) - weekdays_before(first + 1);
    for (auto it = m_holidays.upper_bound(first); it != m_holidays.end() && it->first <= last;
         ++it) {
        if (!is_weekend(date_of(it->first))) {
            --count;
        }
    }
    count += static_cast<int>(
        std::distance(m_workdays.upper_bound(first), m_workdays.upper_bound(last)));
    return count;
}

std::string Calendar::holiday_name(Date date) const {
    const auto it = m_holidays.find(day_number(date));
    return it == m_holidays.end() ? std::string() : it->second;
}

} // namespace hujing::calendar
