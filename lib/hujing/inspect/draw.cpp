// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/inspect/draw.hpp>
#include <hujing/util/sha256.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <tuple>

namespace hujing::domain {

namespace {

__extension__ using Wide = __int128; // n · r · f needs more than 64 bits

// Share `total` among the grades of `active` in proportion to `weights` by the largest
// remainder; ties go to the earlier grade.
GradeCounts largest_remainder(std::int64_t total,
                              const std::array<Wide, 4>& weights,
                              const std::array<bool, 4>& active) {
    GradeCounts out{};
    Wide sum = 0;
    for (std::size_t g = 0; g < 4; ++g) {
        sum += active[g] ? weights[g] : 0;
    }
    if (sum == 0) {
        return out;
    }
    std::array<Wide, 4> remainder{};
    std::int64_t given = 0;
    for (std::size_t g = 0; g < 4; ++g) {
        if (active[g]) {
            const Wide share = static_cast<Wide>(total) * weights[g];
            out[g] = static_cast<std::int64_t>(share / sum);
            remainder[g] = share % sum;
            given += out[g];
        }
    }
    std::array<std::size_t, 4> order = {0, 1, 2, 3};
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return remainder[a] > remainder[b];
    });
    for (std::size_t i = 0; given < total && i < 4; ++i) {
        if (active[order[i]] && weights[order[i]] > 0) {
            ++out[order[i]];
            ++given;
        }
    }
    return out;
}

} // namespace

std::int64_t parse_decimal(std::string_view text, std::string_view what) {
    const auto bad = [&] {
        throw_invalid(fmt::format("{}无效: {}", what, text), "应为不带符号的小数，最多 6 位小数");
    };
    const auto dot = text.find('.');
    const auto whole = text.substr(0, dot);
    const auto frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 6 || frac.size() > 6
        || (dot != std::string_view::npos && frac.empty())) {
        bad();
    }
    std::int64_t value = 0;
    for (const char c : whole) {
        if (c < '0' || c > '9') {
            bad();
        }
        value = value * 10 + (c - '0');
    }
    std::int64_t scale = k_decimal_scale;
    value *= scale;
    for (const char c : frac) {
        if (c < '0' || c > '9') {
            bad();
        }
        scale /= 10;
        value += (c - '0') * scale;
    }
    return value;
}

int grade_index(char g) {
    const auto* it = std::find(k_draw_grades.begin(), k_draw_grades.end(), g);
    if (it == k_draw_grades.end()) {
        throw_invalid(fmt::format("信用等级无效: {}", g), "应为 A、B、C、D");
    }
    return static_cast<int>(it - k_draw_grades.begin());
}

GradeFactors parse_factors(std::string_view text) {
    GradeFactors out{};
    std::array<bool, 4> seen{};
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        const auto part = text.substr(start, end - start);
        if (part.size() < 3 || part[1] != '=') {
            throw_invalid(fmt::format("信用系数无效: {}", part), "应为 A=0.5,B=1,C=2,D=3");
        }
        const auto g = static_cast<std::size_t>(grade_index(part[0]));
        if (seen[g]) {
            throw_invalid(fmt::format("信用系数重复: {}", part[0]), "每个等级给一次");
        }
        seen[g] = true;
        out[g] = parse_decimal(part.substr(2), "信用系数");
        start = end + 1;
    }
    if (std::find(seen.begin(), seen.end(), false) != seen.end()) {
        throw_invalid(fmt::format("信用系数不全: {}", text), "A、B、C、D 四个等级都要给出");
    }
    return out;
}

std::string format_decimal(std::int64_t scaled) {
    auto frac = fmt::format("{:06d}", scaled % k_decimal_scale);
    while (!frac.empty() && frac.back() == '0') {
        frac.pop_back();
    }
    const auto whole = std::to_string(scaled / k_decimal_scale);
    return frac.empty() ? whole : whole + "." + frac;
}

std::string format_factors(const GradeFactors& factors) {
    return fmt::format("A={},B={},C={},D={}",
                       format_decimal(factors[0]),
                       format_decimal(factors[1]),
                       format_decimal(factors[2]),
                       format_decimal(factors[3]));
}

std::string format_counts(const GradeCounts& c) {
    return fmt::format("A={},B={},C={},D={}", c[0], c[1], c[2], c[3]);
}

GradeCounts ratio_quotas(const GradeCounts& n, std::int64_t ratio, const GradeFactors& f) {
    GradeCounts out{};
    const Wide den = static_cast<Wide>(k_decimal_scale) * k_decimal_scale;
    for (std::size_t g = 0; g < 4; ++g) {
        const Wide num = static_cast<Wide>(n[g]) * ratio * f[g];
        const auto k = static_cast<std::int64_t>((num + den - 1) / den);
        out[g] = std::min(n[g], k);
    }
    return out;
}

GradeCounts count_quotas(const GradeCounts& n, std::int64_t count, const GradeFactors& f) {
    GradeCounts out{};
    std::array<Wide, 4> weights{};
    std::array<bool, 4> active{};
    for (std::size_t g = 0; g < 4; ++g) {
        weights[g] = static_cast<Wide>(n[g]) * f[g];
        active[g] = weights[g] > 0;
    }
    std::int64_t left = count;
    for (;;) {
        const auto share = largest_remainder(left, weights, active);
        bool capped = false;
        for (std::size_t g = 0; g < 4; ++g) {
            if (active[g] && share[g] > n[g]) {
                out[g] = n[g];
                left -= n[g];
                active[g] = false;
                capped = true;
            }
        }
        if (!capped) {
            for (std::size_t g = 0; g < 4; ++g) {
                out[g] += active[g] ? share[g] : 0;
            }
            return out;
        }
        if (left <= 0 || std::find(active.begin(), active.end(), true) == active.end()) {
            return out;
        }
    }
}

std::vector<std::vector<std::size_t>>
form_teams(std::string_view seed,
           const std::vector<TeamTarget>& targets,
           const std::vector<PoolInspector>& pool,
           const std::set<std::pair<std::int64_t, std::int64_t>>& conflicts,
           std::int64_t team_size) {
    std::vector<std::int64_t> load(pool.size(), 0);
    std::vector<std::vector<std::size_t>> teams;
    teams.reserve(targets.size());
    for (const auto& t : targets) {
        // (load, ticket, index): raw digests order as their hex does
        std::vector<std::tuple<std::int64_t, util::Sha256Digest, std::size_t>> ranked;
        ranked.reserve(pool.size());
        for (std::size_t i = 0; i < pool.size(); ++i) {
            if (!conflicts.contains({t.enterprise_id, pool[i].officer_id})) {
                ranked.emplace_back(
                    load[i], util::sha256({seed, ":", t.uscc, ":", pool[i].badge}), i);
            }
        }
        if (static_cast<std::int64_t>(ranked.size()) < team_size) {
            throw_conflict(fmt::format("{}（{}）可用的检查人员只有 {} 名，不足 {} 名",
                                       t.name,
                                       t.uscc,
                                       ranked.size(),
                                       team_size),
                           "增加检查人员（officer update --inspector），或减小 --team-size");
        }
        std::sort(ranked.begin(), ranked.end());
        std::vector<std::size_t> team;
        for (std::int64_t k = 0; k < team_size; ++k) {
            const auto i = std::get<2>(ranked[static_cast<std::size_t>(k)]);
            team.push_back(i);
            ++load[i];
        }
        teams.push_back(std::move(team));
    }
    return teams;
}

} // namespace hujing::domain
