// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <mutex>
#include <string>

namespace hujing::util {

// A shared library opened on first use (dlopen) instead of at every start. For dependencies that
// only some commands need: libcrypto alone costs ~0.8 ms of page faults and relocations, a third
// of the start of every hujing process (`enterprise show` is measured against one sqlite3 lookup).
class LazyLibrary {
public:
    // `soname` is the library to open (e.g. "libcrypto.so.3"); `package` names the Debian
    // package to install when it is missing.
    LazyLibrary(std::string soname, std::string package);
    ~LazyLibrary();
    LazyLibrary(const LazyLibrary&) = delete;
    LazyLibrary& operator=(const LazyLibrary&) = delete;
    LazyLibrary(LazyLibrary&&) = delete;
    LazyLibrary& operator=(LazyLibrary&&) = delete;

    // Return the address of `name`, opening the library first; throws Exit::internal naming the
    // library and package when either cannot be found.
    void* symbol(const char* name);

    // Return symbol `name` as a function pointer of type `Fn`.
    template <typename Fn>
    Fn function(const char* name) {
        return reinterpret_cast<Fn>(symbol(name)); // NOLINT: dlsym returns data pointers
    }

private:
    std::string m_soname;
    std::string m_package;
    std::once_flag m_once;
    void* m_handle = nullptr;
    std::string m_error;
};

} // namespace hujing::util
