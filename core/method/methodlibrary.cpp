// SPDX-License-Identifier: Apache-2.0
#include "core/method/methodlibrary.h"

#include "core/common/datadir.h"
#include "core/method/methodjson.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <set>

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

Result<std::string> defaultMethodsDir() { return dataPath("methods"); }

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
    if (!dir.empty())
        return loadMethodsFromDir(dir);
    auto folder = defaultMethodsDir();
    if (!folder)
        return folder.error();
    return loadMethodsFromDir(*folder);
}

} // namespace wb::method
