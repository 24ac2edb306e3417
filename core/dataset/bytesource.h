// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/common/sha256.h"

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wb::dataset {

/// Reads a file in fixed-size chunks and hashes every byte on the way, so a dataset is read exactly once
/// whatever its size. Scanners look at `available()` and `consume()` what they used.
class ByteSource {
public:
    ByteSource() = default;
    ~ByteSource();
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    /// Opens `path`; NotFound for a missing path or a directory, Io when it cannot be read.
    Result<void> open(const std::string& path);

    /// Unconsumed bytes of the current chunk; reads the next chunk when it is used up. Empty at end of file.
    std::string_view available();
    void consume(std::size_t count) { m_pos += count; }
    bool readFailed() const { return m_readFailed; }

    /// Reads whatever is left (without scanning it) and returns the sha256 of all bytes of the file.
    std::string finishHash();

private:
    std::FILE* m_file = nullptr;
    std::vector<char> m_buffer;
    std::size_t m_pos = 0;
    std::size_t m_len = 0;
    bool m_eof = false;
    bool m_readFailed = false;
    Sha256 m_sha;
};

} // namespace wb::dataset
