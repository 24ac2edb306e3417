// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <string>
#include <string_view>

namespace wb {

/// Replaces the file at `path` with `bytes` so that readers see either the old file or the complete new one:
/// the bytes go to a temporary file in the same folder, which is flushed to disk (fsync) and then renamed over
/// `path`. A new file gets the usual permissions (0666 less the umask); an existing one keeps its mode. When
/// `path` is a symbolic link, the file it points to is replaced and the link stays.
///
/// On failure the old file is untouched, no temporary file is left behind, and the Error (code Io) names the
/// path together with the system's reason.
Result<void> writeFileAtomically(const std::string& path, std::string_view bytes);

} // namespace wb
