// SPDX-License-Identifier: Apache-2.0
#include "ui/pages/comparepage.h"

#include "ui/charts/accuracybarchart.h"
#include "ui/charts/chartexport.h"
#include "ui/compare/accuracytablemodel.h"
#include "ui/compare/failingproblems.h"
#include "ui/compare/fliptablemodel.h"
#include "ui/compare/problemlistmodel.h"
#include "ui/compare/runlabels.h"
#include "ui/compare/runlistmodel.h"
#include "ui/compare/sidebysideview.h"
#include "ui/compare/worddiff.h"
#include "ui/export/atomicfile.h"
#include "ui/export/csvexport.h"
#include "ui/export/htmlreport.h"
#include "ui/jobs/asyncjob.h"
#include "ui/platform/filedialog.h"
#include "ui/views/viewsetup.h"

#include <QApplication>
#include <QAction>
#include <QComboBox>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <array>

namespace wb::ui {

namespace {

/// "Answer: 18 ✓" — or why the problem has no answer, which accuracy leaves out.
QString outcomeHtml(const ProblemOutcome& outcome)
{
    using wb::store::ProblemStatus;
    const QString answer = QString::fromStdString(outcome.answer).toHtmlEscaped();
    QString mark;
    if (!outcome.hasResult)
        mark = QObject::tr("<i>(no result)</i>");
    else if (outcome.status == ProblemStatus::Correct)
        mark = QStringLiteral("<span style=\"color:#1b7a1b\">✓</span>");
    else if (outcome.status == ProblemStatus::Wrong)
        mark = QStringLiteral("<span style=\"color:#b01c1c\">✗</span>");
    else
        mark = QStringLiteral("<span style=\"color:#8a6d00\">%1</span>")
                   .arg(outcome.status == ProblemStatus::NoAnswer ? QObject::tr("no answer") : QObject::tr("error"));
    QString html = QObject::tr("<p><b>Answer:</b> %1 %2</p>").arg(answer, mark);
    if (!outcome.reason.empty())
        html += QStringLiteral("<p><small>%1</small></p>").arg(QString::fromStdString(outcome.reason).toHtmlEscaped());
    return html;
}

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
    label->setTextFormat(Qt::RichText);
    return label;
}

QString pValueText(double p)
{
    return p < 1e-4 ? QStringLiteral("p < 0.0001") : QStringLiteral("p = %1").arg(QString::number(p, 'g', 3));
}

} // namespace

ComparePage::ComparePage(QWidget* parent)
    : QWidget(parent)
    , m_runs(new RunListModel(this))
    , m_accuracy(new AccuracyTableModel(this))
    , m_flips(new FlipTableModel(this))
    , m_problems(new ProblemListModel(this))
{
    setObjectName(QStringLiteral("comparePage"));
    // Left: the runs to compare over the pair of the flip table. Right: the charts (most of the width, so they
    // never shrink to a sliver), and below them the problems behind a click beside the two runs' reasoning.
    auto* left = new QSplitter(Qt::Vertical, this);
    left->addWidget(buildRunsPanel());
    left->addWidget(buildFlipPanel());
    left->setStretchFactor(0, 1);
    left->setStretchFactor(1, 1);

    m_sideBySide = new SideBySideView(this);
    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(buildProblemPanel());
    bottom->addWidget(m_sideBySide);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);

    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(buildChartTabs());
    right->addWidget(bottom);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);

    auto* outer = new QSplitter(Qt::Horizontal, this);
    outer->addWidget(left);
    outer->addWidget(right);
    outer->setStretchFactor(0, 0);
    outer->setStretchFactor(1, 1);
    outer->setSizes({ 300, 980 }); // wide enough for "#id method · model · dataset (status)"
    m_splitters = { outer, left, right, bottom, m_sideBySide };
    for (QSplitter* splitter : m_splitters)
        splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(outer);

    connect(m_runs, &RunListModel::checkedRunsChanged, this, &ComparePage::refresh);
    refresh();
}

