// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the hujing::output tests: capture what a writer writes, and a pseudo-terminal.
#pragma once

#include <hujing/output/writer.hpp>

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hujing::test {

// The columns of a case listing, one of each kind the writers format differently.
inline std::vector<output::Column> case_columns() {
    using output::Column;
    using output::Kind;
    return {
        Column{"id", "编号", Kind::integer},
        Column{"title", "案件名称"},
        Column{"loss_yuan", "损失(元)", Kind::money},
        Column{"closed", "已结案", Kind::boolean},
        Column{"towns", "镇街", Kind::list},
    };
}

// Run `write(FILE*)` against a temporary file and return every byte it wrote.
template <typename Write>
std::string capture(Write&& write) {
    std::FILE* file = std::tmpfile();
    if (file == nullptr) {
        throw std::runtime_error("tmpfile failed");
    }
    try {
        write(file);
    } catch (...) {
        std::fclose(file);
        throw;
    }
    std::fflush(file);
    std::rewind(file);
    std::string bytes;
    std::array<char, 4096> chunk{};
    std::size_t n = 0;
    while ((n = std::fread(chunk.data(), 1, chunk.size(), file)) > 0) {
        bytes.append(chunk.data(), n);
    }
    std::fclose(file);
    return bytes;
}

// Write `rows` for `columns` with `options` through make_writer and return the bytes.
inline std::string write_rows(const std::vector<output::Column>& columns,
                              const std::vector<output::Row>& rows,
                              const output::OutputOptions& options,
                              const std::vector<std::string>& default_fields = {}) {
    return capture([&](std::FILE* out) {
        auto writer = output::make_writer(out, columns, options, default_fields);
        for (const auto& row : rows) {
            writer->row(row);
        }
        writer->finish();
    });
}

// Output options for `format`, everything else default.
inline output::OutputOptions with_format(output::Format format) {
    output::OutputOptions options;
    options.format = format;
    return options;
}

// A pseudo-terminal in raw mode: `file` is its terminal end (isatty), `read_all` returns what
// was written to it.
class Pty {
public:
    explicit Pty(unsigned short columns = 80)
        : m_master(::posix_openpt(O_RDWR | O_NOCTTY)) {
        if (m_master < 0 || ::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0) {
            throw std::runtime_error("posix_openpt failed");
        }
        m_slave = ::open(::ptsname(m_master), O_RDWR | O_NOCTTY);
        if (m_slave < 0) {
            throw std::runtime_error("opening the pty failed");
        }
        termios mode{};
        ::tcgetattr(m_slave, &mode);
        ::cfmakeraw(&mode);
        ::tcsetattr(m_slave, TCSANOW, &mode);
        winsize size{};
        size.ws_col = columns;
        size.ws_row = 24;
        ::ioctl(m_master, TIOCSWINSZ, &size);
        m_file = ::fdopen(::dup(m_slave), "w");
    }

    Pty(const Pty&) = delete;
    Pty& operator=(const Pty&) = delete;
    Pty(Pty&&) = delete;
    Pty& operator=(Pty&&) = delete;

    ~Pty() {
        std::fclose(m_file);
        ::close(m_slave);
        ::close(m_master);
    }

    [[nodiscard]] std::FILE* file() const {
        return m_file;
    }

    [[nodiscard]] int fd() const {
        return m_slave;
    }

    // Everything written so far (waits briefly for it to arrive).
    std::string read_all() {
        std::fflush(m_file);
        std::string bytes;
        pollfd ready{m_master, POLLIN, 0};
        while (::poll(&ready, 1, 50) > 0 && (ready.revents & POLLIN) != 0) {
            std::array<char, 4096> chunk{};
            const auto n = ::read(m_master, chunk.data(), chunk.size());
            if (n <= 0) {
                break;
            }
            bytes.append(chunk.data(), static_cast<std::size_t>(n));
        }
        return bytes;
    }

private:
    int m_master = -1;
    int m_slave = -1;
    std::FILE* m_file = nullptr;
};

// Set or unset an environment variable for the lifetime of this object.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value)
        : m_name(name) {
        if (const char* old = std::getenv(name)) {
            m_old = old;
        }
        if (value != nullptr) {
            ::setenv(name, value, 1);
        } else {
            ::unsetenv(name);
        }
    }

    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;
    ScopedEnv(ScopedEnv&&) = delete;
    ScopedEnv& operator=(ScopedEnv&&) = delete;

    ~ScopedEnv() {
        if (m_old) {
            ::setenv(m_name.c_str(), m_old->c_str(), 1);
        } else {
            ::unsetenv(m_name.c_str());
        }
    }

private:
    std::string m_name;
    std::optional<std::string> m_old;
};

} // namespace hujing::test
