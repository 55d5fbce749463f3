// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_world.hpp"

using namespace hujing;
using test::date;
using test::exit_of;

namespace {

constexpr const char* k_id_no = "330681198001011232";

std::int64_t request(test::CaseWorld& w, std::int64_t case_id, const char* id_no = k_id_no) {
    domain::NewDetention r{std::to_string(case_id),
                           "张某",
                           id_no,
                           "法定代表人",
                           "拘留",
                           "涉嫌合同诈骗，有逃跑可能",
                           "企业停产风险小",
                           "取保候审",
                           {}};
    return w.write(
        [&](auto& tx) { return domain::request_detention(tx, *w.db, r, date("2025-10-10")); });
}

domain::Prereport step(test::CaseWorld& w,
                       const char* verb,
                       std::int64_t id,
                       std::optional<std::string> reason = {}) {
    const auto today = date("2025-10-15");
    return w.write([&](auto& tx) {
        const std::string v = verb;
        if (v == "approve" || v == "reject") {
            return domain::decide_prereport(tx,
                                            *w.db,
                                            "detention",
                                            id,
                                            v == "approve" ? domain::Decision::approve
                                                           : domain::Decision::reject,
                                            "意见",
                                            today);
        }
        if (v == "record") {
            return domain::record_prereport(
                tx, *w.db, "detention", id, "2025-10-15", reason, today);
        }
        if (v == "lift") {
            return domain::lift_prereport(tx, *w.db, "detention", id, "2025-10-15", today);
        }
        return domain::review_prereport(tx, *w.db, "detention", id, "补审同意", today);
    });
}

} // namespace

TEST_SUITE("hujing::domain::cases::prereport") {
    TEST_CASE("requested → approved → executed → lifted, approved by another officer") {
        test::CaseWorld w;
        const auto c = w.add("A-1", "2025-10-01", "2025-10-01");
        const auto id = request(w, c);
        auto p = domain::get_prereport(*w.db, "detention", id);
        CHECK(p.status == "requested");
        CHECK(p.id_no == k_id_no);
        CHECK(p.enterprise_id == 2); // the case's only suspect enterprise
        CHECK(exit_of([&] { step(w, "record", id); }) == Exit::conflict);
        CHECK(exit_of([&] { step(w, "approve", id); }) == Exit::conflict); // own request
        w.act_as("100003");
        CHECK(step(w, "approve", id).status == "approved");
        CHECK(exit_of([&] { step(w, "reject", id); }) == Exit::conflict);
        CHECK(step(w, "record", id).executed == "2025-10-15");
        CHECK(exit_of([&] { step(w, "review", id); }) == Exit::conflict); // not an emergency
        CHECK(step(w, "lift", id).status == "lifted");
        CHECK(exit_of([&] { step(w, "lift", id); }) == Exit::conflict);
        CHECK(exit_of([&] { domain::get_prereport(*w.db, "property", id); }) == Exit::not_found);
        CHECK(domain::get_case(*w.db, c).last_progress == "2025-10-15");
    }

    TEST_CASE("an emergency execution is flagged until another officer reviews it") {
        test::CaseWorld w;
        const auto c = w.add("A-1", "2025-10-01", "2025-10-01");
        const auto id = request(w, c);
        const auto p = step(w, "record", id, std::string("嫌疑人正在出境"));
        CHECK(p.status == "executed");
        CHECK(p.awaiting_review());
        CHECK(domain::get_case(*w.db, c).emergency);
        CHECK(exit_of([&] { step(w, "review", id); }) == Exit::conflict); // own request
        w.act_as("100003");
        CHECK_FALSE(step(w, "review", id).awaiting_review());
        CHECK_FALSE(domain::get_case(*w.db, c).emergency);
        CHECK(exit_of([&] { step(w, "review", id); }) == Exit::conflict);
    }

    TEST_CASE("a rejected request cannot be executed, not even in an emergency") {
        test::CaseWorld w;
        const auto id = request(w, w.add("A-1", "2025-10-01", "2025-10-01"));
        w.act_as("100003");
        step(w, "reject", id);
        CHECK(exit_of([&] { step(w, "record", id, std::string("紧急")); }) == Exit::conflict);
    }

    TEST_CASE("an ID number with a wrong check digit is invalid, naming the expected digit") {
        test::CaseWorld w;
        const auto c = w.add("A-1", "2025-10-01", "2025-10-01");
        const auto message = test::error_of([&] { request(w, c, "330681198001011233"); });
        CHECK(message.starts_with("公民身份号码校验位错误: 应为 2"));
        CHECK(exit_of([&] { request(w, c, "330681198001011233"); }) == Exit::invalid);
        CHECK(exit_of([&] { request(w, c, "33068119800101123"); }) == Exit::invalid);
        CHECK(w.count("SELECT count(*) FROM prereport") == 0);
    }

    TEST_CASE("the ID number is masked unless revealed") {
        test::CaseWorld w;
        const auto id = request(w, w.add("A-1", "2025-10-01", "2025-10-01"));
        const auto p = domain::get_prereport(*w.db, "detention", id);
        CHECK(domain::prereport_view(false).json(p)["id_no"] == "330681********1232");
        CHECK(domain::prereport_view(true).json(p)["id_no"] == k_id_no);
        CHECK(w.db->sql().execAndGet("SELECT id_no FROM v_prereport").getString()
              == "330681********1232");
    }

    TEST_CASE("no measure is executed on an external case before its review passes") {
        test::CaseWorld w;
        const auto c = w.add("X-1", "2025-10-01", std::nullopt, "external");
        const auto id = request(w, c);
        w.act_as("100003");
        step(w, "approve", id);
        CHECK(exit_of([&] { step(w, "record", id); }) == Exit::conflict);
        w.review(c, "pass", "2025-10-11");
        CHECK(step(w, "record", id).status == "executed");
    }
}
