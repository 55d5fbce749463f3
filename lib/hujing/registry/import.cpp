// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/audit/audit.hpp>
#include <hujing/error.hpp>
#include <hujing/io/csv_reader.hpp>
#include <hujing/registry/enterprise.hpp>
#include <hujing/registry/import.hpp>
#include <hujing/registry/import_rows.hpp>
#include <hujing/util/text.hpp>
#include <hujing/util/uscc.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <optional>

namespace hujing::domain {

namespace {

using namespace import_rows; // NOLINT(google-build-using-namespace): this file's own parts

// How an import works, and why (the target is `sqlite3`'s .import into a staging table plus
// INSERT … SELECT into the same schema, in flat memory):
//
// Validated rows are staged in a temporary table and moved into the registry one batch at a
// time with INSERT … SELECT (and UPDATE … FROM for --on-conflict update). Inserting row by row
// would make every statement a statement transaction (the FTS trigger makes it a multi-row
// write), and FTS5 flushes its pending index data at each of those savepoints: one tiny segment
// per enterprise, three times slower than sqlite3. Rows whose USCC is already registered (before
// the import, or in an earlier batch of this file) are found after each batch's INSERT … ON
// CONFLICT DO NOTHING by probing the ids just assigned, so the common path costs no extra index
// lookup per row. Duplicates inside one batch are caught in memory (a set of at most one batch of
// packed USCCs); later ones because the first occurrence is then registered with an id above
// those that existed before the import, or was an existing enterprise already touched (one bit
// per existing id).

constexpr std::size_t k_max_details = 50;
constexpr std::int64_t k_batch_rows = 16384;

// Why a row was rejected: invalid data, or its USCC exists and on_conflict is fail.
enum class Problem { invalid, conflict };

// Collects the rejected rows: the first 50 by line kept, all counted.
struct Problems {
    std::vector<Diagnostic> kept;
    std::int64_t total = 0;
    bool all_conflicts = true;

    void add(SourceLocation where, std::string message, Problem kind) {
        ++total;
        if (kind != Problem::conflict) {
            all_conflicts = false;
        }
        // Conflicts are found at the end of a batch, after later invalid rows: keep line order.
        const auto at = std::upper_bound(
            kept.begin(), kept.end(), where.line, [](int line, const Diagnostic& d) {
                return line < d.where.line;
            });
        if (kept.size() < k_max_details || at != kept.end()) {
            kept.insert(at, Diagnostic{std::move(where), std::move(message)});
            if (kept.size() > k_max_details) {
                kept.pop_back();
            }
        }
    }
};

// A set of the USCCs staged in the current batch: each packed into 90 bits (18 characters of
// 5 bits), open addressing, no allocation per row.
class UsccSet {
public:
    UsccSet()
        : m_slots(k_slots) {}

    // Insert `uscc` (valid, 18 characters); false when it was there already.
    bool insert(std::string_view uscc) {
        const auto key = pack(uscc);
        auto i = static_cast<std::size_t>((key.first * 0x9E3779B97F4A7C15ULL) ^ key.second)
                 & (k_slots - 1);
        while (m_slots[i].first != 0) {
            if (m_slots[i] == key) {
                return false;
            }
            i = (i + 1) & (k_slots - 1);
        }
        m_slots[i] = key;
        return true;
    }

    void clear() {
        std::fill(m_slots.begin(), m_slots.end(), Key{0, 0});
    }

private:
    using Key = std::pair<std::uint64_t, std::uint64_t>;
    static constexpr std::size_t k_slots = 4 * static_cast<std::size_t>(k_batch_rows);

    static Key pack(std::string_view uscc) {
        Key key{1, 0}; // the leading 1 keeps a packed key from being the empty slot
        for (std::size_t i = 0; i < uscc.size(); ++i) {
            const auto value =
                static_cast<std::uint64_t>(util::k_uscc_alphabet.find(uscc[i]) & 31U);
            auto& half = i < 9 ? key.first : key.second;
            half = (half << 5U) | value;
        }
        return key;
    }

