// SPDX-License-Identifier: Apache-2.0
#include "ui/compare/fliptablemodel.h"

#include <QColor>

namespace wb::ui {

FlipTableModel::FlipTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void FlipTableModel::setComparison(
    std::optional<wb::run::PairedComparison> comparison, const QString& labelA, const QString& labelB)
{
    beginResetModel();
    m_comparison = std::move(comparison);
    m_labelA = labelA;
    m_labelB = labelB;
    endResetModel();
}

wb::run::PairedComparison::Cell FlipTableModel::cellAt(int row, int column)
{
    if (row == ARightRow)
        return column == BRightColumn ? wb::run::PairedComparison::BothRight : wb::run::PairedComparison::RightToWrong;
    return column == BRightColumn ? wb::run::PairedComparison::WrongToRight : wb::run::PairedComparison::BothWrong;
}

int FlipTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : RowCount; }

int FlipTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant FlipTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const wb::run::PairedComparison::Cell cell = cellAt(index.row(), index.column());
    const qulonglong count = m_comparison ? static_cast<qulonglong>(m_comparison->cells[cell].size()) : 0;
    switch (role) {
    case Qt::DisplayRole: {
        if (!m_comparison)
            return QStringLiteral("–");
        static const char* const names[] = { QT_TR_NOOP("both right"), QT_TR_NOOP("right → wrong"),
            QT_TR_NOOP("wrong → right"), QT_TR_NOOP("both wrong") };
        return tr("%L1\n%2").arg(count).arg(tr(names[cell]));
    }
    case CountRole:
        return count;
    case CellRole:
        return static_cast<int>(cell);
    case Qt::TextAlignmentRole:
        return Qt::AlignCenter;
    case Qt::BackgroundRole:
        // Discordant cells are what McNemar tests: tint them so they stand out.
        if (cell == wb::run::PairedComparison::RightToWrong)
            return QColor(0xf6, 0xd5, 0xd5);
        if (cell == wb::run::PairedComparison::WrongToRight)
            return QColor(0xd5, 0xef, 0xd5);
        return {};
    case Qt::ForegroundRole:
        return cell == wb::run::PairedComparison::RightToWrong || cell == wb::run::PairedComparison::WrongToRight
            ? QVariant(QColor(Qt::black))
            : QVariant();
    case Qt::ToolTipRole:
        return tr("Click to list these problems");
    default:
        return {};
    }
}

QVariant FlipTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString a = m_labelA.isEmpty() ? tr("A") : m_labelA;
    const QString b = m_labelB.isEmpty() ? tr("B") : m_labelB;
    if (orientation == Qt::Horizontal)
        return section == BRightColumn ? tr("%1 right").arg(b) : tr("%1 wrong").arg(b);
    return section == ARightRow ? tr("%1 right").arg(a) : tr("%1 wrong").arg(a);
}

} // namespace wb::ui
