// SPDX-License-Identifier: Apache-2.0
#include "core/method/jsonfile.h"

#include "core/common/jsonparse.h"

#include <fstream>
#include <sstream>

namespace wb::method {

Result<nlohmann::json> parseJsonText(const std::string& text, const std::string& source)
{
    return parseJson(text, source);
}

Result<nlohmann::json> readJsonFile(const std::string& path, const std::string& what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::NotFound, "cannot open " + what, path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return parseJsonText(ss.str(), path);
}

} // namespace wb::method
