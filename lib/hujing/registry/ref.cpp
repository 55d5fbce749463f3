// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/registry/ref.hpp>
#include <hujing/util/number.hpp>
#include <hujing/util/text.hpp>

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

std::optional<EnterpriseRef> find_enterprise_ref(storage::Database& db, std::string_view key) {
    const auto k = parse_enterprise_key(key);
    SQLite::Statement q(db.sql(),
                        k.id ? "SELECT id, uscc, name FROM enterprise WHERE id = ?"
                             : "SELECT id, uscc, name FROM enterprise WHERE uscc = ?");
    if (k.id) {
        q.bind(1, *k.id);
    } else {
        q.bind(1, k.uscc);
    }
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
    throw_not_found("企业", key, "用编号或 18 位统一社会信用代码，hujing enterprise list 可查");
}

} // namespace hujing::domain
