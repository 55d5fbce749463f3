// SPDX-License-Identifier: GPL-3.0-or-later
// The closed lists of hujing's domain (DESIGN.md §3), each declared once, here: validation,
// settings, shell completion (`hujing __complete`), `hujing __dump-values` and through it the
// man pages all read these.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::domain {

// One value of a closed list: the code stored and printed in machine formats, and the Chinese
// label tables show (the same text when the code is Chinese).
struct Term {
    std::string_view code;
    std::string_view label;
};

// A closed list of values under a stable machine name (e.g. "officer_role").
class Vocabulary {
public:
    template <std::size_t N>
    constexpr Vocabulary(std::string_view name, const Term (&terms)[N]) noexcept
        : m_name(name),
          m_terms(terms) {}

    [[nodiscard]] constexpr std::string_view name() const {
        return m_name;
    }

    [[nodiscard]] constexpr std::span<const Term> terms() const {
        return m_terms;
    }

    // The codes in declaration order.
    [[nodiscard]] std::vector<std::string> codes() const;

    [[nodiscard]] bool contains(std::string_view code) const;

    // The label of `code`; `code` itself when it is not in the list.
    [[nodiscard]] std::string label(std::string_view code) const;

private:
    std::string_view m_name;
    std::span<const Term> m_terms;
};

extern const Vocabulary k_officer_roles;      // officer_role.role, enterprise_officer.role
extern const Vocabulary k_unit_kinds;         // unit.kind
extern const Vocabulary k_visit_kinds;        // visit.kind
extern const Vocabulary k_demand_categories;  // demand.category
extern const Vocabulary k_demand_sources;     // demand.source
extern const Vocabulary k_demand_statuses;    // demand.status
extern const Vocabulary k_demand_actions;     // demand_event.action
extern const Vocabulary k_sectors;            // enterprise_sector.sector (the forms' sectors)
extern const Vocabulary k_credit_grades;      // enterprise.credit_grade, credit_event.grade
extern const Vocabulary k_credit_kinds;       // credit_event.kind
extern const Vocabulary k_scales;             // enterprise.scale
extern const Vocabulary k_risk_levels;        // risk.level
extern const Vocabulary k_division_kinds;     // the kinds of schemas/divisions.yaml
extern const Vocabulary k_report_kinds;       // report_number.kind (the three documents)
extern const Vocabulary k_case_types;         // case_.type
extern const Vocabulary k_case_statuses;      // case_.status
extern const Vocabulary k_case_origins;       // case_.origin
extern const Vocabulary k_case_roles;         // case_enterprise.role
extern const Vocabulary k_review_results;     // case_.review, case_review.result
extern const Vocabulary k_case_actions;       // case_event.action
extern const Vocabulary k_prereport_kinds;    // prereport.kind
extern const Vocabulary k_prereport_statuses; // prereport.status
extern const Vocabulary k_detention_measures; // prereport.measure of a detention
extern const Vocabulary k_property_measures;  // prereport.measure of a property measure
extern const Vocabulary k_detainee_positions; // prereport.position
extern const Vocabulary k_form_kinds;         // form_item.kind
extern const Vocabulary k_severities;         // form_item.severity
extern const Vocabulary k_inspection_results; // inspection_result.result
extern const Vocabulary k_conclusions;        // inspection.conclusion (检查结果类型)

// Every list above, for `hujing __dump-values` and the tests.
std::span<const Vocabulary* const> vocabularies();

} // namespace hujing::domain
