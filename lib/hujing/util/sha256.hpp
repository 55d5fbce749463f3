// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>

struct evp_md_ctx_st; // OpenSSL's EVP_MD_CTX

namespace hujing::util {

using Sha256Digest = std::array<unsigned char, 32>;

// An incremental SHA-256 (OpenSSL libcrypto, opened on first use). One context is reused across
// messages: fetching the algorithm and allocating a context cost four times the hash of a short
// text, which the draw computes a million times.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    Sha256(Sha256&&) = delete;
    Sha256& operator=(Sha256&&) = delete;

    Sha256& update(std::string_view data);

    // The digest of everything given since construction or the last finish; then starts anew.
    Sha256Digest finish();

private:
    void start();
    evp_md_ctx_st* m_ctx = nullptr;
};

// The SHA-256 of the concatenation of `parts`, on this thread's reused context.
Sha256Digest sha256(std::initializer_list<std::string_view> parts);

// Lowercase hex, as sha256sum prints it.
std::string to_hex(const Sha256Digest& digest);

// Return the lowercase hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

} // namespace hujing::util
