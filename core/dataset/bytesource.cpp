// SPDX-License-Identifier: Apache-2.0
#include "core/dataset/bytesource.h"

#include <filesystem>
#include <system_error>

namespace wb::dataset {
namespace {
// Large enough that syscalls do not dominate, small enough that memory stays flat for any file size.
constexpr std::size_t kChunkBytes = 1u << 20;
} // namespace

ByteSource::ByteSource() = default;

ByteSource::~ByteSource()
{
    stopHasher();
    if (m_file)
        std::fclose(m_file);
}

Result<void> ByteSource::open(const std::string& path, bool hash)
{
    m_hashing = hash;
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        return makeError(ErrorCode::NotFound, "no such file: " + path, path);
    if (std::filesystem::is_directory(status))
        return makeError(ErrorCode::NotFound, "is a directory, not a dataset file: " + path, path);
    m_file = std::fopen(path.c_str(), "rb");
    if (!m_file)
        return makeError(ErrorCode::Io, "cannot open file for reading: " + path, path);
    m_chunks[0].resize(kChunkBytes);
    return {};
}

std::string_view ByteSource::available()
{
    if (m_pos < m_len)
        return { m_chunks[m_current].data() + m_pos, m_len - m_pos };
    if (m_eof || !m_file)
        return {};

    if (!m_hashing) {
        // nothing trails the reader: one buffer, refilled in place
        std::vector<char>& chunk = m_chunks[0];
        m_len = std::fread(chunk.data(), 1, chunk.size(), m_file);
        m_pos = 0;
        m_current = 0;
        if (m_len < chunk.size()) {
            m_eof = true;
            m_readFailed = std::ferror(m_file) != 0;
        }
        return { chunk.data(), m_len };
    }
    const bool first = m_filled == 0;
    const std::size_t slot = m_filled % kRing;
    if (!first && !m_hasher.joinable() && !m_hashInline) {
        try {
            m_hasher = std::thread([this] { hashLoop(); });
        } catch (const std::system_error&) {
            m_hashInline = true; // no thread to be had: hash on this thread, just slower
        }
    }
    if (m_hasher.joinable()) {
        // the slot may be reused only once the hasher has finished with what it held
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [&] { return m_filled - m_hashed < kRing; });
    }
    std::vector<char>& chunk = m_chunks[slot];
    if (chunk.empty())
        chunk.resize(kChunkBytes);
    m_len = std::fread(chunk.data(), 1, chunk.size(), m_file);
    m_pos = 0;
    m_current = slot;
    if (m_len < chunk.size()) {
        m_eof = true;
        m_readFailed = std::ferror(m_file) != 0;
    }
    m_sizes[slot] = m_len;
    if (m_hashInline || (first && m_eof)) {
        // a small file is not worth a thread; an earlier unhashed first chunk goes before this one
        for (; m_hashed < m_filled; ++m_hashed)
            m_sha.update({ m_chunks[m_hashed % kRing].data(), m_sizes[m_hashed % kRing] });
        m_sha.update({ chunk.data(), m_len });
        ++m_filled;
        m_hashed = m_filled;
    } else {
        std::lock_guard lock(m_mutex);
        ++m_filled;
        m_wake.notify_all();
    }
    return { chunk.data(), m_len };
}

void ByteSource::hashLoop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stop || m_hashed < m_filled; });
        if (m_hashed == m_filled)
            return; // stop requested and nothing left
        const std::size_t slot = m_hashed % kRing;
        lock.unlock();
        m_sha.update({ m_chunks[slot].data(), m_sizes[slot] });
        lock.lock();
        ++m_hashed;
        m_wake.notify_all();
    }
}

void ByteSource::stopHasher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_wake.notify_all();
    }
    if (m_hasher.joinable())
        m_hasher.join();
}

std::string ByteSource::finishHash()
{
    if (!m_hashing)
        return {};
    m_pos = m_len;
    while (!available().empty())
        m_pos = m_len;
    if (m_hasher.joinable()) {
        stopHasher(); // the loop drains every filled slot before it returns
    } else if (m_hashed < m_filled) {
        // the only chunk(s) were read without a hasher thread: hash them here
        for (; m_hashed < m_filled; ++m_hashed)
            m_sha.update({ m_chunks[m_hashed % kRing].data(), m_sizes[m_hashed % kRing] });
    }
    return m_sha.finishHex();
}

} // namespace wb::dataset
