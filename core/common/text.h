// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wb::text {

/// Byte offset of the first invalid UTF-8 sequence, or npos when `s` is valid UTF-8.
std::size_t firstInvalidUtf8(std::string_view s);

std::string_view trim(std::string_view s);
std::string trimmed(std::string_view s);

/// Lower-cased ASCII letters and digits only; used to compare segmentations as the method spec does.
std::string alnumKey(std::string_view s);

bool containsDigit(std::string_view s);

/// `s` with ASCII letters lower-cased (HTTP header names, error codes); other bytes unchanged.
std::string asciiLower(std::string_view s);

bool startsWith(std::string_view s, std::string_view prefix);
bool endsWith(std::string_view s, std::string_view suffix);

std::vector<std::string> split(std::string_view s, char separator);
std::string join(const std::vector<std::string>& parts, std::string_view separator);

/// Replace every occurrence of `from` (non-empty) by `to`.
std::string replaceAll(std::string_view s, std::string_view from, std::string_view to);

} // namespace wb::text
