// SPDX-License-Identifier: Apache-2.0
#include "ui/models/problemtablemodel.h"

#include "ui/models/problemcolumns.h"

#include <QStringList>

namespace wb::ui {

namespace {

QString oneLine(const std::string& text)
{
    QString s = QString::fromStdString(text);
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s;
}

} // namespace

QString conditionList(const std::vector<int>& indices)
{
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(indices.size()));
    for (int i : indices)
        parts << QStringLiteral("c%1").arg(i + 1);
    return parts.join(QStringLiteral(", "));
}

ProblemTableModel::ProblemTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ProblemTableModel::setDataset(std::shared_ptr<const wb::dataset::Dataset> dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_candidateCounts.assign(m_dataset ? m_dataset->problems.size() : 0, kUnknownCount);
    endResetModel();
}

const wb::dataset::Problem* ProblemTableModel::problem(int row) const
{
    if (!m_dataset || row < 0 || static_cast<std::size_t>(row) >= m_dataset->problems.size())
        return nullptr;
    return &m_dataset->problems[static_cast<std::size_t>(row)];
}

void ProblemTableModel::setCandidateCounts(int first, const std::vector<int>& counts)
{
    if (first < 0 || counts.empty() || static_cast<std::size_t>(first) + counts.size() > m_candidateCounts.size())
        return;
    std::copy(counts.begin(), counts.end(), m_candidateCounts.begin() + first);
    emit dataChanged(
        index(first, CandidatesColumn), index(first + static_cast<int>(counts.size()) - 1, CandidatesColumn));
}

void ProblemTableModel::clearCandidateCounts()
{
    if (m_candidateCounts.empty())
        return;
    std::fill(m_candidateCounts.begin(), m_candidateCounts.end(), kUnknownCount);
    emit dataChanged(index(0, CandidatesColumn), index(rowCount() - 1, CandidatesColumn));
}

int ProblemTableModel::candidateCount(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_candidateCounts.size())
        return kUnknownCount;
    return m_candidateCounts[static_cast<std::size_t>(row)];
}

void ProblemTableModel::setRunResults(std::vector<RunResults> runs)
{
    // Columns come and go: a reset is simpler for views than inserting and removing column ranges.
    beginResetModel();
    m_runResults = std::move(runs);
    endResetModel();
}

QVariant ProblemTableModel::runResultData(int row, int column, int role) const
{
    const std::size_t run = static_cast<std::size_t>((column - ColumnCount) / 2);
    const bool answerColumn = (column - ColumnCount) % 2 == 1;
    if (run >= m_runResults.size())
        return {};
    const RunResults& results = m_runResults[run];
    const auto r = static_cast<std::size_t>(row);
    if (answerColumn) {
        if (role != Qt::DisplayRole && role != SortRole)
            return {};
        return r < results.answers.size() ? results.answers[r] : QString();
    }
    const std::optional<bool> correct = r < results.correct.size() ? results.correct[r] : std::nullopt;
    switch (role) {
    case Qt::DisplayRole:
        return correct ? (*correct ? QStringLiteral("✓") : QStringLiteral("✗")) : QVariant();
    case SortRole:
        return correct ? (*correct ? 1 : 0) : -1;
    case Qt::TextAlignmentRole:
        return Qt::AlignCenter;
    default:
        return {};
    }
}

int ProblemTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_dataset)
        return 0;
    return static_cast<int>(m_dataset->problems.size());
}

int ProblemTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount + 2 * static_cast<int>(m_runResults.size());
}

