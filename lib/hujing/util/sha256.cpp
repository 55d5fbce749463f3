// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/sha256.hpp>

#include <openssl/evp.h>

#include <array>

namespace hujing::util {

std::string sha256_hex(std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
        throw Error(Exit::internal, "SHA-256 计算失败");
    }
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(static_cast<std::size_t>(length) * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(k_hex[digest[i] >> 4U]);
        out.push_back(k_hex[digest[i] & 0x0FU]);
    }
    return out;
}

} // namespace hujing::util
