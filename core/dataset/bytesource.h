// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/common/sha256.h"

#include <array>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace wb::dataset {

/// Reads a file in fixed-size chunks and hashes every byte on the way, so a dataset is read exactly once
/// whatever its size. Scanners look at `available()` and `consume()` what they used. Files larger than one
/// chunk are hashed on a helper thread that trails the reader over a small ring of chunks: SHA-256 costs about
/// as much as parsing, and on two cores the two then overlap. Memory stays at the ring's few MiB.
class ByteSource {
public:
    ByteSource();
    ~ByteSource();
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    /// Opens `path`; NotFound for a missing path or a directory, Io when it cannot be read. Without `hash` the
    /// bytes are only read (finishHash() then returns an empty string without reading further).
    Result<void> open(const std::string& path, bool hash = true);

    /// Unconsumed bytes of the current chunk; reads the next chunk when it is used up. Empty at end of file.
    std::string_view available();
    void consume(std::size_t count) { m_pos += count; }
    bool readFailed() const { return m_readFailed; }

    /// Reads whatever is left (without scanning it) and returns the sha256 of all bytes of the file; empty when
    /// the source was opened without hashing.
    std::string finishHash();

private:
    static constexpr std::size_t kRing = 4;

    void hashLoop();
    void stopHasher();

    std::FILE* m_file = nullptr;
    std::array<std::vector<char>, kRing> m_chunks;
    std::array<std::size_t, kRing> m_sizes {};
    std::size_t m_current = 0; ///< ring slot the scanners read from
    std::size_t m_pos = 0;
    std::size_t m_len = 0;
    bool m_eof = false;
    bool m_readFailed = false;
    Sha256 m_sha;

    // hand-off to the hashing thread: slots [m_hashed, m_filled) are waiting to be hashed
    std::thread m_hasher;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::size_t m_filled = 0;
    std::size_t m_hashed = 0;
    bool m_stop = false;
    bool m_hashInline = false; ///< set when no helper thread could be started
    bool m_hashing = true;
};

} // namespace wb::dataset
