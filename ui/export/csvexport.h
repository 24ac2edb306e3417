// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QAbstractItemModel;

namespace wb::ui {

/// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, or starts/ends with a space;
/// quotes inside are doubled.
QString csvField(const QString& value);

/// The model's header and DisplayRole cells as CSV text, rows separated by CRLF.
QString modelToCsv(const QAbstractItemModel& model);

/// modelToCsv() written atomically as UTF-8.
bool writeModelCsv(const QAbstractItemModel& model, const QString& path, QString* error = nullptr);

} // namespace wb::ui
