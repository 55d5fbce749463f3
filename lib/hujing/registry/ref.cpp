// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/util/number.hpp>
#include <hujing/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace hujing::domain {

EnterpriseKey parse_enterprise_key(std::string_view key) {
    const auto trimmed = util::trim(key);
    EnterpriseKey out;
    if (trimmed.size() < 18) {
        out.id = util::to_int64(trimmed);
    }
    if (!out.id) {
        out.uscc = std::string(trimmed);
        std::transform(out.uscc.begin(), out.uscc.end(), out.uscc.begin(), [](unsigned char c) {
            return static_cast<char>(std::toupper(c));
        });
    }
    return out;
}

std::optional<std::int64_t> resolve_enterprise_id(storage::Database& db, std::string_view key) {
    const auto k = parse_enterprise_key(key);
    if (k.id) {
        return k.id;
    }
    SQLite::Statement by_uscc(db.sql(), "SELECT id FROM enterprise WHERE uscc = ?");
    by_uscc.bind(1, k.uscc);
    if (by_uscc.executeStep()) {
        return by_uscc.getColumn(0).getInt64();
    }
    // The exact registered name, when it names one enterprise.
    SQLite::Statement by_name(db.sql(), "SELECT id FROM enterprise WHERE name = ? LIMIT 2");
    by_name.bind(1, std::string(util::trim(key)));
    if (!by_name.executeStep()) {
        return std::nullopt;
    }
    const auto id = by_name.getColumn(0).getInt64();
    if (by_name.executeStep()) {
        throw_invalid(fmt::format("名称“{}”对应多家企业", util::trim(key)),
                      "用编号或统一社会信用代码指定");
    }
    return id;
}

std::optional<EnterpriseRef> find_enterprise_ref(storage::Database& db, std::string_view key) {
    const auto id = resolve_enterprise_id(db, key);
    if (!id) {
        return std::nullopt;
    }
    SQLite::Statement q(db.sql(), "SELECT id, uscc, name FROM enterprise WHERE id = ?");
    q.bind(1, *id);
    if (q.executeStep()) {
        return EnterpriseRef{
            q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()};
    }
    return std::nullopt;
}

EnterpriseRef get_enterprise_ref(storage::Database& db, std::string_view key) {
    if (auto ref = find_enterprise_ref(db, key)) {
        return *ref;
    }
    throw_not_found(
        "企业", key, "用编号、18 位统一社会信用代码或登记名称，hujing enterprise list 可查");
}

} // namespace hujing::domain
