// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace wb::ui {

/// core's writeFileAtomically() for Qt callers: readers see the old file or the complete new one, never a
/// half-written one. On failure returns false and sets `error` (when given) to a message naming the file.
bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error = nullptr);

} // namespace wb::ui
