// SPDX-License-Identifier: GPL-3.0-or-later
// The large buffer every streaming writer writes through.
#include <hujing/error.hpp>
#include <hujing/output/detail.hpp>
#include <hujing/output/pager.hpp>

#include <cerrno>
#include <cstring>

namespace hujing::output::detail {

namespace {
constexpr std::size_t k_reserve = std::size_t{80} * 1024;
}

void write_all(std::FILE* out, std::string_view bytes) {
    if (bytes.empty()) {
        return;
    }
    if (std::fwrite(bytes.data(), 1, bytes.size(), out) != bytes.size()) {
        const int error = errno;
        if (lost_to_pager(out, error)) {
            return;
        }
        throw Error(Exit::internal, std::string("写出失败: ") + std::strerror(error));
    }
}

OutBuffer::OutBuffer(std::FILE* out, bool page)
    : m_out(out),
      m_page(page) {
    m_text.reserve(k_reserve);
}

void OutBuffer::drain() {
    if (m_page) {
        page_if_long(m_out, m_text, true);
        m_page = false;
    }
    write_all(m_out, m_text);
    m_text.clear();
}

void OutBuffer::flush() {
    drain();
    if (std::fflush(m_out) != 0) {
        const int error = errno;
        if (lost_to_pager(m_out, error)) {
            return;
        }
        throw Error(Exit::internal, std::string("写出失败: ") + std::strerror(error));
    }
}

} // namespace hujing::output::detail
