// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/demands/demand.hpp>
#include <hujing/projects/project.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/file.hpp>
#include <hujing/visits/visit.hpp>

namespace hujing::domain {

const std::vector<FilePartFn>& enterprise_file_parts() {
    static const std::vector<FilePartFn> parts = {
        // The registry's own sections come first; capabilities add their part here.
        officer_file_part,
        credit_file_part,
        risk_file_part,
        exemption_file_part,
        project_file_part,
        visit_file_part,
        demand_file_part,
    };
    return parts;
}

} // namespace hujing::domain