QWidget* ComparePage::buildRunsPanel()
{
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading(tr("Runs"), panel));
    m_runView = new QListView(panel);
    m_runView->setObjectName(QStringLiteral("compareRunList"));
    m_runView->setModel(m_runs);
    m_runView->setUniformItemSizes(true);
    m_runView->setMinimumHeight(80);
    layout->addWidget(m_runView, 1);
    auto* buttons = new QHBoxLayout();
    auto* reloadButton = new QToolButton(panel);
    reloadButton->setObjectName(QStringLiteral("compareReloadButton"));
    reloadButton->setText(tr("Reload"));
    reloadButton->setToolTip(tr("Read the database again (runs may have been made or finished)"));
    connect(reloadButton, &QToolButton::clicked, this, &ComparePage::reload);
    m_exportButton = new QToolButton(panel);
    m_exportButton->setObjectName(QStringLiteral("compareExportButton"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("Chart as PNG…"), this, &ComparePage::exportChartPng);
    exportMenu->addAction(tr("Chart as SVG…"), this, &ComparePage::exportChartSvg);
    exportMenu->addAction(tr("Accuracy table as CSV…"), this, &ComparePage::exportAccuracyCsv);
    exportMenu->addAction(tr("Problem list as CSV…"), this, &ComparePage::exportProblemsCsv);
    exportMenu->addSeparator();
    exportMenu->addAction(tr("HTML report…"), this, &ComparePage::exportHtmlReport);
    m_exportButton->setMenu(exportMenu);
    buttons->addWidget(reloadButton);
    buttons->addWidget(m_exportButton);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_status = new QLabel(tr("Open a results database to compare its runs."), panel);
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    return panel;
}

QWidget* ComparePage::buildFlipPanel()
{
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading(tr("Run vs run"), panel));
    auto* pair = new QFormLayout();
    m_pairA = new QComboBox(panel);
    m_pairA->setObjectName(QStringLiteral("comparePairA"));
    m_pairB = new QComboBox(panel);
    m_pairB->setObjectName(QStringLiteral("comparePairB"));
    for (QComboBox* combo : { m_pairA, m_pairB }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(14);
        connect(combo, &QComboBox::currentIndexChanged, this, &ComparePage::updatePair);
    }
    pair->addRow(tr("A"), m_pairA);
    pair->addRow(tr("B"), m_pairB);
    layout->addLayout(pair);
    m_flipView = new QTableView(panel);
    m_flipView->setObjectName(QStringLiteral("compareFlipView"));
    m_flipView->setModel(m_flips);
    m_flipView->setSelectionMode(QAbstractItemView::NoSelection); // a selection colour would hide the tints
    m_flipView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_flipView->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_flipView->setMinimumHeight(100);
    connect(m_flipView, &QTableView::clicked, this,
        [this](const QModelIndex& index) { showFlipProblems(FlipTableModel::cellAt(index.row(), index.column())); });
    layout->addWidget(m_flipView, 1);
    m_flipStats = new QLabel(panel);
    m_flipStats->setObjectName(QStringLiteral("compareFlipStats"));
    m_flipStats->setWordWrap(true);
    m_flipStats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_flipStats);
    return panel;
}

QWidget* ComparePage::buildChartTabs()
{
    m_chartTabs = new QTabWidget(this);
    m_chartTabs->setObjectName(QStringLiteral("compareChartTabs"));
    const QString chartNames[ChartCount] = { tr("By dataset"), tr("By candidates"), tr("By gold-irrelevant") };
    for (int i = 0; i < ChartCount; ++i) {
        m_charts[i] = new AccuracyBarChart(m_chartTabs);
        m_charts[i]->setObjectName(QStringLiteral("compareChart%1").arg(i));
        m_chartTabs->addTab(m_charts[i], chartNames[i]);
        const auto which = static_cast<Chart>(i);
        connect(m_charts[i], &AccuracyBarChart::barClicked, this,
            [this, which](int set, int category) { showBarProblems(which, set, category); });
    }
    m_accuracyView = new QTableView(m_chartTabs);
    m_accuracyView->setObjectName(QStringLiteral("compareAccuracyView"));
    m_accuracyView->setModel(m_accuracy);
    setupTableView(m_accuracyView);
    m_accuracyView->setSortingEnabled(false);
    m_accuracyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_chartTabs->addTab(m_accuracyView, tr("Table"));
    return m_chartTabs;
}

