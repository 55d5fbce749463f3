// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hujing {

// The project version, stamped by CMake.
extern const char* const k_version;

} // namespace hujing
