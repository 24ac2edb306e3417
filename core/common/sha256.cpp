// SPDX-License-Identifier: Apache-2.0
#include "core/common/sha256.h"

#include <openssl/evp.h>

#include <new>

namespace wb {

namespace {

/// Fetched once: OpenSSL 3 would otherwise look the algorithm up again for every digest, which costs more than
/// hashing a short problem text.
const EVP_MD* sha256Algorithm()
{
    static EVP_MD* const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!algorithm)
        throw std::bad_alloc(); // only when libcrypto cannot load its default provider
    return algorithm;
}

std::string toHex(const std::array<std::uint8_t, 32>& digest)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(64, '0');
    for (std::size_t i = 0; i < digest.size(); ++i) {
        out[2 * i] = kDigits[digest[i] >> 4];
        out[2 * i + 1] = kDigits[digest[i] & 0x0F];
    }
    return out;
}

} // namespace

struct Sha256::Context {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    Context()
    {
        if (!ctx || EVP_DigestInit_ex(ctx, sha256Algorithm(), nullptr) != 1) {
            EVP_MD_CTX_free(ctx);
            throw std::bad_alloc();
        }
    }
    ~Context() { EVP_MD_CTX_free(ctx); }
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
};

Sha256::Sha256()
    : d(std::make_unique<Context>())
{
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(std::string_view data)
{
    if (!data.empty())
        EVP_DigestUpdate(d->ctx, data.data(), data.size());
}

std::array<std::uint8_t, 32> Sha256::finish()
{
    std::array<std::uint8_t, 32> digest {};
    unsigned int length = 0;
    EVP_DigestFinal_ex(d->ctx, digest.data(), &length);
    EVP_DigestInit_ex(d->ctx, sha256Algorithm(), nullptr);
    return digest;
}

std::string Sha256::finishHex() { return toHex(finish()); }

std::string Sha256::hex(std::string_view data)
{
    std::array<std::uint8_t, 32> digest {};
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &length, sha256Algorithm(), nullptr) != 1)
        throw std::bad_alloc();
    return toHex(digest);
}

} // namespace wb