QWidget* ComparePage::buildProblemPanel()
{
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout();
    m_problemsTitle = heading(tr("Click a bar or a flip cell to list its problems"), panel);
    m_problemsTitle->setObjectName(QStringLiteral("compareProblemsTitle"));
    m_problemsTitle->setWordWrap(true);
    header->addWidget(m_problemsTitle, 1);
    m_previousFailing = new QAction(tr("◀ Failing"), this);
    m_previousFailing->setObjectName(QStringLiteral("comparePreviousFailingAction"));
    m_previousFailing->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    m_previousFailing->setToolTip(
        tr("Previous problem that is wrong, unanswered or an error in either run (Shift+F8)"));
    m_nextFailing = new QAction(tr("Failing ▶"), this);
    m_nextFailing->setObjectName(QStringLiteral("compareNextFailingAction"));
    m_nextFailing->setShortcut(QKeySequence(Qt::Key_F8));
    m_nextFailing->setToolTip(tr("Next problem that is wrong, unanswered or an error in either run (F8)"));
    for (QAction* action : { m_previousFailing, m_nextFailing }) {
        // Active while the page has focus, whether it is a mode of the window or a window of its own.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        auto* button = new QToolButton(panel);
        button->setDefaultAction(action);
        header->addWidget(button);
    }
    connect(m_nextFailing, &QAction::triggered, this, &ComparePage::selectNextFailing);
    connect(m_previousFailing, &QAction::triggered, this, &ComparePage::selectPreviousFailing);
    layout->addLayout(header);
    m_problemView = new QTableView(panel);
    m_problemView->setObjectName(QStringLiteral("compareProblemView"));
    m_problemView->setModel(m_problems);
    setupTableView(m_problemView);
    m_problemView->setSortingEnabled(false);
    m_problemView->setMinimumWidth(200);
    m_problemView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_problemView->horizontalHeader()->setSectionResizeMode(ProblemListModel::TextColumn, QHeaderView::Stretch);
    connect(m_problemView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ComparePage::onProblemSelected);
    layout->addWidget(m_problemView, 1);
    return panel;
}

ComparePage::~ComparePage() = default;

void ComparePage::setDatabase(const QString& path)
{
    m_path = path;
    reload();
}

void ComparePage::reload()
{
    if (m_path.isEmpty())
        return;
    const quint64 generation = m_loadGeneration.next();
    m_status->setText(tr("Reading %1…").arg(QFileInfo(m_path).fileName()));
    const std::string file = m_path.toStdString();
    runAsync<wb::Result<ComparisonData>>(
        this, [file]() -> wb::Result<ComparisonData> { return loadComparison(file); },
        [this, generation](wb::Result<ComparisonData>&& result) {
            if (!m_loadGeneration.isCurrent(generation))
                return;
            if (!result) {
                const QString message = QString::fromStdString(result.error().toString());
                m_status->setText(tr("Could not read the runs: %1").arg(message));
                emit loadFailed(message);
                return;
            }
            const bool sameDatabase = m_data && m_data->path == result.value().path;
            m_data = std::make_shared<const ComparisonData>(std::move(result.value()));
            m_problems->clear();
            // emits checkedRunsChanged → refresh(); a reload keeps what the user checked
            if (sameDatabase)
                m_runs->updateComparison(m_data);
            else
                m_runs->setComparison(m_data);
            m_status->setText(
                tr("%1: %Ln run(s)", nullptr, static_cast<int>(m_data->runs.size())).arg(QFileInfo(m_path).fileName()));
            emit comparisonLoaded();
        });
}

