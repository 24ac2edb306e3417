// SPDX-License-Identifier: Apache-2.0
#include "ui/models/problemfilterproxy.h"

#include "ui/models/problemtablemodel.h"

namespace wb::ui {

ProblemFilterProxy::ProblemFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ProblemTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // Counts arrive in batches while the background job runs; re-filtering on each batch keeps
    // "has candidates" truthful without a manual refresh.
    setDynamicSortFilter(true);
}

void ProblemFilterProxy::setSourceModel(QAbstractItemModel* model)
{
    m_problems = qobject_cast<ProblemTableModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ProblemFilterProxy::setSearchText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    refilter();
}

void ProblemFilterProxy::setOnlyGoldIrrelevant(bool only)
{
    if (only == m_onlyGoldIrrelevant)
        return;
    m_onlyGoldIrrelevant = only;
    refilter();
}

void ProblemFilterProxy::setOnlyWithCandidates(bool only)
{
    if (only == m_onlyWithCandidates)
        return;
    m_onlyWithCandidates = only;
    refilter();
}

void ProblemFilterProxy::refilter()
{
    // invalidateRowsFilter() exists only from Qt 6.5 on; this also re-sorts, which is cheap next to filtering.
    invalidateFilter();
}

bool ProblemFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid() || !m_problems)
        return false;
    const wb::dataset::Problem* p = m_problems->problem(sourceRow);
    if (!p)
        return false;
    if (m_onlyGoldIrrelevant && p->goldIrrelevant.empty())
        return false;
    if (m_onlyWithCandidates && m_problems->candidateCount(sourceRow) <= 0)
        return false;
    if (m_searchText.isEmpty())
        return true;
    const auto matches = [this](const std::string& s) -> bool {
        return QString::fromStdString(s).contains(m_searchText, Qt::CaseInsensitive);
    };
    return matches(p->id) || matches(p->text);
}

bool ProblemFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    // Text columns compare the core strings directly: converting to QString on every comparison made sorting
    // tens of thousands of rows noticeably slow.
    if (m_problems && left.column() == ProblemTableModel::TextColumn) {
        const wb::dataset::Problem* a = m_problems->problem(left.row());
        const wb::dataset::Problem* b = m_problems->problem(right.row());
        if (a && b)
            return a->text < b->text;
    }
    if (m_problems && left.column() == ProblemTableModel::IdColumn) {
        const wb::dataset::Problem* a = m_problems->problem(left.row());
        const wb::dataset::Problem* b = m_problems->problem(right.row());
        if (a && b) {
            // Numeric ids ("17" < "120") sort by value, others lexically.
            bool okA = false;
            bool okB = false;
            const qlonglong na = QByteArray::fromStdString(a->id).toLongLong(&okA);
            const qlonglong nb = QByteArray::fromStdString(b->id).toLongLong(&okB);
            if (okA && okB)
                return na < nb;
            return a->id < b->id;
        }
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace wb::ui
