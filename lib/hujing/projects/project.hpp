// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/output/table.hpp>
#include <hujing/output/view.hpp>
#include <hujing/output/writer.hpp>
#include <hujing/registry/file.hpp>
#include <hujing/storage/database.hpp>
#include <hujing/storage/query.hpp>
#include <hujing/storage/transaction.hpp>
#include <hujing/util/date.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hujing::domain {

// A key project (千项万亿) and its 五个一: one project, one officer, one team, one plan, one
// archive.
struct NewProject {
    std::string name;
    std::string officer;                   // badge of the project officer (项目警官)
    std::optional<std::string> enterprise; // id or USCC
    std::optional<std::string> plan;
    std::optional<std::string> archive; // path of the project archive
    std::optional<std::int64_t> visit_interval_days;
    util::Date since{}; // the visit clock starts here (project add --since, default today)
};

// Add a project; returns its id. A duplicate name → Exit::conflict; unknown officer or
// enterprise → Exit::not_found; a bad interval or empty name → Exit::invalid.
std::int64_t
add_project(storage::WriteTransaction& tx, storage::Database& db, const NewProject& project);

// A change to a project; each set field replaces the stored one (an empty plan, archive or
// enterprise clears it).
struct ProjectUpdate {
    std::optional<std::string> name;
    std::optional<std::string> officer;
    std::optional<std::string> enterprise;
    std::optional<std::string> plan;
    std::optional<std::string> archive;
    std::optional<std::int64_t> visit_interval_days;
    std::optional<util::Date> since;
};

// Apply `update` to project `key` (id or name); returns its id.
std::int64_t update_project(storage::WriteTransaction& tx,
                            storage::Database& db,
                            std::string_view key,
                            const ProjectUpdate& update);

struct ProjectMember {
    std::string badge;
    std::string name;
    std::string unit;
    std::optional<std::string> duty;
};

struct Project {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::int64_t> enterprise_id;
    std::optional<std::string> enterprise_uscc;
    std::optional<std::string> enterprise_name;
    std::string officer_badge;
    std::string officer_name;
    std::optional<std::string> plan;
    std::optional<std::string> archive_path;
    std::optional<std::int64_t> visit_interval_days;
    std::string since;
    std::string created_at;
    std::vector<ProjectMember> team;
};

// Find a project by id or exact name.
std::optional<Project> find_project(storage::Database& db, std::string_view key);

// As find_project; throws Exit::not_found.
Project get_project(storage::Database& db, std::string_view key);

// As get_project, the project and its team read in one read transaction (for `project show`).
Project load_project(storage::Database& db, std::string_view key);

// The projects of enterprise `enterprise_id`, by id, without their teams.
std::vector<Project> enterprise_projects(storage::Database& db, std::int64_t enterprise_id);

// The fields of a project, declared once: the listing's columns (with "team" the badges of
// the team), csv header, json keys, --fields names and defaults, and the top of `project show`.
output::View<Project> project_view();

// The fields of a team member: the team listing and the team of `project show`.
output::View<ProjectMember> project_member_view();

struct ProjectQuery {
    std::optional<std::string> officer;    // badge: project officer or team member
    std::optional<std::string> enterprise; // id or USCC
};

// The enterprise file part: the key projects of the enterprise.
LoadedPart
project_file_part(storage::Database& db, std::int64_t enterprise_id, const FileOptions& options);

// The columns of a project listing, and those shown without --fields (project_view()'s).
std::vector<output::Column> project_columns();
std::vector<std::string> project_default_fields();

// Stream the projects matching `query` to `sink` as rows for project_columns(), by id unless
// --sort, paged in SQL; returns the row count.
std::int64_t list_projects(storage::Database& db,
                           const ProjectQuery& query,
                           const ListPaging& paging,
                           const RowSink& sink);

// The project as one JSON object: project_view()'s fields, `team` an array of
// project_member_view() objects.
nlohmann::json project_json(const Project& project);

// The `show` page of a project.
std::vector<output::Section> project_sections(const Project& project);

// Add officer `badge` to the team of project `key` with an optional `duty`; returns the project
// id. Already in the team, or the project officer → Exit::conflict.
std::int64_t add_project_member(storage::WriteTransaction& tx,
                                storage::Database& db,
                                std::string_view key,
                                std::string_view badge,
                                const std::optional<std::string>& duty);

// Remove officer `badge` from the team of project `key`; returns the project id.
std::int64_t remove_project_member(storage::WriteTransaction& tx,
                                   storage::Database& db,
                                   std::string_view key,
                                   std::string_view badge);

// The columns of a team listing (project_member_view()'s).
std::vector<output::Column> project_member_columns();

// Stream the team of project `key` to `sink` as rows for project_member_columns(), by badge
// unless --sort, paged in SQL; returns the row count.
std::int64_t list_project_members(storage::Database& db,
                                  std::string_view key,
                                  const ListPaging& paging,
                                  const RowSink& sink);

} // namespace hujing::domain
