// SPDX-License-Identifier: Apache-2.0
#include "core/dataset/bytesource.h"

#include <filesystem>
#include <system_error>

namespace wb::dataset {
namespace {
// Large enough that syscalls do not dominate, small enough that memory stays flat for any file size.
constexpr std::size_t kChunkBytes = 1u << 20;
} // namespace

ByteSource::~ByteSource()
{
    if (m_file)
        std::fclose(m_file);
}

Result<void> ByteSource::open(const std::string& path)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        return makeError(ErrorCode::NotFound, "no such file: " + path, path);
    if (std::filesystem::is_directory(status))
        return makeError(ErrorCode::NotFound, "is a directory, not a dataset file: " + path, path);
    m_file = std::fopen(path.c_str(), "rb");
    if (!m_file)
        return makeError(ErrorCode::Io, "cannot open file for reading: " + path, path);
    m_buffer.resize(kChunkBytes);
    return {};
}

std::string_view ByteSource::available()
{
    if (m_pos < m_len)
        return { m_buffer.data() + m_pos, m_len - m_pos };
    if (m_eof || !m_file)
        return {};
    m_len = std::fread(m_buffer.data(), 1, m_buffer.size(), m_file);
    m_pos = 0;
    if (m_len < m_buffer.size()) {
        m_eof = true;
        m_readFailed = std::ferror(m_file) != 0;
    }
    m_sha.update({ m_buffer.data(), m_len });
    return { m_buffer.data(), m_len };
}

std::string ByteSource::finishHash()
{
    m_pos = m_len;
    while (!available().empty())
        m_pos = m_len;
    return m_sha.finishHex();
}

} // namespace wb::dataset
