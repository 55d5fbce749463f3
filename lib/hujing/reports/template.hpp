// SPDX-License-Identifier: GPL-3.0-or-later
// Mustache templates (Debian's libkainjow-mustache-dev): the wording of the reports lives in
// schemas/templates/ and the rules' titles, never in C++ strings.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace hujing::reports {

// How {{value}} is escaped: HTML entities for html, nothing for Markdown and plain text.
enum class Escape { html, none };

// Why `text` is not a valid template, or nullopt when it is.
std::optional<std::string> template_error(const std::string& text);

// Render template `text` (named `name` in errors) with `data` (objects, arrays, strings,
// numbers, booleans; null and false hide a section). An invalid template is Exit::invalid.
std::string render_template(const std::string& text,
                            const std::string& name,
                            const nlohmann::json& data,
                            Escape escape);

// Render the data file `path` ("schemas/templates/…", overridable under $HUJING_DATA_DIR).
std::string render_file(const std::string& path, const nlohmann::json& data, Escape escape);

} // namespace hujing::reports
