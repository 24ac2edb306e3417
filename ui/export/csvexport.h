// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

class QAbstractItemModel;

namespace wb::ui {

/// The model's header and DisplayRole cells as UTF-8 CSV (core's csv::formatRow, rows ended by CRLF). Cells
/// that hold numbers are the program's own; every text cell may carry model output or dataset text and is
/// written as untrusted, so a spreadsheet shows a leading '=', '+', '-' or '@' as text.
QByteArray modelToCsv(const QAbstractItemModel& model);

/// modelToCsv() written atomically.
bool writeModelCsv(const QAbstractItemModel& model, const QString& path, QString* error = nullptr);

} // namespace wb::ui
