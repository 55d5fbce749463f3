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
#include <memory>
#include <optional>
#include <unordered_set>

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

// Rows are staged in temporary tables and moved into the registry one batch at a time with
// INSERT … SELECT / UPDATE … FROM. Inserting row by row would make every statement a statement
// transaction (the FTS trigger makes it a multi-row write), and FTS5 flushes its pending index
// data at each of those savepoints — one tiny segment per enterprise, several times slower than
// `sqlite3`'s .import + INSERT … SELECT. Batching keeps the FTS work in bulk.
constexpr std::int64_t k_batch_rows = 16384;

constexpr const char* k_create_staging =
    "CREATE TEMP TABLE hujing_import_new(id INTEGER PRIMARY KEY, uscc TEXT NOT NULL,"
    " name TEXT, town TEXT, industry TEXT, industry_code TEXT, scale TEXT, legal_rep TEXT,"
    " phone TEXT, address TEXT, tags TEXT, sectors TEXT);"
    "CREATE TEMP TABLE hujing_import_upd(id INTEGER PRIMARY KEY, name TEXT, town TEXT,"
    " industry TEXT, industry_code TEXT, scale TEXT, legal_rep TEXT, phone TEXT, address TEXT,"
    " tags TEXT, sectors TEXT);";

constexpr const char* k_drop_staging =
    "DROP TABLE temp.hujing_import_new; DROP TABLE temp.hujing_import_upd;";

// The prepared statements of an import, prepared once and reused for every row and batch.
struct Statements {
    SQLite::Statement find;
    SQLite::Statement stage_new;
    SQLite::Statement stage_update;
    SQLite::Statement move_new;
    SQLite::Statement move_update;
    SQLite::Statement clear_tags;
    SQLite::Statement clear_sectors;
    SQLite::Statement move_tags;
    SQLite::Statement move_sectors;
    std::vector<SQLite::Statement> empty;

