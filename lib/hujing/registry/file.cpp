// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/cases/case_page.hpp>
#include <hujing/cases/prereport.hpp>
#include <hujing/demands/demand.hpp>
#include <hujing/inspect/inspection.hpp>
#include <hujing/projects/project.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/file.hpp>
#include <hujing/visits/visit.hpp>

namespace hujing::domain {

PartLoader eager_part(FilePartFn fn) {
    return [fn](storage::Database& db, std::int64_t enterprise_id, const FileOptions& options) {
        auto part = std::make_shared<const FilePart>(fn(db, enterprise_id, options));
        return LoadedPart{
            part->key, part->title, [part] { return part->table; }, [part] { return part->json; }};
    };
}

const std::vector<PartLoader>& enterprise_file_parts() {
    static const std::vector<PartLoader> parts = {
        // The registry's own sections come first; capabilities add their part here.
        officer_file_part,
        credit_file_part,
        risk_file_part,
        exemption_file_part,
        project_file_part,
        eager_part(visit_file_part),
        eager_part(demand_file_part),
        case_file_part,
        prereport_file_part,
        inspection_file_part,
        rectification_file_part,
    };
    return parts;
}

} // namespace hujing::domain
