// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/audit/audit.hpp>
#include <hujing/error.hpp>
#include <hujing/storage/columns.hpp>
#include <hujing/util/pii.hpp>
#include <hujing/util/sha256.hpp>

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <chrono>
#include <ctime>
#include <regex>

namespace hujing::audit {

namespace {

nlohmann::json nullable(const std::optional<std::string>& text) {
    return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

Entry read_entry(SQLite::Statement& q) {
    Entry e;
    storage::read_columns(q,
                          e.id,
                          e.at,
                          e.actor,
                          e.command,
                          e.entity,
                          e.entity_id,
                          e.action,
                          e.before,
                          e.after,
                          e.prev_hash,
                          e.hash,
                          e.os_user);
    return e;
}

constexpr const char* k_columns =
    "id, at, actor, command, entity, entity_id, action, before, after, prev_hash, hash, os_user";

} // namespace

std::string utc_now() {
    const auto now = std::chrono::system_clock::now();
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    const auto secs = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
                       tm.tm_year + 1900,
                       tm.tm_mon + 1,
                       tm.tm_mday,
                       tm.tm_hour,
                       tm.tm_min,
                       tm.tm_sec,
                       ms % 1000);
}

std::string compute_hash(const Entry& e) {
    nlohmann::json row =
        nlohmann::json::array({e.id,
                               e.at,
                               e.actor,
                               e.command,
                               e.entity,
                               e.entity_id ? nlohmann::json(*e.entity_id) : nlohmann::json(nullptr),
                               e.action,
                               nullable(e.before),
                               nullable(e.after)});
    if (e.os_user) {
        row.push_back(*e.os_user);
    }
    return util::sha256_hex(e.prev_hash + "\n" + row.dump());
}

std::string head(storage::Database& db) {
    SQLite::Statement q(db.sql(), "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
    return q.executeStep() ? q.getColumn(0).getString() : std::string(k_genesis);
}

std::string Anchor::text() const {
    return fmt::format("{}:{}", id, hash);
}

Anchor head_anchor(storage::Database& db) {
    SQLite::Statement q(db.sql(), "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (!q.executeStep()) {
        return {0, std::string(k_genesis)};
    }
    return {q.getColumn(0).getInt64(), q.getColumn(1).getString()};
}

namespace {

const std::regex& anchor_pattern() {
    static const std::regex pattern("([0-9]{1,18}):([0-9a-f]{64})(?![0-9a-f])");
    return pattern;
}

Anchor to_anchor(const std::smatch& m) {
    Anchor a;
    const auto digits = m[1].str();
    std::from_chars(digits.data(), digits.data() + digits.size(), a.id);
    a.hash = m[2].str();
    return a;
}

} // namespace

std::optional<Anchor> parse_anchor(std::string_view text) {
    const std::string s(text);
    std::smatch m;
    if (!std::regex_match(s, m, anchor_pattern())) {
        return std::nullopt;
    }
    return to_anchor(m);
}

std::vector<Anchor> find_anchors(std::string_view text) {
    std::vector<Anchor> out;
    const std::string s(text);
    for (std::sregex_iterator it(s.begin(), s.end(), anchor_pattern()), end; it != end; ++it) {
        const auto& m = *it;
        // A row id glued to a longer number or word is not an anchor.
        if (m.position(0) > 0 && std::isalnum(static_cast<unsigned char>(s[m.position(0) - 1]))) {
            continue;
        }
        out.push_back(to_anchor(m));
    }
    return out;
}

std::optional<std::string> check_anchor(storage::Database& db, const Anchor& anchor) {
    if (anchor.id == 0) {
        if (anchor.hash == k_genesis) {
            return std::nullopt;
        }
        return "第 0 行只能是空链的哈希";
    }
    SQLite::Statement q(db.sql(), "SELECT hash FROM audit_log WHERE id = ?");
    q.bind(1, anchor.id);
    if (!q.executeStep()) {
        return fmt::format("第 {} 行已不在审计链中（日志末尾被删除）", anchor.id);
    }
    if (q.getColumn(0).getString() != anchor.hash) {
        return fmt::format("第 {} 行的哈希与锚点不符（记录被改写，哈希链被重算）", anchor.id);
    }
    return std::nullopt;
}

std::int64_t append(storage::Database& db,
                    std::string_view entity,
                    std::optional<std::int64_t> entity_id,
                    std::string_view action,
                    const nlohmann::json& before,
                    const nlohmann::json& after) {
    Entry e;
    {
        SQLite::Statement q(db.sql(), "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
        e.prev_hash = std::string(k_genesis);
        if (q.executeStep()) {
            e.prev_hash = q.getColumn(1).getString();
        }
        // AUTOINCREMENT never reuses an id: the next one is sqlite_sequence + 1.
        SQLite::Statement seq(db.sql(), "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'");
        e.id = seq.executeStep() ? seq.getColumn(0).getInt64() + 1 : 1;
    }
    e.at = utc_now();
    e.actor = db.actor().name;
    e.command = db.actor().command_line;
    if (!db.actor().os_user.empty()) {
        e.os_user = db.actor().os_user;
    }
    e.entity = std::string(entity);
    e.entity_id = entity_id;
    e.action = std::string(action);
    if (!before.is_null()) {
        e.before = before.dump();
    }
    if (!after.is_null()) {
        e.after = after.dump();
    }
    e.hash = compute_hash(e);

    SQLite::Statement insert(
        db.sql(),
        "INSERT INTO audit_log(id, at, actor, command, entity, entity_id, action,"
        " before, after, prev_hash, hash, os_user) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    insert.bind(1, e.id);
    insert.bind(2, e.at);
    insert.bind(3, e.actor);
    insert.bind(4, e.command);
    insert.bind(5, e.entity);
    storage::bind_optional(insert, 6, e.entity_id);
    insert.bind(7, e.action);
    storage::bind_optional(insert, 8, e.before);
    storage::bind_optional(insert, 9, e.after);
    insert.bind(10, e.prev_hash);
    insert.bind(11, e.hash);
    storage::bind_optional(insert, 12, e.os_user);
    insert.exec();
    return e.id;
}

output::View<Entry> entry_view(bool reveal) {
    using F = output::Field<Entry>;
    using output::Kind;
    using E = const Entry&;
    // A record that does not parse cannot be masked: name the row rather than fail.
    auto shown = [reveal](E e, const std::optional<std::string>& record) -> output::Value {
        if (!record) {
            return {};
        }
        try {
            const auto doc = nlohmann::json::parse(*record);
            return reveal ? doc.dump() : util::mask_pii(doc).dump();
        } catch (const nlohmann::json::exception&) {
            throw Error(Exit::conflict,
                        fmt::format("审计记录第 {} 行已损坏", e.id),
                        "用 hujing audit verify 检查");
        }
    };
    return output::View<Entry>(
        {F{"id", "序号", Kind::integer, [](E e) { return e.id; }, "id"},
         F{"at", "时间 (UTC)", Kind::text, [](E e) { return e.at; }, "at"},
         F{"actor", "操作人", Kind::text, [](E e) { return e.actor; }, "actor"},
         F{"os_user",
           "系统用户",
           Kind::text,
           [](E e) { return output::nullable(e.os_user); },
           "os_user"},
         F{"entity", "对象", Kind::text, [](E e) { return e.entity; }, "entity"},
         F{"entity_id",
           "对象编号",
           Kind::integer,
           [](E e) { return output::nullable(e.entity_id); },
           "entity_id"},
         F{"action", "操作", Kind::text, [](E e) { return e.action; }, "action"},
         F{"command", "命令", Kind::text, [](E e) { return e.command; }, "command"},
         F{"before", "修改前", Kind::json, [shown](E e) { return shown(e, e.before); }, "before"},
         F{"after", "修改后", Kind::json, [shown](E e) { return shown(e, e.after); }, "after"},
         F{"hash", "哈希", Kind::text, [](E e) { return e.hash; }, "hash"}},
        {"id", "at", "actor", "entity", "entity_id", "action", "command"});
}

std::int64_t each_entry(storage::Database& db,
                        const LogQuery& query,
                        const storage::ListPaging& paging,
                        const std::function<void(const Entry&)>& row) {
    storage::ListQuery list(fmt::format("SELECT {} FROM audit_log", k_columns),
                            storage::sort_keys(entry_view(false)),
                            "id");
    if (query.since) {
        list.add("at >= ?", {*query.since});
    }
    if (query.until) {
        list.add("substr(at, 1, 10) <= ?", {*query.until});
    }
    if (query.actor) {
        list.add("actor = ?", {*query.actor});
    }
    if (query.entity) {
        list.add("entity = ?", {*query.entity});
    }
    if (query.entity_id) {
        list.add("entity_id = ?", {*query.entity_id});
    }
    return list.run(db, paging, [&](SQLite::Statement& q) { row(read_entry(q)); });
}

std::vector<Entry> log(storage::Database& db, const LogQuery& query) {
    std::vector<Entry> out;
    each_entry(db, query, {}, [&](const Entry& e) { out.push_back(e); });
    return out;
}

VerifyResult verify(storage::Database& db) {
    VerifyResult result;
    std::string prev(k_genesis);
    std::int64_t expected_id = 1;
    SQLite::Statement q(db.sql(), fmt::format("SELECT {} FROM audit_log ORDER BY id", k_columns));
    while (q.executeStep()) {
        const Entry e = read_entry(q);
        ++result.rows;
        if (e.id != expected_id) {
            result.ok = false;
            result.bad_id = e.id;
            result.reason =
                fmt::format("第 {} 行之前的记录被删除（缺少 {}..{}）", e.id, expected_id, e.id - 1);
            return result;
        }
        if (e.prev_hash != prev) {
            result.ok = false;
            result.bad_id = e.id;
            result.reason = fmt::format("第 {} 行的 prev_hash 与上一行的 hash 不符", e.id);
            return result;
        }
        // A row whose text is not valid UTF-8, or whose before/after is not JSON, was not
        // written by append(): a broken row, not an internal failure.
        const auto valid_json = [](const std::optional<std::string>& text) {
            return !text || nlohmann::json::accept(*text);
        };
        std::string hash;
        try {
            hash = compute_hash(e);
        } catch (const nlohmann::json::exception&) {
            hash.clear();
        }
        if (hash.empty() || !valid_json(e.before) || !valid_json(e.after)) {
            result.ok = false;
            result.bad_id = e.id;
            result.reason = fmt::format("第 {} 行的内容已损坏（不是有效的 UTF-8 JSON）", e.id);
            return result;
        }
        if (hash != e.hash) {
            result.ok = false;
            result.bad_id = e.id;
            result.reason = fmt::format("第 {} 行的内容与其 hash 不符（记录被改动）", e.id);
            return result;
        }
        prev = e.hash;
        ++expected_id;
    }
    SQLite::Statement seq(db.sql(), "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'");
    const std::int64_t last = seq.executeStep() ? seq.getColumn(0).getInt64() : 0;
    if (last != expected_id - 1) {
        result.ok = false;
        result.bad_id = expected_id;
        result.reason = fmt::format("第 {}..{} 行被删除（日志末尾被截断）", expected_id, last);
        return result;
    }
    result.head = prev;
    return result;
}

} // namespace hujing::audit
