// SPDX-License-Identifier: Apache-2.0
#include "ui/models/conditiontablemodel.h"

#include <algorithm>
#include <cmath>

namespace wb::ui {

namespace {

bool containsIndex(const std::vector<int>& indices, int i)
{
    return std::find(indices.begin(), indices.end(), i) != indices.end();
}

std::optional<double> at(const std::vector<double>& values, int i)
{
    if (i < 0 || static_cast<std::size_t>(i) >= values.size())
        return std::nullopt;
    return values[static_cast<std::size_t>(i)];
}

} // namespace

ConditionTableModel::ConditionTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ConditionTableModel::setProblem(const wb::dataset::Problem& problem)
{
    beginResetModel();
    m_problem = problem;
    m_report.reset();
    endResetModel();
}

void ConditionTableModel::clear() { setProblem({}); }

void ConditionTableModel::setReport(const std::optional<wb::relevance::RelevanceReport>& report)
{
    m_report = report;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool ConditionTableModel::isCandidate(int condition) const
{
    return m_report && containsIndex(m_report->candidates, condition);
}

bool ConditionTableModel::isGoldIrrelevant(int condition) const
{
    return containsIndex(m_problem.goldIrrelevant, condition);
}

bool ConditionTableModel::isReferenceCandidate(int condition) const
{
    return containsIndex(m_problem.referenceCandidates, condition);
}

int ConditionTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_problem.conditions.size());
}

int ConditionTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

std::optional<double> ConditionTableModel::score(int row, int column) const
{
    switch (column) {
    case SqColumn:
        return m_report ? at(m_report->sq, row) : std::nullopt;
    case ScColumn:
        return m_report ? at(m_report->sc, row) : std::nullopt;
    case ReferenceSqColumn:
        return at(m_problem.referenceSq, row);
    default:
        return std::nullopt;
    }
}

std::optional<bool> ConditionTableModel::mark(int row, int column) const
{
    switch (column) {
    case CandidateColumn:
        return m_report ? std::optional<bool>(isCandidate(row)) : std::nullopt;
    case ReferenceCandidateColumn:
        return m_problem.referenceCandidates.empty() && m_problem.referenceSq.empty()
            ? std::nullopt
            : std::optional<bool>(isReferenceCandidate(row));
    case GoldColumn:
        return m_problem.hasGoldAnnotation ? std::optional<bool>(isGoldIrrelevant(row)) : std::nullopt;
    default:
        return std::nullopt;
    }
}

QVariant ConditionTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const std::string& text = m_problem.conditions[static_cast<std::size_t>(row)];

    if (column == LabelColumn) {
        if (role == Qt::DisplayRole)
            return QStringLiteral("c%1").arg(row + 1);
        if (role == SortRole)
            return row;
        return {};
    }
    if (column == TextColumn) {
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole)
            return QString::fromStdString(text);
        return {};
    }
    if (const std::optional<double> value = score(row, column)) {
        switch (role) {
        case Qt::DisplayRole:
            return std::isnan(*value) ? QStringLiteral("–") : QString::number(*value, 'f', 3);
        case SortRole:
        case HeatValueRole:
            return *value;
        case Qt::TextAlignmentRole:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::ToolTipRole:
            return std::isnan(*value) ? tr("Undefined: a single condition has no other conditions to compare with")
                                      : QString::number(*value, 'f', 6);
        default:
            return {};
        }
    }
    if (const std::optional<bool> flag = mark(row, column)) {
        switch (role) {
        case Qt::DisplayRole:
            return *flag ? QStringLiteral("✔") : QString();
        case SortRole:
            return *flag;
        case Qt::TextAlignmentRole:
            return Qt::AlignCenter;
        default:
            return {};
        }
    }
    return {};
}

QVariant ConditionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case LabelColumn:
            return tr("#");
        case SqColumn:
            return tr("s(q)");
        case ScColumn:
            return tr("s(c)");
        case ReferenceSqColumn:
            return tr("paper s(q)");
        case CandidateColumn:
            return tr("Cand");
        case ReferenceCandidateColumn:
            return tr("Paper cand");
        case GoldColumn:
            return tr("Gold irr.");
        case TextColumn:
            return tr("Condition");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SqColumn:
            return tr("Cosine similarity between the condition and the question");
        case ScColumn:
            return tr("Mean cosine similarity between the condition and the other conditions");
        case ReferenceSqColumn:
            return tr("s(q) shipped with the I3C preprocessed data (SimCSE), for comparison");
        case CandidateColumn:
            return tr("Irrelevant-condition candidate: has a digit and s(q) < θ or s(c) < θ");
        case ReferenceCandidateColumn:
            return tr("Candidate in the I3C preprocessed data");
        case GoldColumn:
            return tr("Annotated as irrelevant in the dataset");
        default:
            return {};
        }
    }
    return {};
}

} // namespace wb::ui
