// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/notice.hpp>
#include <hujing/output/progress.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>

namespace hujing::output {

namespace {

using namespace std::chrono_literals;

constexpr auto k_redraw_every = 100ms;
constexpr auto k_check_at_least = 20ms; // check the clock this often when calls are slow
constexpr std::uint32_t k_max_stride = 4096;
constexpr std::int64_t k_bar_width = 20;

std::FILE* stderr_if_wanted() {
    return ::isatty(STDERR_FILENO) == 1 && !quiet() ? stderr : nullptr;
}

} // namespace

Progress::Progress(std::string label, std::optional<std::int64_t> total)
    : Progress(std::move(label), total, stderr_if_wanted()) {}

Progress::Progress(std::string label, std::optional<std::int64_t> total, std::FILE* out)
    : m_label(std::move(label)),
      m_total(total),
      m_out(out),
      m_last_check(Clock::now()),
      m_last_draw(m_last_check) {}

Progress::~Progress() {
    finish();
}

void Progress::set_done(std::int64_t done) {
    advance(done - m_done);
}

void Progress::set_total(std::int64_t total) {
    m_total = total;
}

void Progress::tick() {
    const auto now = Clock::now();
    // Check the clock less often while calls are fast, more often when they are slow.
    if (now - m_last_check < k_check_at_least / 4) {
        m_stride = std::min(m_stride * 2, k_max_stride);
    } else if (now - m_last_check > k_check_at_least && m_stride > 1) {
        m_stride /= 2;
    }
    m_countdown = m_stride;
    m_last_check = now;
    if (now - m_last_draw >= k_redraw_every) {
        m_last_draw = now;
        draw();
    }
}

void Progress::draw() {
    std::string line = fmt::format("\r{} {}", m_label, m_done);
    if (m_total && *m_total > 0) {
        const auto done = std::clamp<std::int64_t>(m_done, 0, *m_total);
        const auto percent = done * 100 / *m_total;
        const auto filled = done * k_bar_width / *m_total;
        line += fmt::format(
            "/{} {:3}% [{:#<{}}{:-<{}}]", *m_total, percent, "", filled, "", k_bar_width - filled);
    }
    line += "\x1b[K";
    std::fwrite(line.data(), 1, line.size(), m_out);
    std::fflush(m_out);
    m_drawn = true;
}

void Progress::finish() {
    if (m_out != nullptr && m_drawn) {
        std::fputs("\r\x1b[K", m_out);
        std::fflush(m_out);
    }
    m_out = nullptr;
}

} // namespace hujing::output
