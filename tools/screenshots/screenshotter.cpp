// SPDX-License-Identifier: Apache-2.0
#include "tools/screenshots/screenshotter.h"

#include "ui/export/pngfile.h"
#include "tools/screenshots/pageshots.h"
#include "ui/mainwindow.h"
#include "ui/models/diagnosticsmodel.h"
#include "ui/pages/datasetspage.h"
#include "ui/pages/inspectorpage.h"
#include "ui/pages/runspage.h"
#include "ui/platform/datapaths.h"
#include "ui/prompteditor/runcallsview.h"

#include <QComboBox>
#include <QDir>
#include <QSplitter>
#include <QTabWidget>
#include <QFileInfo>
#include <QTextStream>
#include <QTreeWidget>

#include <cstdio>

namespace wb::screenshots {

namespace {
constexpr int kWatchdogMs = 120000;
// Give the event loop a moment to lay out and paint before grabbing.
constexpr int kSettleMs = 400;

/// The first problem that shows the most: gold-irrelevant conditions and at least three conditions.
int interestingRow(const wb::dataset::Dataset& dataset)
{
    int fallback = -1;
    for (std::size_t i = 0; i < dataset.problems.size(); ++i) {
        const wb::dataset::Problem& p = dataset.problems[i];
        if (p.conditions.size() >= 3 && p.conditions.size() <= 7) {
            if (!p.goldIrrelevant.empty())
                return static_cast<int>(i);
            if (fallback < 0)
                fallback = static_cast<int>(i);
        }
    }
    return std::max(fallback, 0);
}

bool isDatabase(const QString& file)
{
    const QString suffix = QFileInfo(file).suffix().toLower();
    return suffix == QLatin1String("sqlite") || suffix == QLatin1String("db");
}
}

Screenshotter::Screenshotter(
    ui::MainWindow& window, const QString& directory, const QStringList& files, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(directory)
    , m_files(files)
{
    if (m_files.isEmpty())
        m_files << ui::findDemoDataset();
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(kWatchdogMs);
    connect(&m_watchdog, &QTimer::timeout, this, [this]() { fail(QStringLiteral("timed out")); });
    connect(&m_window, &ui::MainWindow::datasetLoaded, this, &Screenshotter::onLoaded);
    connect(&m_window, &ui::MainWindow::datasetFailed, this, [this](const QString& message) { fail(message); });
    connect(m_window.inspectorPage(), &ui::InspectorPage::reportUpdated, this, &Screenshotter::onReport);
}

void Screenshotter::start() { QTimer::singleShot(0, this, &Screenshotter::next); }

void Screenshotter::next()
{
    ++m_current;
    if (m_current >= m_files.size()) {
        m_watchdog.stop();
        emit done(m_failures);
        return;
    }
    m_watchdog.start();
    if (isDatabase(m_files.at(m_current))) {
        // A results database: its newest dataset in the dataset views, its runs on the Runs page.
        m_window.showRunsPage();
        m_window.openDatabase(m_files.at(m_current));
        return;
    }
    m_window.openDataset(m_files.at(m_current));
}

void Screenshotter::onLoaded()
{
    if (m_current < 0 || m_current >= m_files.size())
        return;
    m_waitingForReport = true;
    const int row = interestingRow(*m_window.dataset());
    if (m_window.datasetsPage()->currentProblemRow() == row && !m_window.inspectorPage()->isComputing()) {
        onReport();
        return;
    }
    m_window.datasetsPage()->selectProblemRow(row);
}

void Screenshotter::onReport()
{
    if (!m_waitingForReport || m_window.inspectorPage()->isComputing())
        return;
    m_waitingForReport = false;
    QTimer::singleShot(kSettleMs, this, &Screenshotter::shoot);
}

void Screenshotter::shoot()
{
    if (m_window.runsPage()->isRefreshing()) {
        QTimer::singleShot(kSettleMs, this, &Screenshotter::shoot);
        return;
    }
    const QString prefix = QFileInfo(m_files.at(m_current)).completeBaseName().toLower() + QLatin1Char('-');
    m_window.showIssues(m_window.diagnosticsModel()->rowCount() > 0);
    const QStringList written = savePageShots(m_window, m_directory, prefix);
    QTextStream out(stdout);
    for (const QString& file : written)
        out << file << '\n';
    if (written.isEmpty())
        ++m_failures;
    if (isDatabase(m_files.at(m_current))) {
        shootRunCalls();
        return;
    }
    next();
}

void Screenshotter::shootRunCalls()
{
    ui::RunCallsView* calls = m_window.inspectorPage()->runCallsView();
    if (calls->isLoading()) {
        QTimer::singleShot(kSettleMs, this, &Screenshotter::shootRunCalls);
        return;
    }
    QComboBox* runs = calls->runBox();
    if (runs->count() == 0) {
        next(); // no runs of the shown dataset: nothing to show
        return;
    }
    // The newest run (highest id): the script stores the complete I3C run last.
    int newest = 0;
    for (int i = 1; i < runs->count(); ++i)
        if (runs->itemData(i).toLongLong() > runs->itemData(newest).toLongLong())
            newest = i;
    if (runs->currentIndex() != newest) {
        runs->setCurrentIndex(newest); // reads the run's calls in the background
        QTimer::singleShot(kSettleMs, this, &Screenshotter::shootRunCalls);
        return;
    }
    QTreeWidget* tree = calls->callTree();
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0).startsWith(QLatin1String("verify:"))) {
            tree->setCurrentItem(tree->topLevelItem(i));
            break;
        }
    }
    auto* tabs = m_window.inspectorPage()->findChild<QTabWidget*>(QStringLiteral("inspectorTabs"));
    if (tabs)
        tabs->setCurrentWidget(calls);
    // The calls and their prompts need room: widen the inspector for this shot only.
    m_window.showMode(ui::MainWindow::Mode::Inspect);
    auto* split = m_window.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
    const QList<int> sizes = split ? split->sizes() : QList<int>();
    if (split && sizes.size() == 2)
        split->setSizes({ (sizes[0] + sizes[1]) * 3 / 10, (sizes[0] + sizes[1]) * 7 / 10 });
    // Inside the inspector the Runs tab shares a splitter with the problem text and heat map.
    auto* inner = tabs ? qobject_cast<QSplitter*>(tabs->parentWidget()) : nullptr;
    const QList<int> innerSizes = inner ? inner->sizes() : QList<int>();
    if (inner && innerSizes.size() == 2)
        inner->setSizes({ (innerSizes[0] + innerSizes[1]) * 2 / 5, (innerSizes[0] + innerSizes[1]) * 3 / 5 });
    QTimer::singleShot(kSettleMs, this, [this, tabs, split, sizes, inner, innerSizes]() {
        const QString file = QDir(m_directory).filePath(QStringLiteral("inspector-runs.png"));
        if (wb::ui::writePngAtomically(m_window.inspectorPage()->grab().toImage(), file))
            QTextStream(stdout) << file << '\n';
        else
            ++m_failures;
        if (tabs)
            tabs->setCurrentIndex(0);
        if (split && sizes.size() == 2)
            split->setSizes(sizes);
        if (inner && innerSizes.size() == 2)
            inner->setSizes(innerSizes);
        next();
    });
}

void Screenshotter::fail(const QString& why)
{
    QTextStream(stderr) << "screenshot: " << (m_current < m_files.size() ? m_files.value(m_current) : QString()) << ": "
                        << why << '\n';
    ++m_failures;
    m_waitingForReport = false;
    next();
}

} // namespace wb::screenshots
