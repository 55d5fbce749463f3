// SPDX-License-Identifier: GPL-3.0-or-later
// The world of the case tests: the loop world, with officer 100001 registering cases and
// 100003 (经侦大队) acting as reviewer or approver when `act_as` switches to it.
#pragma once

#include "../loop_fixture.hpp"

#include <hujing/cases/case.hpp>
#include <hujing/cases/prereport.hpp>
#include <hujing/cases/stale.hpp>

namespace hujing::test {

struct CaseWorld : LoopWorld {
    CaseWorld() {
        act_as("100001");
    }

    // Make officer `badge` the acting officer.
    void act_as(const std::string& badge) {
        const auto id = count("SELECT id FROM officer WHERE badge = '" + badge + "'");
        db->set_officer(id, badge);
    }

    template <typename F>
    auto write(F&& f) {
        storage::WriteTransaction tx(*db);
        auto result = f(tx);
        tx.commit();
        return result;
    }

    // Register a case of type `type` on `today`, with enterprise 1 as victim.
    std::int64_t add(const std::string& no,
                     const char* today,
                     std::optional<std::string> filed = {},
                     const std::string& origin = "local") {
        domain::NewCase c;
        c.case_no = no;
        c.title = "案件" + no;
        c.type = "合同诈骗";
        c.parties = {{"1", "victim"}, {"2", "suspect"}};
        c.unit = "JZDD";
        c.filed = std::move(filed);
        c.loss = "1000";
        c.origin = origin;
        if (origin == "external") {
            c.agency = "某省某市公安局";
        }
        return write([&](auto& tx) { return domain::add_case(tx, *db, c, date(today)); });
    }

    domain::Case progress(std::int64_t id, const char* to, const char* today) {
        return write([&](auto& tx) {
            return domain::progress_case(
                tx, *db, id, std::string(to), "进展", std::nullopt, date(today));
        });
    }

    domain::Case review(std::int64_t id, const char* result, const char* today) {
        return write([&](auto& tx) {
            return domain::review_case(tx, *db, id, result, "审核意见", date(today));
        });
    }
};

} // namespace hujing::test
