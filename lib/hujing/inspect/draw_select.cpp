// SPDX-License-Identifier: GPL-3.0-or-later
// Steps 2 and 4 of the draw: the tickets, and the smallest of each grade.
#include <hujing/error.hpp>
#include <hujing/inspect/draw.hpp>
#include <hujing/util/sha256.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <exception>
#include <thread>

namespace hujing::domain {

std::string draw_ticket(std::string_view seed, std::string_view uscc) {
    return util::to_hex(util::sha256({seed, ":", uscc}));
}

std::string team_ticket(std::string_view seed, std::string_view uscc, std::string_view badge) {
    return util::to_hex(util::sha256({seed, ":", uscc, ":", badge}));
}

std::string ticket_hex(const DrawCandidate& c) {
    return util::to_hex(c.ticket);
}

DrawCandidate make_candidate(std::string_view seed,
                             std::int64_t enterprise_id,
                             std::string_view uscc,
                             int grade) {
    return {enterprise_id, util::sha256({seed, ":", uscc}), grade};
}

namespace {

bool before(const DrawCandidate& a, const DrawCandidate& b) {
    return a.ticket != b.ticket ? a.ticket < b.ticket : a.enterprise_id < b.enterprise_id;
}

} // namespace

TargetSelector::TargetSelector(const GradeCounts& quotas)
    : m_quotas(quotas) {
    for (std::size_t g = 0; g < 4; ++g) {
        m_kept[g].reserve(static_cast<std::size_t>(std::max<std::int64_t>(quotas[g], 0)));
    }
}

void TargetSelector::offer(const DrawCandidate& c) {
    const auto g = static_cast<std::size_t>(c.grade);
    auto& kept = m_kept[g];
    if (static_cast<std::int64_t>(kept.size()) < m_quotas[g]) {
        kept.push_back(c);
        std::push_heap(kept.begin(), kept.end(), before);
    } else if (!kept.empty() && before(c, kept.front())) {
        std::pop_heap(kept.begin(), kept.end(), before);
        kept.back() = c;
        std::push_heap(kept.begin(), kept.end(), before);
    }
}

std::vector<DrawCandidate> TargetSelector::take() {
    std::vector<DrawCandidate> out;
    for (auto& kept : m_kept) {
        out.insert(out.end(), kept.begin(), kept.end());
        kept.clear();
    }
    std::sort(out.begin(), out.end(), before);
    return out;
}

namespace {

// The eight bytes at `p` as a big-endian number: comparing two of them compares the bytes as
// memcmp does, in one instruction.
inline std::uint64_t big_endian(const char* p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, sizeof v);
    if constexpr (std::endian::native == std::endian::little) {
        v = __builtin_bswap64(v);
    }
    return v;
}

// USCC order, as `sort` in the C locale gives it; the sort of a million candidates is most of
// the draw, so the 18 bytes are compared as three words (bytes 10-15 are equal by the third).
struct UsccBefore {
    bool operator()(const DrawCandidates::Row& a, const DrawCandidates::Row& b) const {
        const char* x = a.uscc.data();
        const char* y = b.uscc.data();
        for (const std::size_t at : {std::size_t{0}, std::size_t{8}, std::size_t{10}}) {
            const auto u = big_endian(x + at);
            const auto v = big_endian(y + at);
            if (u != v) {
                return u < v;
            }
        }
        return a.enterprise_id < b.enterprise_id;
    }
};

void offer_range(std::string_view seed,
                 const std::vector<DrawCandidates::Row>& rows,
                 std::size_t from,
                 std::size_t to,
                 TargetSelector& selector) {
    for (std::size_t i = from; i < to; ++i) {
        const auto& r = rows[i];
        selector.offer(make_candidate(seed, r.enterprise_id, r.uscc_view(), r.grade));
    }
}

} // namespace

void DrawCandidates::add(std::int64_t enterprise_id, std::string_view uscc, int grade) {
    if (uscc.size() != k_uscc_size) {
        throw Error(Exit::internal,
                    fmt::format("企业 {} 的统一社会信用代码不是 18 个字符", enterprise_id),
                    "用 hujing db check 检查数据库");
    }
    Row row{enterprise_id, {}, grade};
    std::copy(uscc.begin(), uscc.end(), row.uscc.begin());
    m_rows.push_back(row);
}

void DrawCandidates::sort_unique() {
    std::sort(m_rows.begin(), m_rows.end(), UsccBefore{});
    const auto same = [](const Row& a, const Row& b) { return a.enterprise_id == b.enterprise_id; };
    m_rows.erase(std::unique(m_rows.begin(), m_rows.end(), same), m_rows.end());
}

GradeCounts DrawCandidates::counts() const {
    GradeCounts out{};
    for (const auto& r : m_rows) {
        ++out.at(static_cast<std::size_t>(r.grade));
    }
    return out;
}

std::string candidate_digest(const DrawCandidates& candidates) {
    util::Sha256 digest;
    for (const auto& r : candidates.rows()) {
        const std::array<char, 3> tail = {
            ' ', k_draw_grades.at(static_cast<std::size_t>(r.grade)), '\n'};
        digest.update(r.uscc_view()).update({tail.data(), tail.size()});
    }
    return util::to_hex(digest.finish());
}

std::vector<DrawCandidate>
draw_targets(std::string_view seed, const DrawCandidates& candidates, const GradeCounts& quotas) {
    // Each half keeps its own smallest tickets; the smallest of the two kept sets are the
    // smallest of all.
    const auto& rows = candidates.rows();
    const auto half = rows.size() / 2;
    TargetSelector first(quotas);
    std::exception_ptr failure;
    std::thread worker([&] {
        try {
            offer_range(seed, rows, 0, half, first);
        } catch (...) {
            failure = std::current_exception();
        }
    });
    TargetSelector second(quotas);
    try {
        offer_range(seed, rows, half, rows.size(), second);
    } catch (...) {
        worker.join();
        throw;
    }
    worker.join();
    if (failure) {
        std::rethrow_exception(failure);
    }
    for (const auto& c : first.take()) {
        second.offer(c);
    }
    return second.take();
}

} // namespace hujing::domain
