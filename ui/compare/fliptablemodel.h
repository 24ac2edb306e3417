// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/run/pairedcomparison.h"
#include "ui/compare/comparison.h"

#include <QAbstractTableModel>

#include <optional>

namespace wb::ui {

/// The 2×2 flip table of two runs: rows = run A right / wrong, columns = run B right / wrong.
class FlipTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Unscoped: Qt's view API takes plain ints for columns and roles.
    enum Column { BRightColumn, BWrongColumn, ColumnCount };
    enum Row { ARightRow, AWrongRow, RowCount };
    enum Role {
        CountRole = Qt::UserRole, ///< problems in the cell
        CellRole, ///< wb::run::PairedComparison::Cell
    };

    explicit FlipTableModel(QObject* parent = nullptr);

    void setComparison(
        std::optional<wb::run::PairedComparison> comparison, const QString& labelA = {}, const QString& labelB = {});
    const std::optional<wb::run::PairedComparison>& comparison() const { return m_comparison; }
    static wb::run::PairedComparison::Cell cellAt(int row, int column);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::optional<wb::run::PairedComparison> m_comparison;
    QString m_labelA;
    QString m_labelB;
};

} // namespace wb::ui
