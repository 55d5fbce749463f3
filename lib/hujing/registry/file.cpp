// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/demands/demand.hpp>
#include <hujing/registry/file.hpp>
#include <hujing/visits/visit.hpp>

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
