// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/registry/ref.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace hujing::domain {

std::optional<EnterpriseRef> find_enterprise_ref(storage::Database& db, std::string_view key) {
    std::int64_t id = 0;
    const auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
    const bool numeric = ec == std::errc{} && ptr == key.data() + key.size() && key.size() < 18;
    SQLite::Statement q(db.sql(),
                        numeric ? "SELECT id, uscc, name FROM enterprise WHERE id = ?"
                                : "SELECT id, uscc, name FROM enterprise WHERE uscc = ?");
    if (numeric) {
        q.bind(1, id);
    } else {
        std::string uscc(key);
        std::transform(uscc.begin(), uscc.end(), uscc.begin(), [](unsigned char c) {
            return static_cast<char>(std::toupper(c));
        });
        q.bind(1, uscc);
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