    explicit Statements(SQLite::Database& db)
        : find(db, "SELECT id FROM main.enterprise WHERE uscc = ?"),
          stage_new(db,
                    "INSERT INTO temp.hujing_import_new(id, uscc, name, town, industry,"
                    " industry_code, scale, legal_rep, phone, address, tags, sectors)"
                    " VALUES (?11, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?12, ?13)"),
          stage_update(db,
                       "INSERT INTO temp.hujing_import_upd(id, name, town, industry,"
                       " industry_code, scale, legal_rep, phone, address, tags, sectors)"
                       " VALUES (?11, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?12, ?13)"),
          move_new(db,
                   "INSERT INTO main.enterprise(id, uscc, name, town, industry, industry_code,"
                   " scale, legal_rep, phone, address, created_at, updated_at)"
                   " SELECT id, uscc, name, town, industry, industry_code, scale, legal_rep,"
                   " phone, address, ?1, ?1 FROM temp.hujing_import_new ORDER BY id"),
          // Only the columns present in the file are replaced: ?2..?8 say which it has.
          move_update(db,
                      "UPDATE main.enterprise SET name = u.name,"
                      " town = CASE WHEN ?2 THEN u.town ELSE enterprise.town END,"
                      " industry = CASE WHEN ?3 THEN u.industry ELSE enterprise.industry END,"
                      " industry_code = CASE WHEN ?4 THEN u.industry_code"
                      " ELSE enterprise.industry_code END,"
                      " scale = CASE WHEN ?5 THEN u.scale ELSE enterprise.scale END,"
                      " legal_rep = CASE WHEN ?6 THEN u.legal_rep ELSE enterprise.legal_rep END,"
                      " phone = CASE WHEN ?7 THEN u.phone ELSE enterprise.phone END,"
                      " address = CASE WHEN ?8 THEN u.address ELSE enterprise.address END,"
                      " updated_at = ?1 FROM temp.hujing_import_upd u WHERE enterprise.id = u.id"),
          clear_tags(db,
                     "DELETE FROM main.enterprise_tag"
                     " WHERE enterprise_id IN (SELECT id FROM temp.hujing_import_upd)"),
          clear_sectors(db,
                        "DELETE FROM main.enterprise_sector"
                        " WHERE enterprise_id IN (SELECT id FROM temp.hujing_import_upd)"),
          // Tags and sectors travel as JSON arrays (NULL when none).
          move_tags(db,
                    "INSERT OR IGNORE INTO main.enterprise_tag(enterprise_id, tag)"
                    " SELECT s.id, j.value FROM (SELECT id, tags FROM temp.hujing_import_new"
                    " WHERE tags IS NOT NULL UNION ALL SELECT id, tags FROM temp.hujing_import_upd"
                    " WHERE tags IS NOT NULL) s, json_each(s.tags) j"),
          move_sectors(db,
                       "INSERT OR IGNORE INTO main.enterprise_sector(enterprise_id, sector)"
                       " SELECT s.id, j.value FROM (SELECT id, sectors FROM temp.hujing_import_new"
                       " WHERE sectors IS NOT NULL UNION ALL SELECT id, sectors"
                       " FROM temp.hujing_import_upd WHERE sectors IS NOT NULL) s,"
                       " json_each(s.sectors) j") {
        for (const char* table : {"hujing_import_new", "hujing_import_upd"}) {
            empty.emplace_back(db, std::string("DELETE FROM temp.") + table);
        }
    }
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

// Append `values` to `out` as a JSON array of strings (control characters were rejected).
void json_array(const std::vector<std::string>& values, std::string& out) {
    out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += i == 0 ? "\"" : ",\"";
        for (const char c : values[i]) {
            if (c == '"' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
        out += '"';
    }
    out += ']';
}

// Bind the tags and sectors of `d` as JSON arrays at 12 and 13 (NULL when empty).
void bind_lists(SQLite::Statement& q,
                const EnterpriseData& d,
                std::string& tags,
                std::string& sectors) {
    if (d.tags.empty()) {
        q.bind(12);
    } else {
        json_array(d.tags, tags);
        q.bindNoCopy(12, tags);
    }
    if (d.sectors.empty()) {
        q.bind(13);
    } else {
        json_array(d.sectors, sectors);
        q.bindNoCopy(13, sectors);
    }
}

// Move the staged batch into the registry and empty the staging tables.
void flush(Statements& s, bool has_tags, bool has_sectors, bool any_updates) {
    run(s.move_new);
    if (any_updates) {
        run(s.move_update);
        if (has_tags) {
            run(s.clear_tags);
        }
        if (has_sectors) {
            run(s.clear_sectors);
        }
    }
    run(s.move_tags);
    run(s.move_sectors);
    for (auto& e : s.empty) {
        run(e);
    }
}

// Set a connection pragma for the life of this object, then restore it.
class PragmaScope {
public:
    PragmaScope(SQLite::Database& db, std::string name, const std::string& value)
        : m_db(db),
          m_name(std::move(name)),
          m_old(db.execAndGet("PRAGMA " + m_name).getString()) {
        m_db.exec("PRAGMA " + m_name + " = " + value);
    }

    ~PragmaScope() {
        try {
            m_db.exec("PRAGMA " + m_name + " = " + m_old);
        } catch (...) { // NOLINT(bugprone-empty-catch): a cache size is not worth failing over
        }
    }

    PragmaScope(const PragmaScope&) = delete;
    PragmaScope& operator=(const PragmaScope&) = delete;

private:
    SQLite::Database& m_db;
    std::string m_name;
    std::string m_old;
};

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
    // A larger page cache for the bulk writes (memory stays far below 64 MiB), and staging
    // tables in memory (one batch at a time).
    const PragmaScope cache(sql, "cache_size", "-16384");
    const PragmaScope temp_store(sql, "temp_store", "MEMORY");
    Savepoint savepoint(sql);
    sql.exec(k_create_staging);
    auto s = std::make_unique<Statements>(sql);
    const std::int64_t max_before =
        sql.execAndGet("SELECT coalesce(max(id), 0) FROM main.enterprise").getInt64();
    // The ids of new enterprises are assigned here (the write lock is held), in file order.
    std::int64_t next_id = max_before + 1;
    // Existing enterprises touched by this file (skip/update), to spot a second occurrence;
    // ids of rows added by this import are all above `max_before`. One bit per existing id.
    std::vector<bool> touched;
    const auto now = audit::utc_now();
    s->move_new.bind(1, now);
    s->move_update.bind(1, now);
    for (std::size_t c = c_town; c <= c_address; ++c) {
        s->move_update.bind(static_cast<int>(2 + c - c_town), index[c] != k_absent ? 1 : 0);
    }
    const bool has_tags = index[c_tags] != k_absent;
    const bool has_sectors = index[c_sectors] != k_absent;
    std::int64_t staged = 0;
    bool staged_updates = false;
    // USCCs staged in the current batch (not yet in the registry), for in-file duplicates.
    std::unordered_set<std::string> batch_usccs;
    std::string tags_json;
    std::string sectors_json;

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

        s->find.bind(1, data.uscc);
        const bool exists = s->find.executeStep();
        const std::int64_t id = exists ? s->find.getColumn(0).getInt64() : next_id;
        s->find.reset();
        if (!exists) {
            if (!batch_usccs.insert(data.uscc).second) { // earlier in this batch
                reject(where,
                       fmt::format("文件中统一社会信用代码重复: {}", data.uscc),
                       Problem::invalid);
                continue;
            }
            bind_data(s->stage_new, data);
            s->stage_new.bind(11, id);
            bind_lists(s->stage_new, data, tags_json, sectors_json);
            run(s->stage_new);
            ++next_id;
            ++result.added;
        } else {
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
            bind_data(s->stage_update, data);
            s->stage_update.bind(11, id);
            bind_lists(s->stage_update, data, tags_json, sectors_json);
            run(s->stage_update);
            staged_updates = true;
            ++result.updated;
        }
        if (++staged >= k_batch_rows) {
            flush(*s, has_tags, has_sectors, staged_updates);
            staged = 0;
            staged_updates = false;
            batch_usccs.clear();
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
    flush(*s, has_tags, has_sectors, staged_updates);
    s.reset();
    sql.exec(k_drop_staging);

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
