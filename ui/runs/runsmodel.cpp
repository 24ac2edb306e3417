// SPDX-License-Identifier: Apache-2.0
#include "ui/runs/runsmodel.h"

#include "core/run/progress.h"

#include <QLocale>

namespace wb::ui {

namespace {
QString statusText(wb::store::RunStatus status)
{
    switch (status) {
    case wb::store::RunStatus::Planned:
        return RunsModel::tr("planned");
    case wb::store::RunStatus::Running:
        return RunsModel::tr("running");
    case wb::store::RunStatus::Cancelled:
        return RunsModel::tr("cancelled");
    case wb::store::RunStatus::Failed:
        return RunsModel::tr("failed");
    case wb::store::RunStatus::Completed:
        return RunsModel::tr("completed");
    }
    return {};
}
} // namespace

RunsModel::RunsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int RunsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RunsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

wb::run::OutcomeCounts RunsModel::outcomes(const RunRow& row)
{
    return wb::run::OutcomeCounts::of(row.record, row.problems);
}

double RunsModel::accuracy(const RunRow& row)
{
    const wb::eval::Accuracy acc = outcomes(row).accuracy();
    return acc.defined() ? acc.value : -1.0;
}

QVariant RunsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRow& row = m_rows[static_cast<std::size_t>(index.row())];
    const wb::store::RunRecord& run = row.record;
    if (role == RunIdRole)
        return static_cast<qlonglong>(run.id);
    if (role == StatusRole)
        return static_cast<int>(run.status);
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case IdColumn:
        case CallsColumn:
        case ResultsColumn:
        case AccuracyColumn:
        case CoverageColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == CallsColumn)
        return tr("Calls stored with a response / with an error (errors are retried on resume)");
    if (role == Qt::ToolTipRole && index.column() == AccuracyColumn)
        return tr("Correct / answered problems; problems without an answer or with an error are not counted");
    if (role == Qt::ToolTipRole && (index.column() == CoverageColumn || index.column() == StatusColumn))
        return QString::fromStdString(wb::run::coverageText(outcomes(row)));
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    const QLocale locale;
    switch (static_cast<Column>(index.column())) {
    case IdColumn:
        return static_cast<qlonglong>(run.id);
    case NameColumn:
        return QString::fromStdString(run.name);
    case DatasetColumn:
        return QString::fromStdString(row.datasetName);
    case MethodColumn:
        return QString::fromStdString(row.methodId);
    case ModelColumn:
        return QString::fromStdString(row.model);
    case StatusColumn: {
        if (!display)
            return static_cast<int>(run.status);
        // A finished run with errors or unanswered problems never reads as plain "completed".
        const wb::run::OutcomeCounts counts = outcomes(row);
        const bool settled = run.status != wb::store::RunStatus::Planned && run.status != wb::store::RunStatus::Running;
        return settled && !counts.clean() ? QString::fromStdString(wb::run::statusText(run.status, counts))
                                          : statusText(run.status);
    }
    case CallsColumn:
        if (!display)
            return static_cast<qulonglong>(run.doneCalls);
        if (run.errorCalls == 0)
            return locale.toString(static_cast<qulonglong>(run.doneCalls));
        return tr("%1 (%2 errors)")
            .arg(locale.toString(static_cast<qulonglong>(run.doneCalls)),
                locale.toString(static_cast<qulonglong>(run.errorCalls)));
    case ResultsColumn:
        if (!display)
            return static_cast<qulonglong>(run.results);
        return QStringLiteral("%1/%2").arg(locale.toString(static_cast<qulonglong>(run.results)),
            locale.toString(static_cast<qulonglong>(row.problems)));
    case AccuracyColumn: {
        const double value = accuracy(row);
        if (!display)
            return value;
        if (run.results == 0)
            return QString();
        return value < 0 ? tr("n/a") : locale.toString(value * 100.0, 'f', 1) + QLatin1Char('%');
    }
    case CoverageColumn: {
        const wb::run::OutcomeCounts counts = outcomes(row);
        const double coverage = counts.planned ? double(counts.answered()) / double(counts.planned) : 0.0;
        if (!display)
            return coverage;
        if (run.results == 0)
            return QString();
        QString text = QStringLiteral("%1/%2").arg(locale.toString(static_cast<qulonglong>(counts.answered())),
            locale.toString(static_cast<qulonglong>(counts.planned)));
        if (counts.noAnswer + counts.errors > 0)
            text += tr(" (%1 no answer, %2 errors)")
                        .arg(locale.toString(static_cast<qulonglong>(counts.noAnswer)),
                            locale.toString(static_cast<qulonglong>(counts.errors)));
        return text;
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case IdColumn:
        return tr("Run");
    case NameColumn:
        return tr("Name");
    case DatasetColumn:
        return tr("Dataset");
    case MethodColumn:
        return tr("Method");
    case ModelColumn:
        return tr("Model");
    case StatusColumn:
        return tr("Status");
    case CallsColumn:
        return tr("Calls");
    case ResultsColumn:
        return tr("Results");
    case AccuracyColumn:
        return tr("Accuracy");
    case CoverageColumn:
        return tr("Answered");
    case ColumnCount:
        break;
    }
    return {};
}

void RunsModel::setRows(std::vector<RunRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RunsModel::rowOf(wb::store::RowId runId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].record.id == runId)
            return static_cast<int>(i);
    }
    return -1;
}

const RunRow* RunsModel::row(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

const RunRow* RunsModel::findRun(wb::store::RowId runId) const { return row(rowOf(runId)); }

void RunsModel::updateProgress(wb::store::RowId runId, const wb::run::Progress& progress)
{
    const int r = rowOf(runId);
    if (r < 0)
        return;
    RunRow& row = m_rows[static_cast<std::size_t>(r)];
    row.record.doneCalls = static_cast<std::size_t>(progress.doneCalls);
    row.record.results = static_cast<std::size_t>(progress.doneProblems);
    row.plannedCalls = progress.totalCalls;
    if (progress.totalProblems > 0)
        row.problems = static_cast<std::size_t>(progress.totalProblems);
    if (!progress.finished)
        row.record.status = wb::store::RunStatus::Running;
    emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

void RunsModel::setStatus(wb::store::RowId runId, wb::store::RunStatus status)
{
    const int r = rowOf(runId);
    if (r < 0)
        return;
    m_rows[static_cast<std::size_t>(r)].record.status = status;
    emit dataChanged(index(r, StatusColumn), index(r, StatusColumn));
}

} // namespace wb::ui
