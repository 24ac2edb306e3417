// SPDX-License-Identifier: Apache-2.0
#include "ui/compare/accuracytablemodel.h"

#include "ui/compare/runlabels.h"

#include <algorithm>
#include <map>

namespace wb::ui {

AccuracyTableModel::AccuracyTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AccuracyTableModel::setRuns(std::shared_ptr<const ComparisonData> data, const std::vector<wb::store::RowId>& runs)
{
    m_data = std::move(data);
    m_runIds = runs;
    rebuild();
}

void AccuracyTableModel::setGrouping(const QString& title, Grouping grouping)
{
    m_groupTitle = title;
    m_grouping = std::move(grouping);
    rebuild();
    emit headerDataChanged(Qt::Horizontal, GroupColumn, GroupColumn);
}

void AccuracyTableModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    if (m_data) {
        std::vector<const RunOutcome*> chosen;
        for (const RunOutcome& run : m_data->runs) {
            if (std::find(m_runIds.begin(), m_runIds.end(), run.record.id) != m_runIds.end())
                chosen.push_back(&run);
        }
        for (const RunOutcome* run : chosen) {
            const QString settings = differingSettings(*run, chosen).join(QStringLiteral(" · "));
            if (m_grouping)
                addGroupRows(*run, settings);
            else
                m_rows.push_back({ run, {}, settings, run->accuracy(), run->record.noAnswer, run->record.errors });
        }
    }
    endResetModel();
}

void AccuracyTableModel::addGroupRows(const RunOutcome& run, const QString& settings)
{
    std::map<std::string, Row> groups; // sorted by group name
    for (const auto& [index, outcome] : run.problems) {
        for (const std::string& name : m_grouping(run, index)) {
            Row& row = groups.try_emplace(name, Row { &run, QString::fromStdString(name), settings, {}, 0, 0 })
                           .first->second;
            row.noAnswer += outcome.hasResult && outcome.status == wb::store::ProblemStatus::NoAnswer ? 1 : 0;
            row.errors += outcome.hasResult && outcome.status == wb::store::ProblemStatus::Error ? 1 : 0;
        }
    }
    for (auto& [name, row] : groups) {
        std::vector<wb::eval::Outcome> outcomes;
        for (const auto& [index, outcome] : run.problems) {
            const std::vector<std::string> names = m_grouping(run, index);
            if (std::find(names.begin(), names.end(), name) != names.end())
                outcomes.push_back(outcome.outcome());
        }
        row.accuracy = wb::eval::accuracy(outcomes);
        m_rows.push_back(std::move(row));
    }
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
    // With nothing answered the accuracy is unknown, not 0: shown as a dash, sorted as null.
    const auto figure = [&](double value) {
        if (!acc.defined())
            return display ? QVariant(QStringLiteral("—")) : QVariant();
        return display ? QVariant(QString::number(value, 'f', 4)) : QVariant(value);
    };
    const auto count = [](std::size_t n) { return QVariant(static_cast<qulonglong>(n)); };
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
    case SettingsColumn:
        return row.settings;
    case GroupColumn:
        return row.group;
    case CorrectColumn:
        return static_cast<qulonglong>(acc.correct);
    case TotalColumn:
        return count(acc.total);
    case AccuracyColumn:
        return figure(acc.value);
    case CiLowColumn:
        return figure(acc.ci.low);
    case CiHighColumn:
        return figure(acc.ci.high);
    case PlannedColumn:
        return count(acc.planned);
    case CoverageColumn:
        return display ? QVariant(QString::number(acc.coverage(), 'f', 2)) : QVariant(acc.coverage());
    case NoAnswerColumn:
        return count(row.noAnswer);
    case ErrorsColumn:
        return count(row.errors);
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
    case SettingsColumn:
        return tr("Differs in");
    case GroupColumn:
        return m_groupTitle.isEmpty() ? tr("Group") : m_groupTitle;
    case CorrectColumn:
        return tr("Correct");
    case TotalColumn:
        return tr("Answered");
    case AccuracyColumn:
        return tr("Accuracy");
    case CiLowColumn:
        return tr("95% CI low");
    case CiHighColumn:
        return tr("95% CI high");
    case PlannedColumn:
        return tr("Planned");
    case CoverageColumn:
        return tr("Coverage");
    case NoAnswerColumn:
        return tr("No answer");
    case ErrorsColumn:
        return tr("Errors");
    default:
        return {};
    }
}

} // namespace wb::ui
