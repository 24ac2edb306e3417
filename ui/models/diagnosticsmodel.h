// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/diagnostic.h"

#include <QAbstractTableModel>

namespace wb::ui {

/// The loader's (and later other jobs') non-fatal diagnostics for the issues panel.
class DiagnosticsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Unscoped: Qt's view API takes plain ints for columns and roles.
    enum Column { SeverityColumn, LocationColumn, MessageColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole };

    explicit DiagnosticsModel(QObject* parent = nullptr);

    void setDiagnostics(wb::Diagnostics diagnostics);
    void append(const wb::Diagnostic& diagnostic);
    const wb::Diagnostics& diagnostics() const { return m_diagnostics; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    wb::Diagnostics m_diagnostics;
};

} // namespace wb::ui
