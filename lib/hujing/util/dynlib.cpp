// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/dynlib.hpp>

#include <fmt/format.h>

#include <dlfcn.h>

namespace hujing::util {

LazyLibrary::LazyLibrary(std::string soname, std::string package)
    : m_soname(std::move(soname)),
      m_package(std::move(package)) {}

LazyLibrary::~LazyLibrary() = default; // the library stays loaded until the process ends

void* LazyLibrary::symbol(const char* name) {
    std::call_once(m_once, [this] {
        m_handle = ::dlopen(m_soname.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (m_handle == nullptr) {
            const char* error = ::dlerror();
            m_error = error != nullptr ? error : m_soname;
        }
    });
    if (m_handle == nullptr) {
        throw Error(Exit::internal,
                    fmt::format("无法加载 {}: {}", m_soname, m_error),
                    fmt::format("安装 {}", m_package));
    }
    void* address = ::dlsym(m_handle, name);
    if (address == nullptr) {
        throw Error(Exit::internal,
                    fmt::format("{} 中没有 {}", m_soname, name),
                    fmt::format("检查 {} 的版本", m_package));
    }
    return address;
}

} // namespace hujing::util
