// SPDX-License-Identifier: GPL-3.0-or-later
#include <hujing/error.hpp>
#include <hujing/util/dynlib.hpp>
#include <hujing/util/sha256.hpp>

#include <openssl/evp.h>

namespace hujing::util {

namespace {

// libcrypto is opened on the first hash, not at every start (see LazyLibrary).
struct Crypto {
    decltype(&EVP_MD_CTX_new) ctx_new;
    decltype(&EVP_MD_CTX_free) ctx_free;
    decltype(&EVP_DigestInit_ex2) init;
    decltype(&EVP_DigestUpdate) update;
    decltype(&EVP_DigestFinal_ex) final;
    EVP_MD* sha256; // fetched once, kept for the life of the process
};

const Crypto& crypto() {
    static LazyLibrary library("libcrypto.so.3", "libssl3");
    static const Crypto functions{
        library.function<decltype(&EVP_MD_CTX_new)>("EVP_MD_CTX_new"),
        library.function<decltype(&EVP_MD_CTX_free)>("EVP_MD_CTX_free"),
        library.function<decltype(&EVP_DigestInit_ex2)>("EVP_DigestInit_ex2"),
        library.function<decltype(&EVP_DigestUpdate)>("EVP_DigestUpdate"),
        library.function<decltype(&EVP_DigestFinal_ex)>("EVP_DigestFinal_ex"),
        library.function<decltype(&EVP_MD_fetch)>("EVP_MD_fetch")(nullptr, "SHA256", nullptr)};
    if (functions.sha256 == nullptr) {
        throw Error(Exit::internal, "libcrypto 不提供 SHA-256", "检查 libssl3 的安装");
    }
    return functions;
}

[[noreturn]] void failed() {
    throw Error(Exit::internal, "SHA-256 计算失败");
}

} // namespace

Sha256::Sha256()
    : m_ctx(crypto().ctx_new()) {
    if (m_ctx == nullptr) {
        failed();
    }
    start();
}

Sha256::~Sha256() {
    crypto().ctx_free(m_ctx);
}

void Sha256::start() {
    if (crypto().init(m_ctx, crypto().sha256, nullptr) != 1) {
        failed();
    }
}

Sha256& Sha256::update(std::string_view data) {
    if (crypto().update(m_ctx, data.data(), data.size()) != 1) {
        failed();
    }
    return *this;
}

Sha256Digest Sha256::finish() {
    Sha256Digest out{};
    unsigned int length = 0;
    if (crypto().final(m_ctx, out.data(), &length) != 1 || length != out.size()) {
        failed();
    }
    start();
    return out;
}

Sha256Digest sha256(std::initializer_list<std::string_view> parts) {
    thread_local Sha256 hasher;
    for (const auto part : parts) {
        hasher.update(part);
    }
    return hasher.finish();
}

std::string to_hex(const Sha256Digest& digest) {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(digest.size() * 2);
    for (const auto b : digest) {
        out.push_back(k_hex[b >> 4U]);
        out.push_back(k_hex[b & 0x0FU]);
    }
    return out;
}

std::string sha256_hex(std::string_view data) {
    return to_hex(sha256({data}));
}

} // namespace hujing::util
