// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace wb {

/// Incremental SHA-256 (FIPS 180-4). Used for content hashes of datasets, problems, methods and cache keys;
/// a local implementation keeps core free of a crypto-library dependency for this one digest. Whole blocks are
/// hashed straight from the caller's buffer, with the CPU's SHA extensions when it has them.
class Sha256 {
public:
    Sha256();
    void update(std::string_view data);
    std::array<std::uint8_t, 32> finish();
    std::string finishHex();

    static std::string hex(std::string_view data);

    /// Whether blocks are hashed with the CPU's SHA extensions (x86 SHA-NI, several times faster); the
    /// portable code otherwise. Both give the same digests.
    static bool hardwareAccelerated();
    /// Allows or forbids the SHA extensions for the whole process (default: allowed where the CPU has them),
    /// so that tests can check the portable code on any machine.
    static void allowHardware(bool allowed);

private:
    void blocks(const std::uint8_t* p, std::size_t count);
    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer {};
    std::uint64_t m_length = 0;
    std::size_t m_used = 0;
};

} // namespace wb
