// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <hujing/error.hpp>

#include <SQLiteCpp/Exception.h>

namespace hujing::storage {

// Map a SQLite failure to hujing's exit statuses (STYLE 9): busy/locked/read-only → 6,
// unique/primary-key constraint → 5, foreign-key/check/not-null → 4, anything else → 1.
Error to_error(const SQLite::Exception& e);

} // namespace hujing::storage