    std::vector<Key> m_slots;
};

constexpr const char* k_create_staging =
    "CREATE TEMP TABLE hujing_import_new(id INTEGER PRIMARY KEY, line INTEGER NOT NULL,"
    " uscc TEXT NOT NULL, name TEXT, town TEXT, industry TEXT, industry_code TEXT, scale TEXT,"
    " legal_rep TEXT, phone TEXT, address TEXT, tags TEXT, sectors TEXT);"
    "CREATE TEMP TABLE hujing_import_upd(id INTEGER PRIMARY KEY, name TEXT, town TEXT,"
    " industry TEXT, industry_code TEXT, scale TEXT, legal_rep TEXT, phone TEXT, address TEXT,"
    " tags TEXT, sectors TEXT);";

constexpr const char* k_drop_staging =
    "DROP TABLE temp.hujing_import_new; DROP TABLE temp.hujing_import_upd;";

// The prepared statements of an import, prepared once and reused for every row and batch.
struct Statements {
    SQLite::Statement stage;
    SQLite::Statement move_new;
    SQLite::Statement not_moved;
    SQLite::Statement find;
    SQLite::Statement stage_update;
    SQLite::Statement drop_not_moved;
    SQLite::Statement drop_unchanged;
    SQLite::Statement move_update;
    SQLite::Statement clear_tags;
    SQLite::Statement clear_sectors;
    SQLite::Statement move_tags;
    SQLite::Statement move_sectors;
    SQLite::Statement empty_new;
    SQLite::Statement empty_upd;

    explicit Statements(SQLite::Database& db)
        : stage(db,
                "INSERT INTO temp.hujing_import_new(id, line, uscc, name, town, industry,"
                " industry_code, scale, legal_rep, phone, address, tags, sectors)"
                " VALUES (?11, ?10, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?12, ?13)"),
          move_new(db,
                   "INSERT INTO main.enterprise(id, uscc, name, town, industry, industry_code,"
                   " scale, legal_rep, phone, address, created_at, updated_at)"
                   " SELECT id, uscc, name, town, industry, industry_code, scale, legal_rep,"
                   " phone, address, ?1, ?1 FROM temp.hujing_import_new WHERE true ORDER BY id"
                   " ON CONFLICT(uscc) DO NOTHING"),
          not_moved(db,
                    "SELECT n.id, n.line, n.uscc FROM temp.hujing_import_new n WHERE NOT EXISTS"
                    " (SELECT 1 FROM main.enterprise e WHERE e.id = n.id) ORDER BY n.id"),
          find(db, "SELECT id FROM main.enterprise WHERE uscc = ?"),
          stage_update(db,
                       "INSERT INTO temp.hujing_import_upd(id, name, town, industry,"
                       " industry_code, scale, legal_rep, phone, address, tags, sectors)"
                       " SELECT ?1, name, town, industry, industry_code, scale, legal_rep, phone,"
                       " address, tags, sectors FROM temp.hujing_import_new WHERE id = ?2"),
          drop_not_moved(db,
                         "DELETE FROM temp.hujing_import_new WHERE NOT EXISTS"
                         " (SELECT 1 FROM main.enterprise e WHERE e.id = hujing_import_new.id)"),
          // A row equal to its enterprise in every column the file has (?1..?7 the columns town
          // to address, ?8 tags, ?9 sectors) changes nothing: it is counted as skipped.
          drop_unchanged(
              db,
              "DELETE FROM temp.hujing_import_upd WHERE id IN (SELECT u.id"
              " FROM temp.hujing_import_upd u JOIN main.enterprise e ON e.id = u.id"
              " WHERE e.name IS u.name AND (NOT ?1 OR e.town IS u.town)"
              " AND (NOT ?2 OR e.industry IS u.industry)"
              " AND (NOT ?3 OR e.industry_code IS u.industry_code)"
              " AND (NOT ?4 OR e.scale IS u.scale) AND (NOT ?5 OR e.legal_rep IS u.legal_rep)"
              " AND (NOT ?6 OR e.phone IS u.phone) AND (NOT ?7 OR e.address IS u.address)"
              " AND (NOT ?8 OR (SELECT json_group_array(tag) FROM (SELECT tag"
              " FROM main.enterprise_tag WHERE enterprise_id = e.id ORDER BY tag))"
              " = (SELECT json_group_array(value) FROM (SELECT DISTINCT value"
              " FROM json_each(u.tags) ORDER BY value)))"
              " AND (NOT ?9 OR (SELECT json_group_array(sector) FROM (SELECT sector"
              " FROM main.enterprise_sector WHERE enterprise_id = e.id ORDER BY sector))"
              " = (SELECT json_group_array(value) FROM (SELECT DISTINCT value"
              " FROM json_each(u.sectors) ORDER BY value))))"),
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
                       " json_each(s.sectors) j"),
          empty_new(db, "DELETE FROM temp.hujing_import_new"),
          empty_upd(db, "DELETE FROM temp.hujing_import_upd") {}
};

void run(SQLite::Statement& stmt) {
    stmt.exec();
    stmt.reset();
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
    Savepoint(Savepoint&&) = delete;
    Savepoint& operator=(Savepoint&&) = delete;

    void release() {
        m_db.exec("RELEASE enterprise_import");
        m_open = false;
    }

private:
    SQLite::Database& m_db;
    bool m_open = true;
};

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
        } catch (...) { // NOLINT(bugprone-empty-catch): not worth failing a finished import
        }
    }

    PragmaScope(const PragmaScope&) = delete;
    PragmaScope& operator=(const PragmaScope&) = delete;
    PragmaScope(PragmaScope&&) = delete;
    PragmaScope& operator=(PragmaScope&&) = delete;

