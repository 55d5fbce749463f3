// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/embedded.hpp>
#include <hujing/inspect/form.hpp>
#include <hujing/org/unit.hpp>
#include <hujing/util/sha256.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace hujing::domain {

namespace {

struct Source {
    std::string path;
    std::string text;
};

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw_not_found("文件", path);
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::function<bool(std::string_view)> unit_lookup(storage::Database& db) {
    return [&db](std::string_view code) {
        SQLite::Statement q(db.sql(), "SELECT 1 FROM unit WHERE code = ?");
        q.bind(1, std::string(code));
        return q.executeStep();
    };
}

// Parse every source; any error in any of them is Exit::invalid listing them all.
std::vector<Form> parse_all(storage::Database& db, const std::vector<Source>& sources) {
    std::vector<Diagnostic> errors;
    std::vector<Form> forms;
    const auto exists = unit_lookup(db);
    for (const auto& s : sources) {
        auto parsed = parse_form(s.path, s.text, exists);
        errors.insert(errors.end(), parsed.errors.begin(), parsed.errors.end());
        if (parsed.form) {
            forms.push_back(std::move(*parsed.form));
        }
    }
    if (!errors.empty()) {
        const auto count = errors.size();
        throw_diagnostics(fmt::format("表单有 {} 处错误", count), std::move(errors));
    }
    return forms;
}

std::vector<Source> read_sources(const std::vector<std::string>& paths) {
    std::vector<Source> out;
    for (const auto& p : paths) {
        for (const auto& file : form_files(p)) {
            out.push_back({file, read_text(file)});
        }
    }
    return out;
}

void check_kinds_kept(storage::Database& db, const Form& form, std::int64_t version) {
    SQLite::Statement q(db.sql(),
                        "SELECT item_id, kind FROM form_item WHERE form_id = ? AND version = ?");
    q.bind(1, form.id);
    q.bind(2, version);
    while (q.executeStep()) {
        const auto id = q.getColumn(0).getString();
        const auto kind = q.getColumn(1).getString();
        for (const auto& item : form.items) {
            if (item.id == id && item.kind != kind) {
                throw_conflict(fmt::format("表单 {} 的检查项 {} 类型由 {} 改为 {}，不允许",
                                           form.id,
                                           id,
                                           kind,
                                           item.kind),
                               "改变类型请换一个检查项编号（旧检查的结果仍按原类型解读）");
            }
        }
    }
}

void insert_form(storage::Database& db,
                 const Form& form,
                 std::int64_t version,
                 const std::string& hash,
                 const std::string& yaml,
                 util::Date today) {
    SQLite::Statement f(db.sql(),
                        "INSERT INTO form(id, version, name, unit_id, basis, content_hash, yaml,"
                        " loaded) VALUES (?,?,?,(SELECT id FROM unit WHERE code = ?),?,?,?,?)");
    f.bind(1, form.id);
    f.bind(2, version);
    f.bind(3, form.name);
    f.bind(4, form.unit);
    storage::bind_optional(f, 5, form.basis);
    f.bind(6, hash);
    f.bind(7, yaml);
    f.bind(8, util::format_date(today));
    f.exec();
    SQLite::Statement a(db.sql(), "INSERT OR IGNORE INTO form_applies VALUES (?,?,?,?)");
    const auto applies = [&](const char* kind, const std::vector<std::string>& values) {
        for (const auto& v : values) {
            a.bind(1, form.id);
            a.bind(2, version);
            a.bind(3, kind);
            a.bind(4, v);
            a.exec();
            a.reset();
        }
    };
    applies("sector", form.sectors);
    applies("tag", form.tags);
}

void insert_items(storage::Database& db, const Form& form, std::int64_t version) {
    SQLite::Statement q(db.sql(),
                        "INSERT INTO form_item(form_id, version, item_id, position, text, kind,"
                        " required, severity, basis, rectify_days, min, max, unit, choices, pass)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int position = 0;
    for (const auto& i : form.items) {
        q.bind(1, form.id);
        q.bind(2, version);
        q.bind(3, i.id);
        q.bind(4, ++position);
        q.bind(5, i.text);
        q.bind(6, i.kind);
        q.bind(7, i.required ? 1 : 0);
        q.bind(8, i.severity);
        storage::bind_optional(q, 9, i.basis);
        q.bind(10, i.rectify_days);
        storage::bind_optional(q, 11, i.min);
        storage::bind_optional(q, 12, i.max);
        storage::bind_optional(q, 13, i.unit);
        q.bind(14, nlohmann::json(i.choices).dump());
        q.bind(15, nlohmann::json(i.pass).dump());
        q.exec();
        q.reset();
    }
}

FormLoad load_one(storage::WriteTransaction& tx,
                  storage::Database& db,
                  const Form& form,
                  const std::string& yaml,
                  util::Date today) {
    const auto content = form_content(form);
    const auto hash = util::sha256_hex(content.dump());
    const auto latest = latest_form_version(db, form.id);
    if (latest) {
        SQLite::Statement q(db.sql(), "SELECT content_hash FROM form WHERE id = ? AND version = ?");
        q.bind(1, form.id);
        q.bind(2, *latest);
        q.executeStep();
        if (q.getColumn(0).getString() == hash) {
            return {form.id, *latest, "unchanged"};
        }
        check_kinds_kept(db, form, *latest);
    }
    const auto version = latest.value_or(0) + 1;
    insert_form(db, form, version, hash, yaml, today);
    insert_items(db, form, version);
    auto after = content;
    after["version"] = version;
    tx.audit("form", std::nullopt, latest ? "change" : "add", nullptr, after);
    return {form.id, version, latest ? "changed" : "added"};
}

std::vector<FormLoad> load_sources(storage::WriteTransaction& tx,
                                   storage::Database& db,
                                   const std::vector<Source>& sources,
                                   util::Date today) {
    const auto forms = parse_all(db, sources);
    std::vector<FormLoad> out;
    for (std::size_t i = 0; i < forms.size(); ++i) {
        out.push_back(load_one(tx, db, forms[i], sources[i].text, today));
    }
    return out;
}

} // namespace

std::vector<std::string> form_files(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
        return {path};
    }
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
        const auto ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
            out.push_back(entry.path().string());
        }
    }
    std::sort(out.begin(), out.end());
    if (out.empty()) {
        throw_not_found("表单文件", path + "/*.yaml");
    }
    return out;
}