void ComparePage::refresh()
{
    const std::vector<wb::store::RowId> runs = m_runs->checkedRuns();
    m_accuracy->setRuns(m_data, runs);
    m_accuracyView->setColumnHidden(AccuracyTableModel::GroupColumn, !m_accuracy->grouped());
    if (m_data) {
        m_charts[DatasetChart]->setChartData(accuracyByDataset(*m_data, runs));
        m_charts[CandidatesChart]->setChartData(accuracyByCandidates(*m_data, runs));
        m_charts[GoldIrrelevantChart]->setChartData(accuracyByGoldIrrelevant(*m_data, runs));
    } else {
        for (AccuracyBarChart* chart : m_charts)
            chart->setChartData({});
    }
    updatePairChoices();
    emit checkedRunsChanged();
}

void ComparePage::updatePairChoices()
{
    const wb::store::RowId oldA = m_pairA->currentData().toLongLong();
    const wb::store::RowId oldB = m_pairB->currentData().toLongLong();
    const QSignalBlocker blockA(m_pairA);
    const QSignalBlocker blockB(m_pairB);
    m_pairA->clear();
    m_pairB->clear();
    if (m_data) {
        const std::vector<wb::store::RowId> checked = m_runs->checkedRuns();
        for (const wb::store::RowId id : checked) {
            const QString label = distinctRunLabel(*m_data, id, checked);
            m_pairA->addItem(label, static_cast<qlonglong>(id));
            m_pairB->addItem(label, static_cast<qlonglong>(id));
        }
    }
    int a = m_pairA->findData(static_cast<qlonglong>(oldA));
    int b = m_pairB->findData(static_cast<qlonglong>(oldB));
    if (a < 0 || b < 0 || a == b) {
        // Default: the two newest checked runs over the same dataset, older one as A (the baseline).
        a = -1;
        b = -1;
        for (int i = 0; i < m_pairA->count() && a < 0; ++i) {
            for (int j = i + 1; j < m_pairA->count(); ++j) {
                const RunOutcome* ri = m_data->run(m_pairA->itemData(i).toLongLong());
                const RunOutcome* rj = m_data->run(m_pairA->itemData(j).toLongLong());
                if (ri->record.datasetId == rj->record.datasetId) {
                    a = j;
                    b = i;
                    break;
                }
            }
        }
    }
    m_pairA->setCurrentIndex(a);
    m_pairB->setCurrentIndex(b);
    updatePair();
}

void ComparePage::setPair(wb::store::RowId a, wb::store::RowId b)
{
    const QSignalBlocker block(m_pairA);
    m_pairA->setCurrentIndex(m_pairA->findData(static_cast<qlonglong>(a)));
    m_pairB->setCurrentIndex(m_pairB->findData(static_cast<qlonglong>(b)));
    updatePair();
}

void ComparePage::updatePair()
{
    const RunOutcome* a = m_data ? m_data->run(m_pairA->currentData().toLongLong()) : nullptr;
    const RunOutcome* b = m_data ? m_data->run(m_pairB->currentData().toLongLong()) : nullptr;
    if (!a || !b || a == b) {
        m_flips->setComparison(std::nullopt);
        m_flipStats->setText(tr("Check two runs over the same dataset to compare them problem by problem."));
        return;
    }
    auto pair = wb::run::comparePaired(a->scored, b->scored);
    if (!pair) {
        m_flips->setComparison(std::nullopt);
        m_flipStats->setText(tr("No paired comparison of runs #%1 and #%2: %3")
                                 .arg(a->record.id)
                                 .arg(b->record.id)
                                 .arg(QString::fromStdString(pair.error().message)));
        return;
    }
    m_flips->setComparison(*pair, QStringLiteral("A #%1").arg(a->record.id), QStringLiteral("B #%1").arg(b->record.id));
    m_flipStats->setText(
        tr("Exact McNemar %1 (%2 vs %3 flips)<br>B − A = <b>%4</b> points, paired bootstrap 95% CI [%5, %6]")
            .arg(pValueText(pair->mcnemarP))
            .arg(pair->flips.rightToWrong)
            .arg(pair->flips.wrongToRight)
            .arg(pair->difference * 100.0, 0, 'f', 1)
            .arg(pair->differenceCi.low * 100.0, 0, 'f', 1)
            .arg(pair->differenceCi.high * 100.0, 0, 'f', 1));
}

