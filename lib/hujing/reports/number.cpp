// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/reports/number.hpp>
#include <hujing/vocabulary/vocabulary.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace hujing::reports {

std::string DocNumber::text() const {
    return fmt::format("诸公护企〔{}〕第{}号", year, seq);
}

std::vector<DocNumber> find_numbers(storage::Database& db, const std::string& period) {
    std::vector<DocNumber> out;
    SQLite::Statement q(db.sql(),
                        "SELECT kind, year, seq, issued FROM report_number WHERE period = ?");
    q.bind(1, period);
    while (q.executeStep()) {
        out.push_back(DocNumber{q.getColumn(0).getString(),
                                q.getColumn(1).getInt(),
                                q.getColumn(2).getInt64(),
                                q.getColumn(3).getString()});
    }
    const auto kinds = domain::k_report_kinds.codes();
    const auto rank = [&](const DocNumber& n) {
        return std::find(kinds.begin(), kinds.end(), n.kind) - kinds.begin();
    };
    std::sort(
        out.begin(), out.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    return out;
}

namespace {

// Take the next number of `year` from the counter.
std::int64_t next_seq(storage::Database& db, int year) {
    SQLite::Statement bump(db.sql(),
                           "INSERT INTO report_counter(year, last) VALUES (?, 1)"
                           " ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last");
    bump.bind(1, year);
    bump.executeStep();
    return bump.getColumn(0).getInt64();
}

} // namespace

std::vector<DocNumber> assign_numbers(storage::WriteTransaction& tx,
                                      storage::Database& db,
                                      const std::string& period,
                                      util::Date issued) {
    auto have = find_numbers(db, period);
    const auto year = static_cast<int>(issued.year());
    for (const auto& kind : domain::k_report_kinds.codes()) {
        if (std::any_of(have.begin(), have.end(), [&](const auto& n) { return n.kind == kind; })) {
            continue;
        }
        DocNumber n{kind, year, next_seq(db, year), util::format_date(issued)};
        SQLite::Statement insert(db.sql(),
                                 "INSERT INTO report_number(period, kind, year, seq, issued)"
                                 " VALUES (?, ?, ?, ?, ?)");
        insert.bind(1, period);
        insert.bind(2, n.kind);
        insert.bind(3, n.year);
        insert.bind(4, n.seq);
        insert.bind(5, n.issued);
        insert.exec();
        tx.audit(
            "report_number",
            db.sql().getLastInsertRowid(),
            "add",
            nullptr,
            {{"period", period}, {"kind", n.kind}, {"doc_no", n.text()}, {"issued", n.issued}});
    }
    return have.size() == domain::k_report_kinds.codes().size() ? have : find_numbers(db, period);
}

} // namespace hujing::reports
