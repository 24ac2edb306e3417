// SPDX-License-Identifier: Apache-2.0
#include "ui/pages/datasetspage.h"

#include "ui/models/problemfilterproxy.h"
#include "ui/models/problemtablemodel.h"
#include "ui/settings/settings.h"
#include "ui/views/viewsetup.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace wb::ui {

namespace {
// Typing in a 58,000-row table should not refilter on every keystroke.
constexpr int kSearchDelayMs = 200;
}

DatasetsPage::DatasetsPage(Settings& settings, QWidget* parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_model(new ProblemTableModel(this))
    , m_proxy(new ProblemFilterProxy(this))
    , m_view(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_onlyGold(new QCheckBox(tr("Gold irrelevant"), this))
    , m_onlyCandidates(new QCheckBox(tr("Has candidates"), this))
    , m_shownLabel(new QLabel(this))
    , m_searchDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("datasetsPage"));
    m_view->setObjectName(QStringLiteral("problemTable"));
    m_search->setObjectName(QStringLiteral("problemSearch"));
    m_onlyGold->setObjectName(QStringLiteral("onlyGoldIrrelevant"));
    m_onlyCandidates->setObjectName(QStringLiteral("onlyWithCandidates"));

    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    setupTableView(m_view);
    m_view->sortByColumn(ProblemTableModel::IndexColumn, Qt::AscendingOrder);
    applyDefaultColumnWidths();

    m_search->setPlaceholderText(
        tr("Search id or text… (%1)").arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon::fromTheme(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);
    m_search->setToolTip(tr("Show only problems whose id or text contains this (case-insensitive)"));
    m_onlyGold->setToolTip(tr("Show only problems with conditions annotated as irrelevant in the dataset"));
    m_onlyCandidates->setToolTip(tr("Show only problems with at least one irrelevant-condition candidate"));
    m_shownLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WindowShortcut);
    connect(find, &QAction::triggered, this, [this]() {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);
    // Enter in the search box hands the keyboard back to the table, where ↑/↓ walk through the problems.
    connect(m_search, &QLineEdit::returnPressed, m_view, qOverload<>(&QWidget::setFocus));

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this]() { m_proxy->setSearchText(m_search->text()); });
    connect(m_onlyGold, &QCheckBox::toggled, m_proxy, &ProblemFilterProxy::setOnlyGoldIrrelevant);
    connect(m_onlyCandidates, &QCheckBox::toggled, m_proxy, &ProblemFilterProxy::setOnlyWithCandidates);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &DatasetsPage::updateShownCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &DatasetsPage::updateShownCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &DatasetsPage::updateShownCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &DatasetsPage::updateShownCount);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DatasetsPage::onCurrentChanged);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_onlyGold);
    filters->addWidget(m_onlyCandidates);
    filters->addWidget(m_shownLabel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    updateShownCount();
}

DatasetsPage::~DatasetsPage() = default;

void DatasetsPage::setDataset(std::shared_ptr<const wb::dataset::Dataset> dataset)
{
    // A model reset clears the header's section sizes: carry the layout over (from the settings the first time).
    QHeaderView* header = m_view->horizontalHeader();
    const QByteArray state = m_layoutKnown ? header->saveState() : m_settings.bytes(Settings::Key::ProblemTableHeader);
    m_model->setDataset(std::move(dataset));
    if (state.isEmpty() || !header->restoreState(state))
        applyDefaultColumnWidths();
    m_layoutKnown = true;
    if (m_proxy->rowCount() > 0) {
        m_view->setCurrentIndex(m_proxy->index(0, ProblemTableModel::TextColumn));
        m_view->setFocus(Qt::OtherFocusReason);
    } else {
        emit currentProblemChanged(-1);
    }
}

int DatasetsPage::currentProblemRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

void DatasetsPage::selectProblemRow(int sourceRow)
{
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(sourceRow, ProblemTableModel::TextColumn));
    if (!proxyIndex.isValid())
        return;
    m_view->setCurrentIndex(proxyIndex);
    m_view->scrollTo(proxyIndex);
}

void DatasetsPage::saveState()
{
    saveHeader(m_view->horizontalHeader(), m_settings, Settings::Key::ProblemTableHeader);
}

void DatasetsPage::applyDefaultColumnWidths()
{
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics fm = m_view->fontMetrics();
    const auto chars = [&fm](int n) -> int { return fm.horizontalAdvance(QLatin1Char('0')) * n + 16; };
    header->resizeSection(ProblemTableModel::IndexColumn, chars(5));
    header->resizeSection(ProblemTableModel::IdColumn, chars(7));
    header->resizeSection(ProblemTableModel::ConditionsColumn, chars(4));
    header->resizeSection(ProblemTableModel::CandidatesColumn, chars(4));
    header->resizeSection(ProblemTableModel::GoldAnswerColumn, chars(6));
    header->resizeSection(ProblemTableModel::GoldIrrelevantColumn, chars(7));
    // The problem text takes whatever room the short columns leave.
    header->setSectionResizeMode(ProblemTableModel::TextColumn, QHeaderView::Stretch);
}

void DatasetsPage::updateShownCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_shownLabel->setText(
        shown == total ? tr("%Ln problem(s)", nullptr, total) : tr("%1 of %Ln shown", nullptr, total).arg(shown));
}

void DatasetsPage::onCurrentChanged() { emit currentProblemChanged(currentProblemRow()); }

} // namespace wb::ui