private:
    SQLite::Database& m_db;
    std::string m_name;
    std::string m_old;
};

// One import: the header mapping, the staging statements and the running counts.
class Importer {
public:
    Importer(SQLite::Database& sql,
             const EnterpriseImportOptions& options,
             std::string display,
             const Layout& layout)
        : m_sql(sql),
          m_options(options),
          m_display(std::move(display)),
          m_max_before(
              sql.execAndGet("SELECT coalesce(max(id), 0) FROM main.enterprise").getInt64()),
          m_next_id(m_max_before + 1),
          m_has_tags(layout.has_tags),
          m_has_sectors(layout.has_sectors) {
        m_sql.exec(k_create_staging);
        m_s = std::make_unique<Statements>(m_sql);
        const auto now = audit::utc_now();
        m_s->move_new.bind(1, now);
        m_s->move_update.bind(1, now);
        for (std::size_t c = c_town; c <= c_address; ++c) {
            const int present = layout.index[c] != k_absent ? 1 : 0;
            m_s->move_update.bind(static_cast<int>(2 + c - c_town), present);
            m_s->drop_unchanged.bind(static_cast<int>(1 + c - c_town), present);
        }
        m_s->drop_unchanged.bind(8, layout.has_tags ? 1 : 0);
        m_s->drop_unchanged.bind(9, layout.has_sectors ? 1 : 0);
    }

    // Stage one parsed row; bad rows are counted and reported.
    void add(const Item& item) {
        const SourceLocation where{m_display, item.line, 0};
        if (item.problem) {
            reject(where, *item.problem, Problem::invalid);
            return;
        }
        const auto& d = item.data;
        if (!m_batch_usccs.insert(d.uscc)) {
            reject(where, fmt::format("文件中统一社会信用代码重复: {}", d.uscc), Problem::invalid);
            return;
        }
        auto& q = m_s->stage;
        bind_enterprise_fields(q, d);
        q.bind(10, static_cast<std::int64_t>(item.line));
        q.bind(11, m_next_id++);
        bind_json(q, 12, item.tags_json);
        bind_json(q, 13, item.sectors_json);
        run(q);
        if (item.former) {
            auto& entry = m_former_towns[*item.former];
            entry.first = *d.town;
            ++entry.second;
        }
        if (++m_staged >= k_batch_rows) {
            flush();
        }
    }

    // Move the staged batch into the registry.
    void flush() {
        if (m_staged == 0) {
            return;
        }
        run(m_s->move_new);
        std::int64_t not_moved = 0;
        bool updates = false;
        {
            auto& q = m_s->not_moved;
            while (q.executeStep()) {
                ++not_moved;
                updates = registered(q.getColumn(0).getInt64(),
                                     static_cast<int>(q.getColumn(1).getInt64()),
                                     q.getColumn(2).getString())
                          || updates;
            }
            q.reset();
        }
        m_result.added += m_staged - not_moved;
        if (not_moved > 0) {
            run(m_s->drop_not_moved);
        }
        if (updates) {
            const std::int64_t unchanged = m_s->drop_unchanged.exec();
            m_s->drop_unchanged.reset();
            m_result.updated -= unchanged;
            m_result.skipped += unchanged;
            run(m_s->move_update);
            if (m_has_tags) {
                run(m_s->clear_tags);
            }
            if (m_has_sectors) {
                run(m_s->clear_sectors);
            }
        }
        if (m_has_tags) {
            run(m_s->move_tags);
        }
        if (m_has_sectors) {
            run(m_s->move_sectors);
        }
        run(m_s->empty_new);
        if (updates) {
            run(m_s->empty_upd);
        }
        m_staged = 0;
        m_batch_usccs.clear();
    }

