// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/method/method.h"

#include <string>
#include <vector>

namespace wb::method {

/// Folder of the shipped methods: methods/ in the program's data folder (wb::dataDir(): $I3C_DATA_DIR, the
/// installed share/i3c-workbench beside the executable, or the build tree's copy of the source resources).
Result<std::string> defaultMethodsDir();

/// Loads every *.json directly inside `dir`. Any invalid file is an error naming it, and so is a method id or an
/// order that two files share. Listed by order (files without one after the numbered ones, by file name).
Result<std::vector<Method>> loadMethodsFromDir(const std::string& dir);

/// loadMethodsFromDir() of `dir`, or of defaultMethodsDir() when it is empty. The shipped files number
/// themselves as in the paper's Table 1: each baseline followed by its "+ I3C" variant, I3C-Select last.
Result<std::vector<Method>> loadBuiltinMethods(const std::string& dir = {});

} // namespace wb::method