void ComparePage::showBarProblems(Chart which, int set, int category)
{
    const BarChartData& data = m_charts[which]->chartData();
    if (set < 0 || static_cast<std::size_t>(set) >= data.sets.size())
        return;
    const BarChartData::Set& bars = data.sets[static_cast<std::size_t>(set)];
    if (category < 0 || static_cast<std::size_t>(category) >= bars.runs.size()
        || bars.runs[static_cast<std::size_t>(category)] == 0)
        return;
    const wb::store::RowId run = bars.runs[static_cast<std::size_t>(category)];
    m_problems->setProblems(m_data, run, 0, bars.problems[static_cast<std::size_t>(category)]);
    m_problemView->setColumnHidden(ProblemListModel::AnswerBColumn, true);
    m_problemView->setColumnHidden(ProblemListModel::CorrectBColumn, true);
    m_problemsTitle->setText(tr("<b>%1 · %2</b>: %Ln problem(s) of run #%3", nullptr, m_problems->rowCount())
                                 .arg(bars.label.toHtmlEscaped(), data.categories.value(category).toHtmlEscaped())
                                 .arg(run));
    selectFirstProblem();
}

void ComparePage::showFlipProblems(wb::run::PairedComparison::Cell cell)
{
    const auto& pair = m_flips->comparison();
    if (!pair)
        return;
    m_problems->setProblems(m_data, pair->runA, pair->runB, pair->cells[cell]);
    m_problemView->setColumnHidden(ProblemListModel::AnswerBColumn, false);
    m_problemView->setColumnHidden(ProblemListModel::CorrectBColumn, false);
    static const char* const names[] = { QT_TR_NOOP("both right"), QT_TR_NOOP("right → wrong"),
        QT_TR_NOOP("wrong → right"), QT_TR_NOOP("both wrong") };
    m_problemsTitle->setText(tr("<b>#%1 vs #%2, %3</b>: %Ln problem(s)", nullptr, m_problems->rowCount())
                                 .arg(pair->runA)
                                 .arg(pair->runB)
                                 .arg(tr(names[cell])));
    selectFirstProblem();
}

void ComparePage::selectFirstProblem()
{
    // The click names a problem at once: the first of the list, shown here and in the rest of the window.
    if (m_problems->rowCount() > 0)
        m_problemView->setCurrentIndex(m_problems->index(0, ProblemListModel::TextColumn));
}

void ComparePage::selectNextFailing() { stepFailing(1); }

void ComparePage::selectPreviousFailing() { stepFailing(-1); }

void ComparePage::stepFailing(int step)
{
    if (!m_data)
        return;
    const std::array<wb::store::RowId, 2> runs = comparedRuns();
    const int row = nextFailingRow(
        *m_data, m_problems->problems(), m_problemView->currentIndex().row(), step, { runs[0], runs[1] });
    if (row < 0) {
        m_status->setText(tr("No problem of the list fails in the compared runs."));
        return;
    }
    m_problemView->setCurrentIndex(m_problems->index(row, ProblemListModel::TextColumn));
    m_problemView->scrollTo(m_problemView->currentIndex());
}

std::array<wb::store::RowId, 2> ComparePage::comparedRuns() const
{
    std::array<wb::store::RowId, 2> runs = { m_problems->runA(), m_problems->runB() };
    if (runs[0] == 0 || runs[1] != 0 || !m_data)
        return runs;
    if (const auto& pair = m_flips->comparison()) {
        const wb::store::RowId other = pair->runA == runs[0] ? pair->runB : pair->runA;
        const RunOutcome* first = m_data->run(runs[0]);
        const RunOutcome* second = m_data->run(other);
        if (other != runs[0] && first && second && second->record.datasetId == first->record.datasetId)
            runs[1] = other;
    }
    return runs;
}

