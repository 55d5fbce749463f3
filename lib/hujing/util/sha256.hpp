// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace hujing::util {

// Return the lowercase hex SHA-256 of `data` (OpenSSL libcrypto, opened on first use).
std::string sha256_hex(std::string_view data);

} // namespace hujing::util
