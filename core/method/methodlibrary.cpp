// SPDX-License-Identifier: Apache-2.0
#include "core/method/methodlibrary.h"

#include "core/method/methodjson.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <vector>

#ifndef WB_RESOURCES_DIR
#define WB_RESOURCES_DIR "resources"
#endif

namespace wb::method {
namespace {

namespace fs = std::filesystem;

Result<std::vector<std::string>> methodFilesIn(const std::string& dir)
{
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return makeError(ErrorCode::NotFound, "method folder does not exist", dir);
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            files.push_back(entry.path().string());
    }
    if (ec)
        return makeError(ErrorCode::Io, ec.message(), dir);
    std::sort(files.begin(), files.end());
    return files;
}

/// Two files with the same id or the same order would make `--method ID` or the list order ambiguous.
Result<void> checkUnique(const std::vector<Method>& methods)
{
    std::set<std::string> ids;
    std::map<int, const Method*> orders;
    for (const Method& m : methods) {
        if (!ids.insert(m.id).second)
            return makeFieldError(
                ErrorCode::InvalidInput, "id", "duplicate method id '" + m.id + "'", m.sourcePath + ": id");
        if (!m.order)
            continue;
        const auto [it, inserted] = orders.emplace(*m.order, &m);
        if (!inserted)
            return makeFieldError(ErrorCode::InvalidInput, "order",
                "order " + std::to_string(*m.order) + " is also the order of " + it->second->sourcePath
                    + "; give each method its own position",
                m.sourcePath + ": order");
    }
    return {};
}

} // namespace

std::string defaultMethodsDir()
{
    // An installed binary must not depend on the source tree, so the folder beside the executable
    // (<prefix>/bin/../share/i3c-workbench/methods) comes first; a binary run from its build tree finds
    // nothing there and uses the source resources; the system folder covers a binary moved elsewhere.
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::vector<std::string> candidates;
    if (!ec)
        candidates.push_back(
            (exe.parent_path() / ".." / "share" / "i3c-workbench" / "methods").lexically_normal().string());
    const std::string source = std::string(WB_RESOURCES_DIR) + "/methods";
    candidates.push_back(source);
    candidates.push_back("/usr/share/i3c-workbench/methods");
    for (const std::string& dir : candidates) {
        if (fs::is_directory(dir, ec))
            return dir;
    }
    return source;
}

Result<std::vector<Method>> loadMethodsFromDir(const std::string& dir)
{
    auto files = methodFilesIn(dir);
    if (!files)
        return files.error();
    std::vector<Method> methods;
    for (const std::string& file : *files) {
        auto m = loadMethodFile(file);
        if (!m)
            return m.error();
        methods.push_back(std::move(m.value()));
    }
    if (auto unique = checkUnique(methods); !unique)
        return unique.error();
    // Files are in name order already; a stable sort keeps it among the methods without an order.
    const auto position = [](const Method& m) { return m.order.value_or(std::numeric_limits<int>::max()); };
    std::stable_sort(
        methods.begin(), methods.end(), [&](const Method& a, const Method& b) { return position(a) < position(b); });
    return methods;
}

Result<std::vector<Method>> loadBuiltinMethods(const std::string& dir)
{
    return loadMethodsFromDir(dir.empty() ? defaultMethodsDir() : dir);
}

} // namespace wb::method
