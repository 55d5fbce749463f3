// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

namespace hujing::output {

// A one-line progress bar for long work (import, draw): label, count, total and percent when the
// total is known. Drawn on stderr only when stderr is a terminal and notices are not silenced
// (-q); first drawn after 0.1 s, redrawn at most ten times a second; its line is cleared by
// `finish` or the destructor. `advance` is cheap enough to call once per row.
class Progress {
public:
    // Start a bar titled `label` on stderr; `total` is the expected count when known.
    explicit Progress(std::string label, std::optional<std::int64_t> total = std::nullopt);

    // Start a bar that draws to `out` whatever it is (tests; callers that decided themselves).
    Progress(std::string label, std::optional<std::int64_t> total, std::FILE* out);

    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    Progress(Progress&&) = delete;
    Progress& operator=(Progress&&) = delete;

    ~Progress();

    // Count `n` more items done.
    void advance(std::int64_t n = 1) {
        m_done += n;
        if (m_out != nullptr && --m_countdown == 0) {
            tick();
        }
    }

    // Set the count done to `done` (for callers that know it, such as a byte offset).
    void set_done(std::int64_t done);

    // Set the expected total to `total`.
    void set_total(std::int64_t total);

    // The count done so far.
    [[nodiscard]] std::int64_t done() const {
        return m_done;
    }

    // Clear the bar's line; nothing is drawn afterwards.
    void finish();

private:
    using Clock = std::chrono::steady_clock;

    void tick();
    void draw();

    std::string m_label;
    std::optional<std::int64_t> m_total;
    std::FILE* m_out;
    std::int64_t m_done = 0;
    std::uint32_t m_stride = 1;    // calls between clock checks, adapted to the call rate
    std::uint32_t m_countdown = 1; // calls left until the next clock check
    Clock::time_point m_last_check;
    Clock::time_point m_last_draw;
    bool m_drawn = false;
};

} // namespace hujing::output
