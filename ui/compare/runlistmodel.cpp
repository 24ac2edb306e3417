// SPDX-License-Identifier: Apache-2.0
#include "ui/compare/runlistmodel.h"

#include <map>
#include <set>

namespace wb::ui {

RunListModel::RunListModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

void RunListModel::setComparison(std::shared_ptr<const ComparisonData> data)
{
    // The newest run with results of each (method, dataset); data order is newest first.
    std::set<std::pair<std::string, wb::store::RowId>> seen;
    reset(std::move(data), [&seen](const RunOutcome& run) {
        return run.record.results > 0 && seen.insert({ run.config.methodId, run.record.datasetId }).second;
    });
}

void RunListModel::updateComparison(std::shared_ptr<const ComparisonData> data)
{
    std::map<wb::store::RowId, bool> before; // runs that had results: checked or not
    for (std::size_t i = 0; m_data && i < m_data->runs.size(); ++i) {
        if (m_data->runs[i].record.results > 0)
            before[m_data->runs[i].record.id] = m_checked[i];
    }
    reset(std::move(data), [&before](const RunOutcome& run) {
        const auto known = before.find(run.record.id);
        return known != before.end() ? known->second : run.record.results > 0;
    });
}

void RunListModel::reset(
    std::shared_ptr<const ComparisonData> data, const std::function<bool(const RunOutcome&)>& checked)
{
    beginResetModel();
    m_data = std::move(data);
    m_checked.assign(m_data ? m_data->runs.size() : 0, false);
    for (std::size_t i = 0; i < m_checked.size(); ++i)
        m_checked[i] = checked(m_data->runs[i]);
    endResetModel();
    emit checkedRunsChanged();
}

std::vector<wb::store::RowId> RunListModel::checkedRuns() const
{
    std::vector<wb::store::RowId> ids;
    for (std::size_t i = 0; i < m_checked.size(); ++i) {
        if (m_checked[i])
            ids.push_back(m_data->runs[i].record.id);
    }
    return ids;
}

void RunListModel::setChecked(wb::store::RowId runId, bool checked)
{
    for (int row = 0; row < rowCount(); ++row) {
        if (m_data->runs[static_cast<std::size_t>(row)].record.id == runId)
            setData(index(row), checked ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
    }
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_data ? 0 : static_cast<int>(m_data->runs.size());
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunOutcome& run = m_data->runs[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return tr("#%1 %2 · %3 · %4 (%5)")
            .arg(run.record.id)
            .arg(QString::fromStdString(run.config.methodId), QString::fromStdString(run.config.backend.model),
                QString::fromStdString(run.datasetName),
                QString::fromLatin1(wb::store::runStatusName(run.record.status)));
    case Qt::ToolTipRole:
        return tr("Run %1 “%2”, created %3; %4 of %5 problems scored")
            .arg(run.record.id)
            .arg(QString::fromStdString(run.record.name), QString::fromStdString(run.record.createdAt))
            .arg(run.record.results)
            .arg(run.problems.size());
    case Qt::CheckStateRole:
        return m_checked[static_cast<std::size_t>(index.row())] ? Qt::Checked : Qt::Unchecked;
    case RunIdRole:
        return static_cast<qlonglong>(run.record.id);
    case MethodRole:
        return QString::fromStdString(run.config.methodId);
    default:
        return {};
    }
}

bool RunListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const bool checked = value.toInt() == Qt::Checked;
    if (m_checked[static_cast<std::size_t>(index.row())] == checked)
        return true;
    m_checked[static_cast<std::size_t>(index.row())] = checked;
    emit dataChanged(index, index, { Qt::CheckStateRole });
    emit checkedRunsChanged();
    return true;
}

Qt::ItemFlags RunListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

} // namespace wb::ui
