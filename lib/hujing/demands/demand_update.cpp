// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/demands/demand.hpp>
#include <hujing/error.hpp>
#include <hujing/util/text.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

namespace hujing::domain {

Demand update_demand(storage::WriteTransaction& tx,
                     storage::Database& db,
                     std::int64_t id,
                     const DemandCorrection& correction,
                     util::Date today) {
    if (!correction.text && !correction.category) {
        throw Error(Exit::usage, "没有要修改的内容", "给出 --text 或 --category");
    }
    std::optional<std::string> text;
    if (correction.text) {
        text = std::string(util::trim(*correction.text));
        if (text->empty()) {
            throw_invalid("诉求内容 (--text) 不能为空");
        }
    }
    if (correction.category) {
        check_category(*correction.category);
    }
    const Demand before = get_demand(db, id);
    if (before.status != "collected") {
        throw Error(Exit::conflict,
                    fmt::format("诉求 {} 当前状态为“{}”，不能 update",
                                id,
                                demand_status_label(before.status)),
                    "只有 已收集、尚未流转的诉求可以修改");
    }
    SQLite::Statement q(db.sql(), "UPDATE demand SET text = ?, category = ? WHERE id = ?");
    q.bind(1, text.value_or(before.text));
    q.bind(2, correction.category.value_or(before.category));
    q.bind(3, id);
    q.exec();
    Demand after = get_demand(db, id);
    auto json = [&](const Demand& d) {
        auto j = demand_view(today).json(d);
        j.erase("overdue");
        return j;
    };
    tx.audit("demand", id, "update", json(before), json(after));
    return after;
}

} // namespace hujing::domain
