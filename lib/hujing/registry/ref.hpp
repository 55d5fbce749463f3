// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/storage/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hujing::domain {

// The identity of an enterprise, enough for other capabilities to refer to it.
struct EnterpriseRef {
    std::int64_t id = 0;
    std::string uscc;
    std::string name;
};

// How an enterprise key typed by a user is looked up: trimmed of spaces; a number shorter than
// 18 characters is an id, anything else a USCC (upper-cased).
struct EnterpriseKey {
    std::optional<std::int64_t> id;
    std::string uscc;
};

EnterpriseKey parse_enterprise_key(std::string_view key);

// Find an enterprise by integer id or by its 18-character USCC (case-insensitive), the key read
// by parse_enterprise_key.
std::optional<EnterpriseRef> find_enterprise_ref(storage::Database& db, std::string_view key);

// As find_enterprise_ref; throws Exit::not_found naming `key`.
EnterpriseRef get_enterprise_ref(storage::Database& db, std::string_view key);

} // namespace hujing::domain