    // Finish: flush, drop the staging tables, and throw when rows were rejected (unless they
    // are to be skipped) or the input could not be read to its end.
    EnterpriseImportResult finish(const std::optional<Diagnostic>& unreadable) {
        flush();
        m_s.reset();
        m_sql.exec(k_drop_staging);
        if (unreadable) {
            m_problems.add(unreadable->where, unreadable->message, Problem::invalid);
            throw Error(Exit::invalid,
                        fmt::format("导入失败: {} 无法读完（{}），未导入任何记录",
                                    m_display,
                                    to_string(unreadable->where)),
                        more_hint("修正该行后重新导入"))
                .with_details(std::move(m_problems.kept));
        }
        if (m_problems.total > 0 && m_options.skip_invalid == SkipInvalid::no) {
            const bool conflicts = m_problems.all_conflicts;
            throw Error(conflicts ? Exit::conflict : Exit::invalid,
                        fmt::format("导入失败: {} 行有错误，未导入任何记录", m_problems.total),
                        more_hint(conflicts ? "用 --on-conflict skip 或 update 处理已登记的企业"
                                            : "用 --skip-invalid 只导入正确的行"))
                .with_details(std::move(m_problems.kept));
        }
        for (const auto& [former, target] : m_former_towns) {
            m_result.notices.push_back(fmt::format("{} 已并入或更名为 {}，{} 行按 {} 登记",
                                                   former,
                                                   target.first,
                                                   target.second,
                                                   target.first));
        }
        return m_result;
    }

private:
    // Staged row `staged_id` (from `line`) was not inserted: its USCC is registered. Decide
    // between duplicate, conflict, skip and update; true when it was staged for update.
    bool registered(std::int64_t staged_id, int line, const std::string& uscc) {
        const SourceLocation where{m_display, line, 0};
        auto& find = m_s->find;
        find.bind(1, uscc);
        find.executeStep();
        const auto id = find.getColumn(0).getInt64();
        find.reset();
        const auto existing = static_cast<std::size_t>(id);
        if (id > m_max_before || (existing < m_touched.size() && m_touched[existing])) {
            reject(where, fmt::format("文件中统一社会信用代码重复: {}", uscc), Problem::invalid);
            return false;
        }
        if (m_options.on_conflict == OnConflict::fail) {
            reject(where,
                   fmt::format("统一社会信用代码已存在: {} (编号 {})", uscc, id),
                   Problem::conflict);
            return false;
        }
        if (m_touched.empty()) {
            m_touched.resize(static_cast<std::size_t>(m_max_before) + 1, false);
        }
        m_touched[existing] = true;
        if (m_options.on_conflict == OnConflict::skip) {
            ++m_result.skipped;
            return false;
        }
        auto& stage = m_s->stage_update;
        stage.bind(1, id);
        stage.bind(2, staged_id);
        run(stage);
        ++m_result.updated;
        return true;
    }

    void reject(const SourceLocation& where, std::string message, Problem kind) {
        ++m_result.invalid;
        if (m_options.skip_invalid == SkipInvalid::yes && m_options.skipped_row) {
            m_options.skipped_row(to_string(where), message);
        }
        m_problems.add(where, std::move(message), kind);
    }

    [[nodiscard]] std::string more_hint(std::string hint) const {
        if (m_problems.total > static_cast<std::int64_t>(m_problems.kept.size())) {
            return fmt::format(
                "仅列出前 {} 条，共 {} 条", m_problems.kept.size(), m_problems.total);
        }
        return hint;
    }

    static void bind_json(SQLite::Statement& q, int index, const std::string& json) {
        if (json.empty()) {
            q.bind(index);
        } else {
            q.bindNoCopy(index, json);
        }
    }

    SQLite::Database& m_sql;
    const EnterpriseImportOptions& m_options;
    std::string m_display;
    std::int64_t m_max_before;
    std::int64_t m_next_id;
    bool m_has_tags;
    bool m_has_sectors;
    std::unique_ptr<Statements> m_s;
    UsccSet m_batch_usccs;
    std::vector<bool> m_touched; // existing enterprises touched by this file
    std::int64_t m_staged = 0;
    EnterpriseImportResult m_result;
    Problems m_problems;
    std::map<std::string, std::pair<std::string, std::int64_t>> m_former_towns;
};

} // namespace

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
    const auto layout = import_layout(*header, header_at);

    auto& sql = db.sql();
    // A larger page cache for the bulk writes and the staging tables in memory (one batch):
    // memory stays far below 64 MiB whatever the file size.
    const PragmaScope cache(sql, "cache_size", "-16384");
    const PragmaScope temp_store(sql, "temp_store", "MEMORY");
    Savepoint savepoint(sql);
    Importer importer(sql, options, display, layout);
    std::optional<Diagnostic> unreadable;
    {
        Reader rows(reader, layout, display);
        for (;;) {
            auto block = rows.next();
            for (std::size_t i = 0; i < block->count; ++i) {
                importer.add(block->items[i]);
            }
            if (options.progress) {
                options.progress(block->bytes);
            }
            if (block->failure) {
                std::rethrow_exception(block->failure);
            }
            const bool last = block->last;
            // A record the reader cannot parse (bad UTF-8, a broken quote) ends the input:
            // nothing after it can be read, so the import fails even with --skip-invalid.
            unreadable = block->unreadable;
            rows.recycle(std::move(block));
            if (last) {
                break;
            }
        }
    }
    auto result = importer.finish(unreadable);
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
