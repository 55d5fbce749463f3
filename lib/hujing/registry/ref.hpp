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

// The id of the enterprise `key` names: an integer id, its 18-character USCC (case-insensitive),
// or its exact registered name; a name shared by several enterprises is Exit::invalid.
std::optional<std::int64_t> resolve_enterprise_id(storage::Database& db, std::string_view key);

// Find an enterprise by the keys resolve_enterprise_id reads.
std::optional<EnterpriseRef> find_enterprise_ref(storage::Database& db, std::string_view key);

// As find_enterprise_ref; throws Exit::not_found naming `key`.
EnterpriseRef get_enterprise_ref(storage::Database& db, std::string_view key);

} // namespace hujing::domain
