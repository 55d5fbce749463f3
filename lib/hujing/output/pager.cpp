// SPDX-License-Identifier: GPL-3.0-or-later
// Starting $PAGER behind stdout and waiting for it at the end.
#include <hujing/output/pager.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <string>

namespace hujing::output {

namespace {

// The pager's process id; -1 while none runs.
pid_t& pager_pid() {
    static pid_t pid = -1;
    return pid;
}

// The terminal's height in lines: the TTY's, else $LINES, else 24.
long terminal_rows() {
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_row > 0) {
        return size.ws_row;
    }
    if (const char* lines = std::getenv("LINES"); lines != nullptr) {
        const long value = std::strtol(lines, nullptr, 10);
        if (value > 0) {
            return value;
        }
    }
    return 24;
}

bool on_path(std::string_view program) {
    const char* path = std::getenv("PATH");
    std::string_view rest = path != nullptr ? path : "/usr/bin:/bin";
    while (true) {
        const auto colon = rest.find(':');
        const auto dir = rest.substr(0, colon);
        const auto file = std::string(dir.empty() ? "." : dir) + "/" + std::string(program);
        if (::access(file.c_str(), X_OK) == 0) {
            return true;
        }
        if (colon == std::string_view::npos) {
            return false;
        }
        rest.remove_prefix(colon + 1);
    }
}

// The pager's shell command; empty: none.
std::string pager_command() {
    if (const char* pager = std::getenv("PAGER"); pager != nullptr) {
        const std::string command = pager;
        return command == "cat" ? std::string() : command;
    }
    return on_path("less") ? "less -FRX" : "";
}

bool spawn_pager(const std::string& command) {
    std::array<int, 2> fds{};
    if (::pipe(fds.data()) != 0) {
        return false;
    }
    ::setenv("LESS", "FRX", 0);
    ::setenv("LV", "-c", 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    std::string sh = "/bin/sh";
    std::string c = "-c";
    std::string cmd = command;
    std::array<char*, 4> argv = {sh.data(), c.data(), cmd.data(), nullptr};
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, "/bin/sh", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[0]);
    if (rc != 0) {
        ::close(fds[1]);
        return false;
    }
    std::fflush(stdout);
    ::dup2(fds[1], STDOUT_FILENO);
    ::close(fds[1]);
    std::signal(SIGPIPE, SIG_IGN); // a pager quit early ends the output, not the program
    pager_pid() = pid;
    return true;
}

} // namespace

bool page_if_long(std::FILE* out, std::string_view text, bool allowed) {
    if (pager_pid() > 0) {
        return out == stdout;
    }
    if (!allowed || out != stdout || ::isatty(STDOUT_FILENO) != 1) {
        return false;
    }
    const auto lines = std::count(text.begin(), text.end(), '\n');
    if (lines < terminal_rows()) {
        return false;
    }
    const auto command = pager_command();
    return !command.empty() && spawn_pager(command);
}

bool pager_running() {
    return pager_pid() > 0;
}

bool lost_to_pager(std::FILE* out, int error) {
    if (pager_pid() <= 0 || out != stdout || error != EPIPE) {
        return false;
    }
    std::clearerr(out);
    return true;
}

void close_pager() {
    if (pager_pid() <= 0) {
        return;
    }
    std::fflush(stdout);
    std::clearerr(stdout);
    ::close(STDOUT_FILENO);
    int status = 0;
    while (::waitpid(pager_pid(), &status, 0) < 0 && errno == EINTR) {
    }
    pager_pid() = -1;
}

} // namespace hujing::output
