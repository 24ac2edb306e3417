// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace wb {

/// Incremental SHA-256 (FIPS 180-4). Used for content hashes of datasets, problems, methods and cache keys;
/// a local implementation keeps core free of a crypto-library dependency for this one digest.
class Sha256 {
public:
    Sha256();
    void update(std::string_view data);
    std::array<std::uint8_t, 32> finish();
    std::string finishHex();

    static std::string hex(std::string_view data);

private:
    void block(const std::uint8_t* p);
    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer {};
    std::uint64_t m_length = 0;
    std::size_t m_used = 0;
};

} // namespace wb
