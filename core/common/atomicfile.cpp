// SPDX-License-Identifier: Apache-2.0
#include "core/common/atomicfile.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <random>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wb {
namespace {

namespace fs = std::filesystem;

std::string reason(int error) { return std::generic_category().message(error); }

Error ioError(const std::string& path, const std::string& what, int error)
{
    return makeError(ErrorCode::Io, what + ": " + reason(error), path);
}

/// The file a write to `path` should replace: the target of a symbolic link, else `path` itself.
fs::path replacedFile(const std::string& path)
{
    std::error_code ec;
    if (fs::is_symlink(path, ec)) {
        const fs::path target = fs::canonical(path, ec);
        if (!ec)
            return target;
    }
    return fs::path(path);
}

/// A name no other writer uses: process id, a counter and a random part, hidden next to the target.
fs::path temporaryName(const fs::path& target)
{
    static std::atomic<unsigned> counter { 0 };
    thread_local std::mt19937 random { std::random_device {}() };
    char suffix[64];
    std::snprintf(suffix, sizeof suffix, ".tmp-%ld-%u-%08x", static_cast<long>(::getpid()), ++counter,
        static_cast<unsigned>(random()));
    std::string name = ".";
    name.append(target.filename().string()).append(suffix);
    return target.parent_path() / name;
}

/// Owns the temporary file until it is renamed: closes and removes it on every early return.
class TemporaryFile {
public:
    ~TemporaryFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_name.empty())
            ::unlink(m_name.c_str());
    }

    /// Creates the file exclusively (0666 less the umask, as for any new file); errno is set on failure.
    bool create(const fs::path& target)
    {
        for (int attempt = 0; attempt < 100; ++attempt) {
            const fs::path name = temporaryName(target);
            m_fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (m_fd >= 0) {
                m_name = name.string();
                return true;
            }
            if (errno != EEXIST)
                return false;
        }
        return false;
    }

    int fd() const { return m_fd; }
    const std::string& name() const { return m_name; }

    bool writeAll(std::string_view bytes)
    {
        while (!bytes.empty()) {
            const ssize_t written = ::write(m_fd, bytes.data(), bytes.size());
            if (written < 0 && errno == EINTR)
                continue;
            if (written < 0)
                return false;
            bytes.remove_prefix(static_cast<std::size_t>(written));
        }
        return true;
    }

    bool syncAndClose()
    {
        const int fd = m_fd;
        m_fd = -1;
        const bool synced = ::fsync(fd) == 0;
        const int syncError = errno;
        const bool closed = ::close(fd) == 0;
        if (!synced)
            errno = syncError;
        return synced && closed;
    }

    /// After a successful rename the name belongs to the target: nothing is left to remove.
    void release() { m_name.clear(); }

private:
    int m_fd = -1;
    std::string m_name;
};

void syncFolder(const fs::path& folder)
{
    // Makes the rename itself durable across a power loss. The new file is already in place, so a folder that
    // cannot be opened or synced (some network file systems) changes nothing the caller could act on.
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

Result<void> writeFileAtomically(const std::string& path, std::string_view bytes)
{
    if (path.empty())
        return makeError(ErrorCode::Usage, "no file name given");
    const fs::path target = replacedFile(path);
    TemporaryFile temporary;
    if (!temporary.create(target)) {
        const int error = errno;
        const std::string folder = target.parent_path().empty() ? "." : target.parent_path().string();
        return ioError(path, "cannot create a temporary file in " + folder, error);
    }
    struct stat existing { };
    if (::stat(target.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)
        && ::fchmod(temporary.fd(), existing.st_mode & 07777) != 0)
        return ioError(path, "cannot give the new file the permissions of the old one", errno);
    if (!temporary.writeAll(bytes))
        return ioError(path, "cannot write the file", errno);
    if (!temporary.syncAndClose())
        return ioError(path, "cannot flush the file to disk", errno);
    if (::rename(temporary.name().c_str(), target.c_str()) != 0)
        return ioError(path, "cannot replace the file", errno);
    temporary.release();
    syncFolder(target.parent_path());
    return {};
}

} // namespace wb
