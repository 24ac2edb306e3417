// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <string>

namespace wb {

/// Environment variable that names the data folder explicitly; it overrides every other place.
inline constexpr const char* kDataDirEnv = "I3C_DATA_DIR";

/// What the data folder lookup starts from.
struct DataDirQuery {
    std::string overrideDir; ///< value of kDataDirEnv; empty when unset
    std::string executable; ///< absolute path of the running program
};

/// The folder of the data the program ships (methods/, datasets/demo/), the first of:
/// 1. `overrideDir` when it is set (it must then be a folder: a wrong override is an error, not a fallback);
/// 2. <folder of the executable>/../share/i3c-workbench: an installed tree, wherever its prefix was moved;
/// 3. <build>/share/i3c-workbench, where <build> is the build tree the executable sits in (the nearest folder
///    above it with a CMakeCache.txt); CMake links the source tree's resources there at configure time.
/// Nothing absolute is compiled in, so an installed binary never reads the source tree it was built from.
/// The error of a failed lookup names every place it tried.
Result<std::string> findDataDir(const DataDirQuery& query);

/// findDataDir() for this process: $I3C_DATA_DIR and /proc/self/exe.
Result<std::string> dataDir();

/// dataDir()/`relative`; NotFound (naming the path) when it does not exist there.
Result<std::string> dataPath(const std::string& relative);

} // namespace wb
