// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/audit/audit.hpp>
#include <hujing/domain/enterprise.hpp>
#include <hujing/domain/enterprise_import.hpp>
#include <hujing/error.hpp>
#include <hujing/io/csv_reader.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

#include <array>
#include <map>
#include <optional>

namespace hujing::domain {

namespace {

constexpr std::size_t k_max_details = 50;
constexpr std::int64_t k_progress_every = 4096;

enum Col : std::size_t {
    c_uscc,
    c_name,
    c_town,
    c_industry,
    c_industry_code,
    c_scale,
    c_legal_rep,
    c_phone,
    c_address,
    c_tags,
    c_sectors,
    c_count
};

constexpr std::size_t k_absent = static_cast<std::size_t>(-1);

// Why a row was rejected: invalid data, or its USCC exists and on_conflict is fail.
enum class Problem { invalid, conflict };

// Collects the rejected rows: the first 50 kept, all counted.
struct Problems {
    std::vector<Diagnostic> kept;
    std::int64_t total = 0;
    bool all_conflicts = true;

    void add(SourceLocation where, std::string message, Problem kind) {
        ++total;
        if (kind != Problem::conflict) {
            all_conflicts = false;
        }
        if (kept.size() < k_max_details) {
            kept.push_back(Diagnostic{std::move(where), std::move(message)});
        }
    }
};

// The prepared statements of an import, prepared once and reused for every row.
struct Statements {
    SQLite::Statement insert;
    SQLite::Statement find;
    SQLite::Statement update;
    SQLite::Statement insert_tag;
    SQLite::Statement insert_sector;
    SQLite::Statement delete_tags;
    SQLite::Statement delete_sectors;

    explicit Statements(SQLite::Database& db)
        : insert(db,
                 "INSERT INTO enterprise(uscc, name, town, industry, industry_code, scale,"
                 " legal_rep, phone, address, created_at, updated_at)"
                 " VALUES (?,?,?,?,?,?,?,?,?,?10,?10) ON CONFLICT(uscc) DO NOTHING"),
          find(db, "SELECT id FROM enterprise WHERE uscc = ?"),
          // Only the columns present in the file are replaced (?N IS NULL keeps the others):
          // flags 12..18 say which columns the file has.
          update(db,
                 "UPDATE enterprise SET name = ?2,"
                 " town = CASE WHEN ?12 THEN ?3 ELSE town END,"
                 " industry = CASE WHEN ?13 THEN ?4 ELSE industry END,"
                 " industry_code = CASE WHEN ?14 THEN ?5 ELSE industry_code END,"
                 " scale = CASE WHEN ?15 THEN ?6 ELSE scale END,"
                 " legal_rep = CASE WHEN ?16 THEN ?7 ELSE legal_rep END,"
                 " phone = CASE WHEN ?17 THEN ?8 ELSE phone END,"
                 " address = CASE WHEN ?18 THEN ?9 ELSE address END,"
                 " updated_at = ?10 WHERE id = ?11"),
          insert_tag(db, "INSERT OR IGNORE INTO enterprise_tag(enterprise_id, tag) VALUES (?, ?)"),
          insert_sector(
              db, "INSERT OR IGNORE INTO enterprise_sector(enterprise_id, sector) VALUES (?, ?)"),
          delete_tags(db, "DELETE FROM enterprise_tag WHERE enterprise_id = ?"),
          delete_sectors(db, "DELETE FROM enterprise_sector WHERE enterprise_id = ?") {}
};

void run(SQLite::Statement& stmt) {
    stmt.exec();
    stmt.reset();
}

void bind_data(SQLite::Statement& q, const EnterpriseData& d) {
    q.bind(1, d.uscc);
    q.bind(2, d.name);
    storage::bind_optional(q, 3, d.town);
    storage::bind_optional(q, 4, d.industry);
    storage::bind_optional(q, 5, d.industry_code);
    storage::bind_optional(q, 6, d.scale);
    storage::bind_optional(q, 7, d.legal_rep);
    storage::bind_optional(q, 8, d.phone);
    storage::bind_optional(q, 9, d.address);
}

void write_lists(Statements& s, std::int64_t id, const EnterpriseData& d) {
    for (const auto& tag : d.tags) {
        s.insert_tag.bind(1, id);
        s.insert_tag.bind(2, tag);
        run(s.insert_tag);
    }
    for (const auto& sector : d.sectors) {
        s.insert_sector.bind(1, id);
        s.insert_sector.bind(2, sector);
        run(s.insert_sector);
    }
}

// A savepoint released on success and rolled back (then released) otherwise or on dry run.
class Savepoint {
public:
    explicit Savepoint(SQLite::Database& db)
        : m_db(db) {
        m_db.exec("SAVEPOINT enterprise_import");
    }

    ~Savepoint() {
        if (m_open) {
            try {
                m_db.exec("ROLLBACK TO enterprise_import");
                m_db.exec("RELEASE enterprise_import");
            } catch (...) { // NOLINT(bugprone-empty-catch): the outer transaction rolls back
            }
        }
    }

    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;