void ComparePage::onProblemSelected()
{
    const QModelIndex current = m_problemView->currentIndex();
    if (!current.isValid() || !m_data)
        return;
    const std::int64_t problem = m_problems->problemIndex(current.row());
    const std::array<wb::store::RowId, 2> runs = comparedRuns();
    emitProblemActivated(problem, runs);
    showReasoningOf(problem, runs);
}

void ComparePage::emitProblemActivated(std::int64_t problem, const std::array<wb::store::RowId, 2>& runs)
{
    const RunOutcome* first = m_data->run(runs[0]);
    if (!first)
        return;
    const wb::dataset::Problem* shown = m_data->problem(first->record.datasetId, problem);
    QList<qint64> ids;
    for (const wb::store::RowId id : runs) {
        if (id != 0)
            ids << id;
    }
    emit problemActivated(QString::fromStdString(first->datasetHash), problem,
        shown ? QString::fromStdString(shown->id) : QString(), ids);
}

void ComparePage::showReasoningOf(std::int64_t problem, const std::array<wb::store::RowId, 2>& runs)
{
    const quint64 generation = m_reasoningGeneration.next();
    const std::string path = m_data->path;
    using Paths = std::array<wb::Result<ReasoningPath>, 2>;
    runAsync<std::shared_ptr<Paths>>(
        this,
        [path, runs, problem]() -> std::shared_ptr<Paths> {
            const auto load = [&](wb::store::RowId run) -> wb::Result<ReasoningPath> {
                if (run == 0)
                    return ReasoningPath {};
                return loadReasoning(path, run, problem);
            };
            return std::make_shared<Paths>(Paths { load(runs[0]), load(runs[1]) });
        },
        [this, generation, runs, problem](std::shared_ptr<Paths>&& paths) {
            if (!m_reasoningGeneration.isCurrent(generation) || !m_data)
                return;
            QString texts[2];
            for (int side = 0; side < 2; ++side) {
                const wb::Result<ReasoningPath>& p = (*paths)[static_cast<std::size_t>(side)];
                texts[side] = p ? QString::fromStdString(p->reasoning) : QString();
            }
            const std::vector<DiffWord> diff = wordDiff(diffWords(texts[0]), diffWords(texts[1]));
            for (int side = 0; side < 2; ++side) {
                const RunOutcome* run = runs[side] ? m_data->run(runs[side]) : nullptr;
                if (!run) {
                    m_sideBySide->showSide(
                        side, tr("Run B"), tr("<i>Choose a second run in the flip table to compare.</i>"));
                    continue;
                }
                const wb::Result<ReasoningPath>& p = (*paths)[static_cast<std::size_t>(side)];
                const auto outcome = run->problems.find(problem);
                QString html;
                if (outcome != run->problems.end())
                    html += outcomeHtml(outcome->second);
                if (p && !p->statusReason.empty())
                    html += QStringLiteral("<p style=\"color:#8a6d00\"><b>%1</b>: %2</p>")
                                .arg(QString::fromStdString(p->status).toHtmlEscaped(),
                                    QString::fromStdString(p->statusReason).toHtmlEscaped());
                if (!p)
                    html += tr("<p><i>Could not read the calls: %1</i></p>")
                                .arg(QString::fromStdString(p.error().toString()).toHtmlEscaped());
                else if (p->reasoning.empty() && p->thinking.empty())
                    html += tr("<p><i>No stored response for this problem.</i></p>");
                else
                    html += QStringLiteral("<p><small>%1</small><br>%2</p>")
                                .arg(tr("step %1").arg(QString::fromStdString(p->step).toHtmlEscaped()),
                                    diffSideHtml(diff, side == 0 ? DiffWord::Side::Left : DiffWord::Side::Right));
                m_sideBySide->showSide(side, distinctRunLabel(*m_data, runs[side], m_runs->checkedRuns()), html,
                    p ? QString::fromStdString(p->thinking) : QString());
            }
            emit reasoningShown();
        });
}

QTextBrowser* ComparePage::reasoningView(int side) const { return m_sideBySide->view(side); }

