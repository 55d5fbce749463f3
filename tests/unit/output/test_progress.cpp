// SPDX-License-Identifier: GPL-3.0-or-later
#include "output_util.hpp"

#include <hujing/notice.hpp>
#include <hujing/output/progress.hpp>

#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <thread>

using hujing::output::Progress;
using hujing::test::capture;

namespace {

void wait_for_redraw() {
    std::this_thread::sleep_for(std::chrono::milliseconds(120));
}

// Point file descriptor 2 at `fd` for the lifetime of this object.
class RedirectStderr {
public:
    explicit RedirectStderr(int fd)
        : m_saved(::dup(STDERR_FILENO)) {
        std::fflush(stderr);
        ::dup2(fd, STDERR_FILENO);
    }

    RedirectStderr(const RedirectStderr&) = delete;
    RedirectStderr& operator=(const RedirectStderr&) = delete;
    RedirectStderr(RedirectStderr&&) = delete;
    RedirectStderr& operator=(RedirectStderr&&) = delete;

    ~RedirectStderr() {
        std::fflush(stderr);
        ::dup2(m_saved, STDERR_FILENO);
        ::close(m_saved);
    }

private:
    int m_saved;
};

} // namespace

TEST_SUITE("hujing::output") {
    TEST_CASE("progress shows label, count, total, percent and a bar, then clears its line") {
        const auto bytes = capture([](std::FILE* out) {
            Progress progress("导入企业", 4, out);
            wait_for_redraw();
            progress.advance();
            progress.finish();
            progress.advance(); // nothing after finish
        });
        CHECK(bytes == "\r导入企业 1/4  25% [#####---------------]\x1b[K\r\x1b[K");
    }

    TEST_CASE("progress without a total shows the count") {
        const auto bytes = capture([](std::FILE* out) {
            Progress progress("抽取", std::nullopt, out);
            wait_for_redraw();
            progress.set_done(42);
        });
        CHECK(bytes == "\r抽取 42\x1b[K\r\x1b[K");
    }

    TEST_CASE("progress draws nothing for work shorter than a tenth of a second") {
        const auto bytes = capture([](std::FILE* out) {
            Progress progress("导入", 1000000, out);
            for (int i = 0; i < 1000000; ++i) {
                progress.advance();
            }
            CHECK(progress.done() == 1000000);
        });
        CHECK((bytes.empty() || bytes.find("\r\x1b[K") != std::string::npos));
    }

    TEST_CASE("progress redraws at most ten times a second however often it is advanced") {
        const auto bytes = capture([](std::FILE* out) {
            Progress progress("导入", std::nullopt, out);
            const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(350);
            while (std::chrono::steady_clock::now() < end) {
                progress.advance();
            }
        });
        std::size_t draws = 0;
        for (auto at = bytes.find("\x1b[K"); at != std::string::npos;
             at = bytes.find("\x1b[K", at + 1)) {
            ++draws;
        }
        CHECK(draws >= 2); // at least two redraws and the clearing
        CHECK(draws <= 5);
    }

    TEST_CASE("progress stays silent when stderr is not a terminal") {
        std::FILE* file = std::tmpfile();
        REQUIRE(file != nullptr);
        {
            RedirectStderr redirect(::fileno(file));
            Progress progress("导入", 10);
            wait_for_redraw();
            progress.advance();
        }
        std::fseek(file, 0, SEEK_END);
        CHECK(std::ftell(file) == 0);
        std::fclose(file);
    }

    TEST_CASE("progress draws on a terminal stderr unless notices are silenced") {
        hujing::test::Pty pty;
        {
            RedirectStderr redirect(pty.fd());
            Progress progress("导入", 10);
            wait_for_redraw();
            progress.advance();
        }
        CHECK(pty.read_all() == "\r导入 1/10  10% [##------------------]\x1b[K\r\x1b[K");
        hujing::set_quiet(true);
        {
            RedirectStderr redirect(pty.fd());
            Progress progress("导入", 10);
            wait_for_redraw();
            progress.advance();
        }
        hujing::set_quiet(false);
        CHECK(pty.read_all().empty());
    }

} // TEST_SUITE
