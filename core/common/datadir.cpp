// SPDX-License-Identifier: Apache-2.0
#include "core/common/datadir.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace wb {
namespace {

namespace fs = std::filesystem;

constexpr const char* kShareSubdir = "share/i3c-workbench";

bool isDirectory(const fs::path& path)
{
    std::error_code ec;
    return fs::is_directory(path, ec);
}

/// The nearest folder at or above `start` that holds a CMakeCache.txt, or an empty path.
fs::path enclosingBuildTree(fs::path start)
{
    std::error_code ec;
    for (; !start.empty(); start = start.parent_path()) {
        if (fs::is_regular_file(start / "CMakeCache.txt", ec))
            return start;
        if (start == start.root_path())
            break;
    }
    return {};
}

} // namespace

Result<std::string> findDataDir(const DataDirQuery& query)
{
    if (!query.overrideDir.empty()) {
        if (isDirectory(query.overrideDir))
            return fs::path(query.overrideDir).lexically_normal().string();
        return makeError(ErrorCode::NotFound, std::string(kDataDirEnv) + " names no folder", query.overrideDir);
    }
    std::vector<fs::path> tried;
    const fs::path exeDir = fs::path(query.executable).parent_path();
    if (!exeDir.empty()) {
        tried.push_back((exeDir / ".." / kShareSubdir).lexically_normal());
        const fs::path build = enclosingBuildTree(exeDir);
        if (!build.empty() && (build / kShareSubdir).lexically_normal() != tried.front())
            tried.push_back((build / kShareSubdir).lexically_normal());
    }
    std::string places;
    for (const fs::path& dir : tried) {
        if (isDirectory(dir))
            return dir.string();
        places += (places.empty() ? "" : ", ") + dir.string();
    }
    return makeError(ErrorCode::NotFound,
        "the program's data folder (methods, demo dataset) is missing; looked in "
            + (places.empty() ? "no place" : places) + "; set " + kDataDirEnv + " to the folder that holds methods/");
}

Result<std::string> dataDir()
{
    DataDirQuery query;
    if (const char* value = std::getenv(kDataDirEnv))
        query.overrideDir = value;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec)
        query.executable = exe.string();
    return findDataDir(query);
}

Result<std::string> dataPath(const std::string& relative)
{
    auto dir = dataDir();
    if (!dir)
        return dir.error();
    const std::string path = (fs::path(*dir) / relative).string();
    std::error_code ec;
    if (!fs::exists(path, ec))
        return makeError(ErrorCode::NotFound, "the program's data folder lacks " + relative, path);
    return path;
}

} // namespace wb