std::vector<Diagnostic> validate_form_files(storage::Database& db,
                                            const std::vector<std::string>& paths) {
    std::vector<Diagnostic> errors;
    std::vector<Diagnostic> warnings;
    const auto exists = unit_lookup(db);
    for (const auto& s : read_sources(paths)) {
        auto parsed = parse_form(s.path, s.text, exists);
        errors.insert(errors.end(), parsed.errors.begin(), parsed.errors.end());
        warnings.insert(warnings.end(), parsed.warnings.begin(), parsed.warnings.end());
    }
    if (!errors.empty()) {
        const auto count = errors.size();
        throw_diagnostics(fmt::format("表单有 {} 处错误", count), std::move(errors));
    }
    return warnings;
}

std::vector<FormLoad> load_form_files(storage::WriteTransaction& tx,
                                      storage::Database& db,
                                      const std::vector<std::string>& paths,
                                      util::Date today) {
    return load_sources(tx, db, read_sources(paths), today);
}

std::vector<FormLoad>
load_builtin_forms(storage::WriteTransaction& tx, storage::Database& db, util::Date today) {
    std::vector<Source> sources;
    for (const auto& file : data_files("schemas/forms/")) {
        if (file.path.ends_with(".yaml")) {
            sources.push_back({file.path, file.bytes});
        }
    }
    return load_sources(tx, db, sources, today);
}

std::optional<std::int64_t> latest_form_version(storage::Database& db, std::string_view id) {
    SQLite::Statement q(db.sql(), "SELECT max(version) FROM form WHERE id = ?");
    q.bind(1, std::string(id));
    q.executeStep();
    return storage::optional_int(q, 0);
}

} // namespace hujing::domain
