// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/domain/demand.hpp>
#include <hujing/domain/enterprise_file.hpp>
#include <hujing/domain/visit.hpp>

namespace hujing::domain {

const std::vector<FilePartFn>& enterprise_file_parts() {
    static const std::vector<FilePartFn> parts = {
        // Capabilities add their part here, e.g. visit_file_part, demand_file_part.
        visit_file_part,
        demand_file_part,
    };
    return parts;
}

} // namespace hujing::domain
