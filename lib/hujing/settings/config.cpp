// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/settings/config.hpp>
#include <hujing/util/number.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>

namespace hujing::domain {

namespace {

std::vector<SettingDef> make_defs() {
    std::vector<SettingDef> defs;
    // One interval per officer role and one deadline per demand category: the settings follow
    // the lists of vocabulary.hpp; only the defaults that differ are named here.
    const std::map<std::string_view, int> interval_days = {{"项目警官", 30}, {"知产警官", 180}};
    for (const auto& term : k_officer_roles.terms()) {
        const auto role = term.code;
        const auto found = interval_days.find(role);
        const int days = found == interval_days.end() ? 90 : found->second;
        defs.push_back({fmt::format("visit.interval.{}", role),
                        std::to_string(days),
                        fmt::format("{}走访间隔（天）", role),
                        1,
                        3660});
    }
    for (const auto& term : k_demand_categories.terms()) {
        const auto category = term.code;
        defs.push_back({fmt::format("demand.sla.{}", category),
                        "5",
                        fmt::format("“{}”类诉求办理时限（工作日）", category),
                        1,
                        15});
    }
    defs.push_back({"case.stale_days", "180", "案件无进展多少天视为挂案", 1, 3660});
    defs.push_back({"case.stale.open_days",
                    "730",
                    "案件立案（未立案的自受理）超过多少天仍未办结视为挂案",
                    1,
                    7320});
    defs.push_back(
        {"case.stale.lifted_days", "365", "强制措施解除超过多少天仍未办结视为挂案", 1, 3660});
    defs.push_back(
        {"inspect.max_per_year", "2", "同一单位每年对同一企业现场检查的次数上限", 1, 52});
    defs.push_back({"inspect.publish_days", "20", "检查结果公示时限（工作日）", 1, 365});
    defs.push_back(
        {"inspect.exclude_recent_days", "180", "双随机抽取时排除近期已检查企业的天数", 0, 3660});
    std::sort(defs.begin(), defs.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
    return defs;
}

const SettingDef& find_def(const std::string& key) {
    for (const auto& def : setting_defs()) {
        if (def.key == key) {
            return def;
        }
    }
    std::string keys;
    for (const auto& def : setting_defs()) {
        keys += (keys.empty() ? "" : ", ") + def.key;
    }
    throw Error(Exit::invalid, "未知设置项: " + key, "可用: " + keys);
}

std::optional<std::string> stored(storage::Database& db, const std::string& key) {
    SQLite::Statement q(db.sql(), "SELECT value FROM setting WHERE key = ?");
    q.bind(1, key);
    if (q.executeStep()) {
        return q.getColumn(0).getString();
    }
    return std::nullopt;
}

} // namespace

const std::vector<SettingDef>& setting_defs() {
    static const std::vector<SettingDef> defs = make_defs();
    return defs;
}

std::string get_setting(storage::Database& db, const std::string& key) {
    const auto& def = find_def(key);
    return stored(db, key).value_or(def.default_value);
}

std::int64_t get_int_setting(storage::Database& db, const std::string& key) {
    const auto text = get_setting(db, key);
    const auto value = util::to_int64(text);
    if (!value) {
        throw Error(Exit::invalid,
                    fmt::format("设置项 {} 的值无效: {}", key, text),
                    "用 hujing config set 修正");
    }
    return *value;
}

std::vector<Setting> list_settings(storage::Database& db) {
    std::vector<Setting> out;
    for (const auto& def : setting_defs()) {
        const auto value = stored(db, def.key);
        out.push_back(Setting{def.key,
                              value.value_or(def.default_value),
                              def.default_value,
                              def.description,
                              !value.has_value()});
    }
    return out;
}

void set_setting(storage::WriteTransaction& tx,
                 storage::Database& db,
                 const std::string& key,
                 const std::string& value) {
    const auto& def = find_def(key);
    const auto number = util::to_int64(value);
    if (!number || *number < def.min || *number > def.max) {
        throw Error(Exit::invalid,
                    fmt::format("设置项 {} 的值无效: {}", key, value),
                    fmt::format("应为 {} 到 {} 的整数", def.min, def.max));
    }
    const auto before = stored(db, key);
    SQLite::Statement upsert(db.sql(),
                             "INSERT INTO setting(key, value) VALUES (?1, ?2)"
                             " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key);
    upsert.bind(2, std::to_string(*number));
    upsert.exec();
    tx.audit("setting",
             std::nullopt,
             "set",
             before ? nlohmann::json{{"key", key}, {"value", *before}} : nlohmann::json(),
             nlohmann::json{{"key", key}, {"value", std::to_string(*number)}});
}

} // namespace hujing::domain