QVariant ProblemTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const wb::dataset::Problem* p = problem(index.row());
    if (!p)
        return {};
    if (index.column() >= ColumnCount) {
        if (role == ProblemIndexRole)
            return index.row();
        return runResultData(index.row(), index.column(), role);
    }
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*p, index.row(), index.column());
    case SortRole:
        return sortData(*p, index.row(), index.column());
    case ProblemIndexRole:
        return index.row();
    case Qt::ToolTipRole:
        return toolTipData(*p, index.row(), index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == TextColumn || index.column() == IdColumn)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ProblemTableModel::displayData(const wb::dataset::Problem& p, int row, int column) const
{
    switch (column) {
    case IndexColumn:
        return static_cast<qulonglong>(p.index + 1);
    case IdColumn:
        return QString::fromStdString(p.id);
    case TextColumn:
        return oneLine(p.text);
    case ConditionsColumn:
        return static_cast<int>(p.conditions.size());
    case CandidatesColumn: {
        const int count = candidateCount(row);
        return count == kUnknownCount ? QVariant(QStringLiteral("…")) : QVariant(count);
    }
    case GoldAnswerColumn:
        return QString::fromStdString(p.goldChoice.empty() ? p.goldAnswerText : p.goldChoice);
    case GoldIrrelevantColumn:
        if (!p.goldIrrelevant.empty())
            return conditionList(p.goldIrrelevant);
        return p.hasGoldAnnotation ? QVariant(QStringLiteral("–")) : QVariant();
    default:
        return {};
    }
}

QVariant ProblemTableModel::sortData(const wb::dataset::Problem& p, int row, int column) const
{
    switch (column) {
    case IndexColumn:
        return static_cast<qulonglong>(p.index);
    case IdColumn:
        return QString::fromStdString(p.id);
    case TextColumn:
        return QString::fromStdString(p.text);
    case ConditionsColumn:
        return static_cast<int>(p.conditions.size());
    case CandidatesColumn:
        return candidateCount(row);
    case GoldAnswerColumn:
        if (p.goldNumber)
            return *p.goldNumber;
        return QString::fromStdString(p.goldChoice.empty() ? p.goldAnswerText : p.goldChoice);
    case GoldIrrelevantColumn:
        // Annotated-but-clean problems sort between unannotated and those with irrelevant conditions.
        return p.hasGoldAnnotation ? static_cast<int>(p.goldIrrelevant.size()) : -1;
    default:
        return {};
    }
}

QVariant ProblemTableModel::toolTipData(const wb::dataset::Problem& p, int row, int column) const
{
    switch (column) {
    case TextColumn:
        return QString::fromStdString(p.text);
    case CandidatesColumn:
        if (candidateCount(row) == kUnknownCount)
            return tr("Not computed yet");
        if (!p.referenceCandidates.empty())
            return tr("Paper's candidates: %1").arg(conditionList(p.referenceCandidates));
        return {};
    case GoldIrrelevantColumn:
        return p.hasGoldAnnotation ? tr("Conditions annotated as irrelevant in the dataset")
                                   : tr("This dataset does not annotate irrelevant conditions");
    default:
        return {};
    }
}

QVariant ProblemTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole && section >= ColumnCount) {
        const std::size_t run = static_cast<std::size_t>((section - ColumnCount) / 2);
        if (run >= m_runResults.size())
            return {};
        return (section - ColumnCount) % 2 == 0 ? m_runResults[run].label
                                                : tr("%1 answer").arg(m_runResults[run].label);
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IndexColumn:
            return problemColumnTitle(ProblemColumn::Index);
        case IdColumn:
            return problemColumnTitle(ProblemColumn::Id);
        case TextColumn:
            return problemColumnTitle(ProblemColumn::Text);
        case ConditionsColumn:
            return tr("Conds");
        case CandidatesColumn:
            return tr("Cands");
        case GoldAnswerColumn:
            return problemColumnTitle(ProblemColumn::GoldAnswer);
        case GoldIrrelevantColumn:
            return tr("Gold irr.");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ConditionsColumn:
            return tr("Number of conditions c1..cn");
        case CandidatesColumn:
            return tr("Irrelevant-condition candidates found with the built-in encoder at the current θ");
        case GoldAnswerColumn:
            return tr("Gold answer as stated in the dataset");
        case GoldIrrelevantColumn:
            return tr("Conditions the dataset annotates as irrelevant");
        default:
            return {};
        }
    }
    return {};
}

} // namespace wb::ui
