// SPDX-License-Identifier: Apache-2.0
#include "ui/compare/accuracytablemodel.h"

#include <algorithm>

namespace wb::ui {

AccuracyTableModel::AccuracyTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AccuracyTableModel::setRuns(std::shared_ptr<const ComparisonData> data, const std::vector<wb::store::RowId>& runs)
{
    beginResetModel();
    m_data = std::move(data);
    m_rows.clear();
    if (m_data) {
        for (const RunOutcome& run : m_data->runs) {
            if (std::find(runs.begin(), runs.end(), run.record.id) == runs.end())
                continue;
            std::vector<bool> correct;
            correct.reserve(run.problems.size());
            for (const auto& [index, outcome] : run.problems)
                correct.push_back(outcome.correct);
            m_rows.push_back({ &run, wb::eval::accuracy(correct) });
        }
    }
    endResetModel();
}

int AccuracyTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AccuracyTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AccuracyTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const RunOutcome& run = *row.run;
    const wb::eval::Accuracy& acc = row.accuracy;
    if (role == RunIdRole)
        return static_cast<qlonglong>(run.record.id);
    if (role == Qt::TextAlignmentRole)
        return index.column() >= CorrectColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    switch (index.column()) {
    case RunColumn:
        return display ? QVariant(QStringLiteral("#%1").arg(run.record.id))
                       : QVariant(static_cast<qlonglong>(run.record.id));
    case MethodColumn:
        return QString::fromStdString(run.config.methodId);
    case ModelColumn:
        return QString::fromStdString(run.config.backend.model);
    case DatasetColumn:
        return QString::fromStdString(run.datasetName);
    case CorrectColumn:
        return static_cast<qulonglong>(acc.correct);
    case TotalColumn:
        return static_cast<qulonglong>(acc.total);
    case AccuracyColumn:
        return display ? QVariant(QString::number(acc.value, 'f', 4)) : QVariant(acc.value);
    case CiLowColumn:
        return display ? QVariant(QString::number(acc.ci.low, 'f', 4)) : QVariant(acc.ci.low);
    case CiHighColumn:
        return display ? QVariant(QString::number(acc.ci.high, 'f', 4)) : QVariant(acc.ci.high);
    default:
        return {};
    }
}

QVariant AccuracyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RunColumn:
        return tr("Run");
    case MethodColumn:
        return tr("Method");
    case ModelColumn:
        return tr("Model");
    case DatasetColumn:
        return tr("Dataset");
    case CorrectColumn:
        return tr("Correct");
    case TotalColumn:
        return tr("Total");
    case AccuracyColumn:
        return tr("Accuracy");
    case CiLowColumn:
        return tr("95% CI low");
    case CiHighColumn:
        return tr("95% CI high");
    default:
        return {};
    }
}

} // namespace wb::ui