    void release() {
        m_db.exec("RELEASE enterprise_import");
        m_open = false;
    }

private:
    SQLite::Database& m_db;
    bool m_open = true;
};

} // namespace

OnConflict parse_on_conflict(std::string_view text) {
    if (text == "fail") {
        return OnConflict::fail;
    }
    if (text == "skip") {
        return OnConflict::skip;
    }
    if (text == "update") {
        return OnConflict::update;
    }
    throw_invalid(fmt::format("--on-conflict 无效: {}", text), "可用: fail、skip、update");
}

const std::vector<std::string>& import_columns() {
    static const std::vector<std::string> columns = {"uscc",
                                                     "name",
                                                     "town",
                                                     "industry",
                                                     "industry_code",
                                                     "scale",
                                                     "legal_rep",
                                                     "phone",
                                                     "address",
                                                     "tags",
                                                     "sectors"};
    return columns;
}

EnterpriseImportResult import_enterprises(storage::WriteTransaction& tx,
                                          storage::Database& db,
                                          std::istream& in,
                                          const std::string& name,
                                          const EnterpriseImportOptions& options) {
    const std::string display = name == "-" ? "<stdin>" : name;
    io::CsvReader reader(in, name);
    const auto header = reader.next();
    if (!header) {
        throw Error(Exit::invalid,
                    "CSV 文件为空: " + display,
                    "首行应为表头，如 uscc,name,town,industry,scale");
    }
    const SourceLocation header_at{display, static_cast<int>(header->line), 0};
    const auto& known = import_columns();
    std::array<std::size_t, c_count> index{};
    index.fill(k_absent);
    for (std::size_t i = 0; i < header->fields.size(); ++i) {
        const auto column = std::string(util::trim(header->fields[i]));
        const auto it = std::find(known.begin(), known.end(), column);
        if (it == known.end()) {
            throw Error(Exit::invalid,
                        "未知的列: " + column,
                        "可用列: " + util::join(known, ","),
                        header_at);
        }
        auto& slot = index[static_cast<std::size_t>(it - known.begin())];
        if (slot != k_absent) {
            throw Error(Exit::invalid, "重复的列: " + column, {}, header_at);
        }
        slot = i;
    }
    for (const Col required : {c_uscc, c_name}) {
        if (index[required] == k_absent) {
            throw Error(
                Exit::invalid, "缺少必需的列: " + known[required], "必需列: uscc,name", header_at);
        }
    }
    const std::size_t width = header->fields.size();

    auto& sql = db.sql();
    Savepoint savepoint(sql);
    Statements s(sql);
    const std::int64_t max_before =
        sql.execAndGet("SELECT coalesce(max(id), 0) FROM enterprise").getInt64();
    // Existing enterprises touched by this file (skip/update), to spot a second occurrence;
    // ids of rows added by this import are all above `max_before`. One bit per existing id.
    std::vector<bool> touched;
    const auto now = audit::utc_now();
    s.insert.bind(10, now);
    s.update.bind(10, now);
    for (std::size_t c = c_town; c <= c_address; ++c) {
        s.update.bind(static_cast<int>(12 + c - c_town), index[c] != k_absent ? 1 : 0);
    }

    EnterpriseImportResult result;
    Problems problems;
    std::map<std::string, std::pair<std::string, std::int64_t>> former_towns;
    const bool skip_invalid = options.skip_invalid == SkipInvalid::yes;
    auto reject = [&](const SourceLocation& where, std::string message, Problem kind) {
        ++result.invalid;
        if (skip_invalid && options.skipped_row) {
            options.skipped_row(to_string(where), message);
        }
        problems.add(where, std::move(message), kind);
    };

    EnterpriseData data;
    io::CsvRecord record;
    std::int64_t rows = 0;
    // A record the reader cannot parse (bad UTF-8, a broken quote) ends the input: nothing
    // after it can be read, so the import fails even with --skip-invalid.
    std::optional<Diagnostic> unreadable;
    for (;;) {
        try {
            if (!reader.next(record)) {
                break;
            }
        } catch (const Error& e) {
            unreadable = Diagnostic{e.where().value_or(SourceLocation{display, 0, 0}), e.what()};
            break;
        }
        if (options.progress && ++rows % k_progress_every == 0) {
            options.progress(reader.bytes_read());
        }
        const SourceLocation where{display, static_cast<int>(record.line), 0};
        auto& fields = record.fields;
        if (fields.size() != width) {
            reject(
                where, fmt::format("列数为 {}，表头为 {}", fields.size(), width), Problem::invalid);
            continue;
        }
        auto take = [&](Col c) -> std::optional<std::string> {
            if (index[c] == k_absent) {
                return std::nullopt;
            }
            return std::move(fields[index[c]]);
        };
        data.uscc = take(c_uscc).value_or("");
        data.name = take(c_name).value_or("");
        data.town = take(c_town);
        data.industry = take(c_industry);
        data.industry_code = take(c_industry_code);
        data.scale = take(c_scale);
        data.legal_rep = take(c_legal_rep);
        data.phone = take(c_phone);
        data.address = take(c_address);
        data.tags.clear();
        data.sectors.clear();
        if (auto tags = take(c_tags)) {
            data.tags.push_back(std::move(*tags));
        }
        if (auto sectors = take(c_sectors)) {
            data.sectors.push_back(std::move(*sectors));
        }
        if (util::trim(data.uscc).empty()) {
            reject(where, "缺少统一社会信用代码 (uscc)", Problem::invalid);
            continue;
        }
        std::optional<std::string> former;
        try {
            former = normalize_enterprise(data);
        } catch (const Error& e) {
            reject(where, e.what(), Problem::invalid);
            continue;
        }

        bind_data(s.insert, data);
        const int inserted = s.insert.exec();
        s.insert.reset();
        std::int64_t id = 0;
        if (inserted > 0) {
            id = sql.getLastInsertRowid();
            write_lists(s, id, data);
            ++result.added;
        } else {
            s.find.bind(1, data.uscc);
            s.find.executeStep();
            id = s.find.getColumn(0).getInt64();
            s.find.reset();
            const auto existing = static_cast<std::size_t>(id);
            const bool seen_here =
                id > max_before || (existing < touched.size() && touched[existing]);
            if (seen_here) {
                reject(where,
                       fmt::format("文件中统一社会信用代码重复: {}", data.uscc),
                       Problem::invalid);
                continue;
            }
            if (options.on_conflict == OnConflict::fail) {
                reject(where,
                       fmt::format("统一社会信用代码已存在: {} (编号 {})", data.uscc, id),
                       Problem::conflict);
                continue;
            }
            if (touched.empty()) {
                touched.resize(static_cast<std::size_t>(max_before) + 1, false);
            }
            touched[existing] = true;
            if (options.on_conflict == OnConflict::skip) {
                ++result.skipped;
                continue;
            }
            bind_data(s.update, data);
            s.update.bind(11, id);
            run(s.update);
            if (index[c_tags] != k_absent) {
                s.delete_tags.bind(1, id);
                run(s.delete_tags);
            }
            if (index[c_sectors] != k_absent) {
                s.delete_sectors.bind(1, id);
                run(s.delete_sectors);
            }
            write_lists(s, id, data);
            ++result.updated;
        }
        if (former) {
            auto& entry = former_towns[*former];
            entry.first = *data.town;
            ++entry.second;
        }
    }
    if (options.progress) {
        options.progress(reader.bytes_read());
    }

    if (unreadable) {
        problems.add(unreadable->where, unreadable->message, Problem::invalid);
        throw Error(
            Exit::invalid,
            fmt::format("导入失败: {} 无法读完（{}），未导入任何记录",
                        display,
                        to_string(unreadable->where)),
            problems.total > static_cast<std::int64_t>(problems.kept.size())
                ? fmt::format("仅列出前 {} 条，共 {} 条", problems.kept.size(), problems.total)
                : std::string("修正该行后重新导入"))
            .with_details(std::move(problems.kept));
    }
    if (problems.total > 0 && !skip_invalid) {
        std::string hint;
        if (problems.total > static_cast<std::int64_t>(problems.kept.size())) {
            hint = fmt::format("仅列出前 {} 条，共 {} 条", problems.kept.size(), problems.total);
        } else if (problems.all_conflicts) {
            hint = "用 --on-conflict skip 或 update 处理已登记的企业";
        } else {
            hint = "用 --skip-invalid 只导入正确的行";
        }
        throw Error(problems.all_conflicts ? Exit::conflict : Exit::invalid,
                    fmt::format("导入失败: {} 行有错误，未导入任何记录", problems.total),
                    std::move(hint))
            .with_details(std::move(problems.kept));
    }
    for (const auto& [former, target] : former_towns) {
        result.notices.push_back(fmt::format("{} 已并入或更名为 {}，{} 行按 {} 登记",
                                             former,
                                             target.first,
                                             target.second,
                                             target.first));
    }
    if (options.dry_run == DryRun::yes) {
        return result; // the savepoint rolls everything back
    }
    tx.audit("enterprise",
             std::nullopt,
             "import",
             nullptr,
             {{"file", display},
              {"added", result.added},
              {"updated", result.updated},
              {"skipped", result.skipped},
              {"invalid", result.invalid}});
    savepoint.release();
    return result;
}

std::string format_import_result(const EnterpriseImportResult& r) {
    return fmt::format(
        "added={} updated={} skipped={} invalid={}", r.added, r.updated, r.skipped, r.invalid);
}

nlohmann::json import_result_json(const EnterpriseImportResult& r, DryRun dry_run) {
    return {{"added", r.added},
            {"updated", r.updated},
            {"skipped", r.skipped},
            {"invalid", r.invalid},
            {"dry_run", dry_run == DryRun::yes}};
}

} // namespace hujing::domain
