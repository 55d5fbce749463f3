// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/reports/scope.hpp>
#include <hujing/util/money.hpp>

#include <fmt/format.h>

namespace hujing::reports {

Scope make_scope(const util::Period& period, util::Date today) {
    Scope s;
    s.period = period;
    s.from = util::format_date(period.from);
    s.to = util::format_date(period.to);
    s.as_of = util::format_date(today < period.to ? today : period.to);
    return s;
}

bool has_relation(storage::Database& db, const std::string& name) {
    SQLite::Statement q(db.sql(),
                        "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?");
    q.bind(1, name);
    return q.executeStep();
}

std::string rate_text(std::int64_t num, std::int64_t den) {
    return util::format_percent(num, den);
}

std::string mean_text(std::int64_t sum, std::int64_t count) {
    if (count == 0) {
        return "-";
    }
    const auto hundredths = (sum * 200 + count) / (2 * count); // sum/count * 100, rounded
    return fmt::format("{}.{:02}", hundredths / 100, hundredths % 100);
}

} // namespace hujing::reports
