// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/dynlib.hpp>
#include <hujing/util/sha256.hpp>

#include <openssl/evp.h>

#include <array>

namespace hujing::util {

namespace {

// libcrypto is opened on the first hash, not at every start (see LazyLibrary).
struct Crypto {
    decltype(&EVP_Digest) digest;
    decltype(&EVP_sha256) sha256;
};

const Crypto& crypto() {
    static LazyLibrary library("libcrypto.so.3", "libssl3");
    static const Crypto functions{library.function<decltype(&EVP_Digest)>("EVP_Digest"),
                                  library.function<decltype(&EVP_sha256)>("EVP_sha256")};
    return functions;
}

} // namespace

std::string sha256_hex(std::string_view data) {
    const auto& c = crypto();
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (c.digest(data.data(), data.size(), digest.data(), &length, c.sha256(), nullptr) != 1) {
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
