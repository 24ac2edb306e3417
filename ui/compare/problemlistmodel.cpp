// SPDX-License-Identifier: Apache-2.0
#include "ui/compare/problemlistmodel.h"

#include "ui/models/problemcolumns.h"

#include <QColor>

namespace wb::ui {

ProblemListModel::ProblemListModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ProblemListModel::setProblems(std::shared_ptr<const ComparisonData> data, wb::store::RowId runA,
    wb::store::RowId runB, std::vector<std::int64_t> problems)
{
    beginResetModel();
    m_data = std::move(data);
    m_runA = m_data ? m_data->run(runA) : nullptr;
    m_runB = m_data && runB != 0 ? m_data->run(runB) : nullptr;
    m_problems = m_runA ? std::move(problems) : std::vector<std::int64_t> {};
    endResetModel();
}

void ProblemListModel::clear() { setProblems(nullptr, 0, 0, {}); }

int ProblemListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_problems.size());
}

int ProblemListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ProblemListModel::outcomeData(const RunOutcome* run, std::int64_t problem, bool answer, int role) const
{
    if (!run)
        return {};
    const auto it = run->problems.find(problem);
    if (it == run->problems.end())
        return {};
    const ProblemOutcome& outcome = it->second;
    if (role == Qt::ToolTipRole && !outcome.reason.empty())
        return QString::fromStdString(outcome.reason);
    if (answer) {
        if (role != Qt::DisplayRole && role != SortRole)
            return {};
        return outcome.hasResult ? QString::fromStdString(outcome.answer) : tr("(no result)");
    }
    // ✓ correct, ✗ wrong, – no answer, ! error; a problem without a result is blank. Only ✓ and ✗ are answers.
    using wb::store::ProblemStatus;
    const ProblemStatus status = outcome.status;
    switch (role) {
    case Qt::DisplayRole:
        if (!outcome.hasResult)
            return QString();
        return status == ProblemStatus::Correct ? QStringLiteral("✓")
            : status == ProblemStatus::Wrong    ? QStringLiteral("✗")
            : status == ProblemStatus::NoAnswer ? QStringLiteral("–")
                                                : QStringLiteral("!");
    case SortRole:
        return outcome.hasResult ? 3 - static_cast<int>(status) : -1;
    case Qt::ForegroundRole:
        return status == ProblemStatus::Correct ? QColor(0x1b, 0x7a, 0x1b)
            : status == ProblemStatus::Wrong    ? QColor(0xb0, 0x1c, 0x1c)
                                                : QColor(0x8a, 0x6d, 0x00);
    case Qt::TextAlignmentRole:
        return Qt::AlignCenter;
    default:
        return {};
    }
}

QVariant ProblemListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::int64_t problemIndex = m_problems[static_cast<std::size_t>(index.row())];
    if (role == ProblemIndexRole)
        return static_cast<qlonglong>(problemIndex);
    switch (index.column()) {
    case AnswerAColumn:
    case CorrectAColumn:
        return outcomeData(m_runA, problemIndex, index.column() == AnswerAColumn, role);
    case AnswerBColumn:
    case CorrectBColumn:
        return outcomeData(m_runB, problemIndex, index.column() == AnswerBColumn, role);
    default:
        break;
    }
    const wb::dataset::Problem* problem = m_data->problem(m_runA->record.datasetId, problemIndex);
    if (role == Qt::ToolTipRole && index.column() == TextColumn && problem)
        return QString::fromStdString(problem->text);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case IndexColumn:
        return static_cast<qlonglong>(role == SortRole ? problemIndex : problemIndex + 1);
    case IdColumn:
        return problem ? QString::fromStdString(problem->id) : QString();
    case TextColumn:
        return problem ? QString::fromStdString(problem->text).replace(QLatin1Char('\n'), QLatin1Char(' ')) : QString();
    case GoldColumn:
        if (!problem)
            return {};
        return QString::fromStdString(problem->goldChoice.empty() ? problem->goldAnswerText : problem->goldChoice);
    default:
        return {};
    }
}

QVariant ProblemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString a = m_runA ? QStringLiteral("#%1").arg(m_runA->record.id) : tr("A");
    const QString b = m_runB ? QStringLiteral("#%1").arg(m_runB->record.id) : tr("B");
    switch (section) {
    case IndexColumn:
        return problemColumnTitle(ProblemColumn::Index);
    case IdColumn:
        return problemColumnTitle(ProblemColumn::Id);
    case TextColumn:
        return problemColumnTitle(ProblemColumn::Text);
    case GoldColumn:
        return problemColumnTitle(ProblemColumn::GoldAnswer);
    case AnswerAColumn:
        return tr("Answer %1").arg(a);
    case CorrectAColumn:
        return a;
    case AnswerBColumn:
        return tr("Answer %1").arg(b);
    case CorrectBColumn:
        return b;
    default:
        return {};
    }
}

} // namespace wb::ui
