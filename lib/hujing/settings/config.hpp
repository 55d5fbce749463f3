// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/storage/database.hpp>
#include <hujing/storage/transaction.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hujing::domain {

// A setting hujing understands: its key, default, meaning, and the range of an integer value.
struct SettingDef {
    std::string key;
    std::string default_value;
    std::string description;
    std::int64_t min = 0;
    std::int64_t max = 0;
};

// Every known setting, sorted by key.
const std::vector<SettingDef>& setting_defs();

// One setting with its effective value.
struct Setting {
    std::string key;
    std::string value;
    std::string default_value;
    std::string description;
    bool is_default = true;
};

// Return the effective value of `key` (stored or default); unknown keys throw Exit::invalid.
std::string get_setting(storage::Database& db, const std::string& key);

// Return `key` as an integer (settings are integers today).
std::int64_t get_int_setting(storage::Database& db, const std::string& key);

// Return every known setting with its effective value.
std::vector<Setting> list_settings(storage::Database& db);

// Validate and store `value` for `key` (audited); an unknown key or a value out of range
// throws Exit::invalid.
void set_setting(storage::WriteTransaction& tx,
                 storage::Database& db,
                 const std::string& key,
                 const std::string& value);

} // namespace hujing::domain