QByteArray ComparePage::saveLayout() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << static_cast<qint32>(m_splitters.size());
    for (const QSplitter* splitter : m_splitters)
        out << splitter->saveState();
    return state;
}

bool ComparePage::restoreLayout(const QByteArray& state)
{
    QDataStream in(state);
    qint32 count = 0;
    in >> count;
    if (in.status() != QDataStream::Ok || count != static_cast<qint32>(m_splitters.size()))
        return false; // nothing stored yet, or the layout of another version
    bool restored = true;
    for (QSplitter* splitter : m_splitters) {
        QByteArray one;
        in >> one;
        restored = splitter->restoreState(one) && restored;
    }
    return restored;
}

AccuracyBarChart* ComparePage::currentChart() const
{
    auto* chart = qobject_cast<AccuracyBarChart*>(m_chartTabs->currentWidget());
    return chart ? chart : m_charts[DatasetChart];
}

QString ComparePage::askSaveName(const QString& caption, const QString& suggested, const QString& filter)
{
    const QString directory = m_path.isEmpty() ? QDir::homePath() : QFileInfo(m_path).absolutePath();
    return FileDialog::instance().getSaveFileName(this, caption, QDir(directory).filePath(suggested), filter);
}

void ComparePage::reportExport(bool ok, const QString& path, const QString& error)
{
    m_status->setText(ok ? tr("Saved %1").arg(QFileInfo(path).fileName()) : error);
}

bool ComparePage::exportChartPng()
{
    const QString path = askSaveName(tr("Export Chart as PNG"), QStringLiteral("chart.png"), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return false;
    QString error;
    // Twice the on-screen size: crisp in documents.
    AccuracyBarChart* chart = currentChart();
    const bool ok
        = saveChartPng(*chart, path, &error, QSize(std::max(chart->width(), 900), std::max(chart->height(), 500)));
    reportExport(ok, path, error);
    return ok;
}

bool ComparePage::exportChartSvg()
{
    const QString path = askSaveName(tr("Export Chart as SVG"), QStringLiteral("chart.svg"), tr("SVG images (*.svg)"));
    if (path.isEmpty())
        return false;
    QString error;
    const bool ok = saveChartSvg(*currentChart(), path, &error, QSize(900, 500));
    reportExport(ok, path, error);
    return ok;
}

bool ComparePage::exportAccuracyCsv()
{
    const QString path
        = askSaveName(tr("Export Accuracy Table"), QStringLiteral("accuracy.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    QString error;
    const bool ok = writeModelCsv(*m_accuracy, path, &error);
    reportExport(ok, path, error);
    return ok;
}

bool ComparePage::exportProblemsCsv()
{
    const QString path
        = askSaveName(tr("Export Problem List"), QStringLiteral("problems.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    QString error;
    const bool ok = writeModelCsv(*m_problems, path, &error);
    reportExport(ok, path, error);
    return ok;
}

QString ComparePage::reportHtml()
{
    ComparisonReport report;
    report.databasePath = m_path;
    report.programVersion = QApplication::applicationVersion();
    report.generatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    for (AccuracyBarChart* chart : m_charts) {
        if (!chart->chartData().sets.empty())
            report.chartSvgs.push_back(renderChartSvg(*chart, QSize(900, 460)));
    }
    for (int row = 0; row < m_accuracy->rowCount(); ++row)
        report.runs.push_back(&m_accuracy->run(row));
    if (const auto& pair = m_flips->comparison()) {
        report.pair = *pair;
        report.labelA = QStringLiteral("A #%1").arg(pair->runA);
        report.labelB = QStringLiteral("B #%1").arg(pair->runB);
    }
    return comparisonReportHtml(report);
}

bool ComparePage::exportHtmlReport()
{
    const QString path
        = askSaveName(tr("Export Comparison Report"), QStringLiteral("comparison.html"), tr("HTML files (*.html)"));
    if (path.isEmpty())
        return false;
    QString error;
    const bool ok = writeFileAtomically(path, reportHtml().toUtf8(), &error);
    reportExport(ok, path, error);
    return ok;
}

} // namespace wb::ui
