// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace wb {

/// Incremental SHA-256 (FIPS 180-4) for the content hashes of datasets, problems, methods and cache keys.
/// A facade over OpenSSL's EVP digests (libcrypto, which libcurl already brings): it uses the CPU's SHA
/// instructions on x86 and ARM alike, and keeps callers free of OpenSSL headers.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256&&) noexcept;
    Sha256& operator=(Sha256&&) noexcept;
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::string_view data);
    /// The digest of everything passed to update(); the object starts over afterwards.
    std::array<std::uint8_t, 32> finish();
    std::string finishHex();

    /// Lower-case hex digest of `data` in one call.
    static std::string hex(std::string_view data);

private:
    struct Context;
    std::unique_ptr<Context> d;
};

} // namespace wb
