// SPDX-License-Identifier: GPL-3.0-or-later
// The double-random draw (双随机) of DESIGN.md §4.4, as pure functions: tickets, quotas by credit
// grade in integer arithmetic, selection and team forming. Anyone can re-run it with sha256sum
// and sort (man hujing-inspect), so every step is specified exactly.
#pragma once

#include <hujing/util/sha256.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hujing::domain {

// Decimals (ratio, credit factors) are held as integers scaled by 10^6: at most 6 decimals.
inline constexpr std::int64_t k_decimal_scale = 1'000'000;

// Parse a non-negative decimal such as "0.05" or "3" into units of 10^-6; more than 6
// decimals, a sign, an exponent or anything else is Exit::invalid naming `what`.
std::int64_t parse_decimal(std::string_view text, std::string_view what);

// The credit grades in quota order; an ungraded enterprise counts as B.
inline constexpr std::array<char, 4> k_draw_grades = {'A', 'B', 'C', 'D'};

// The index of grade `g` (A=0 … D=3); Exit::invalid for another letter.
int grade_index(char g);

// Sampling factors per grade, scaled by 10^6.
using GradeFactors = std::array<std::int64_t, 4>;
using GradeCounts = std::array<std::int64_t, 4>;

// Parse "A=0.5,B=1,C=2,D=3" (every grade once); the canonical text is format_factors().
GradeFactors parse_factors(std::string_view text);
std::string format_factors(const GradeFactors& factors);
std::string format_decimal(std::int64_t scaled);

// "A=n,B=n,C=n,D=n".
std::string format_counts(const GradeCounts& counts);

// --ratio r: k_g = min(n_g, ⌈n_g · r · f_g⌉), exactly.
GradeCounts ratio_quotas(const GradeCounts& n, std::int64_t ratio, const GradeFactors& f);

// --count N: N shared out in proportion to n_g · f_g by the largest remainder (ties to the
// earlier grade), no grade above n_g, its excess shared out again the same way.
GradeCounts count_quotas(const GradeCounts& n, std::int64_t count, const GradeFactors& f);

// The ticket of an enterprise: lowercase hex SHA-256 of "SEED:USCC".
std::string draw_ticket(std::string_view seed, std::string_view uscc);

// The ranking key of an inspector for a target: lowercase hex SHA-256 of "SEED:USCC:BADGE".
std::string team_ticket(std::string_view seed, std::string_view uscc, std::string_view badge);

// One candidate of a draw, compact (a draw may hold a million).
struct DrawCandidate {
    std::int64_t enterprise_id = 0;
    util::Sha256Digest ticket{}; // raw SHA-256; byte order = hex order
    int grade = 1;
};

// The ticket of `c` as lowercase hex.
std::string ticket_hex(const DrawCandidate& c);

// A candidate for `uscc` with its ticket computed from `seed`.
DrawCandidate
make_candidate(std::string_view seed, std::int64_t enterprise_id, std::string_view uscc, int grade);

// Step 4: in each grade the quota's smallest tickets, then all of them in ascending ticket
// order. `candidates` is reordered.
// Step 4 in one pass: keeps, of the candidates offered, the quota's smallest tickets of each
// grade (a bounded heap per grade, so memory follows the quotas, not the candidates).
class TargetSelector {
public:
    explicit TargetSelector(const GradeCounts& quotas);
    void offer(const DrawCandidate& c);
    // The candidates kept, in ascending ticket order across all grades; empties the selector.
    std::vector<DrawCandidate> take();

private:
    GradeCounts m_quotas;
    std::array<std::vector<DrawCandidate>, 4> m_kept; // max-heaps by ticket
};

// The candidates of step 1, compact enough for a million (32 bytes each).
class DrawCandidates {
public:
    static constexpr std::size_t k_uscc_size = 18;

    struct Row {
        std::int64_t enterprise_id = 0;
        std::array<char, k_uscc_size> uscc{};
        int grade = 1; // index into k_draw_grades

        [[nodiscard]] std::string_view uscc_view() const {
            return {uscc.data(), uscc.size()};
        }
    };

    // Add a candidate; a USCC that is not 18 bytes is Exit::internal (the registry holds none).
    void add(std::int64_t enterprise_id, std::string_view uscc, int grade);
    // Sort by USCC (the order of the candidate digest), each enterprise once.
    void sort_unique();

    [[nodiscard]] const std::vector<Row>& rows() const {
        return m_rows;
    }

    [[nodiscard]] GradeCounts counts() const;

private:
    std::vector<Row> m_rows;
};

// The hex SHA-256 of the candidates as lines `USCC GRADE` in their order: what
// `sort | sha256sum` gives for the list.
std::string candidate_digest(const DrawCandidates& candidates);

// Steps 2 and 4: the tickets of all candidates, and the `quotas` smallest of each grade, in
// ascending ticket order. The tickets are computed on two threads.
std::vector<DrawCandidate>
draw_targets(std::string_view seed, const DrawCandidates& candidates, const GradeCounts& quotas);

struct PoolInspector {
    std::int64_t officer_id = 0;
    std::string badge;
};

// A target to give a team: its enterprise and USCC.
struct TeamTarget {
    std::int64_t enterprise_id = 0;
    std::string uscc;
    std::string name;
};

// Step 5: for each target in order, its eligible inspectors (the pool minus those in
// `conflicts` with it, 回避) ranked by (targets already given in this draw, team ticket); the
// first `team_size` form its team (indexes into `pool`). Too few: Exit::conflict naming it.
std::vector<std::vector<std::size_t>> form_teams(
    std::string_view seed,
    const std::vector<TeamTarget>& targets,
    const std::vector<PoolInspector>& pool,
    const std::set<std::pair<std::int64_t, std::int64_t>>& conflicts, // (enterprise, officer)
    std::int64_t team_size);

} // namespace hujing::domain
