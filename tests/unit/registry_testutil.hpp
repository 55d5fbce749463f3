// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the registry unit tests (enterprises, import, search, projects).
#pragma once

#include <hujing/error.hpp>
#include <hujing/org/officer.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/util/uscc.hpp>

#include <fmt/format.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace hujing::test {

// An in-memory database with the built-in units and officers 100001..100004 (100004 inactive).
inline std::unique_ptr<storage::Database> registry_db() {
    auto db = storage::Database::open_memory();
    storage::WriteTransaction tx(*db);
    domain::load_builtin_units(tx, *db);
    for (int i = 1; i <= 4; ++i) {
        domain::NewOfficer o;
        o.badge = fmt::format("10000{}", i);
        o.name = fmt::format("民警{}", i);
        o.unit = "ZADD";
        o.roles = {i == 2 ? "项目警官" : "企业警官"};
        o.inspector = true;
        o.active = i != 4;
        domain::add_officer(tx, *db, o);
    }
    tx.commit();
    return db;
}

// The exit code `fn` throws, or Exit::ok.
inline Exit code_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        return e.code();
    }
    return Exit::ok;
}

// The message `fn` throws (with its hint), or "".
inline std::string message_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        return std::string(e.what()) + " (" + e.hint() + ")";
    }
    return {};
}

// A valid Zhuji USCC numbered `n`.
inline std::string uscc(int n) {
    return util::complete_uscc(fmt::format("91330681{:08d}", n));
}

inline std::int64_t count(storage::Database& db, const std::string& sql) {
    return db.sql().execAndGet(sql).getInt64();
}

// A RowWriter keeping every row (tests only).
class CollectingWriter : public output::RowWriter {
public:
    std::vector<output::Row> rows;

    void row(const output::Row& values) override {
        rows.push_back(values);
    }

    void finish() override {}
};

} // namespace hujing::test
