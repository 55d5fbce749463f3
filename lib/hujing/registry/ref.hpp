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

// Find an enterprise by integer id or by its 18-character USCC (case-insensitive).
std::optional<EnterpriseRef> find_enterprise_ref(storage::Database& db, std::string_view key);

// As find_enterprise_ref; throws Exit::not_found naming `key`.
EnterpriseRef get_enterprise_ref(storage::Database& db, std::string_view key);

} // namespace hujing::domain
