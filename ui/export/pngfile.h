// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QImage;

namespace wb::ui {

/// Encodes `image` as PNG in memory and hands the bytes to the atomic file writer. On failure returns false and
/// sets `error` (when given) to a message naming the file.
bool writePngAtomically(const QImage& image, const QString& path, QString* error = nullptr);

} // namespace wb::ui
