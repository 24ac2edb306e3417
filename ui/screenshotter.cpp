// SPDX-License-Identifier: Apache-2.0
#include "ui/screenshotter.h"

#include "ui/mainwindow.h"
#include "ui/models/diagnosticsmodel.h"
#include "ui/pages/datasetspage.h"
#include "ui/pages/inspectorpage.h"
#include "ui/pages/runspage.h"
#include "ui/platform/datapaths.h"

#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace wb::ui {

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
}

Screenshotter::Screenshotter(MainWindow& window, const QString& directory, const QStringList& files, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(directory)
    , m_files(files)
{
    if (m_files.isEmpty())
        m_files << findDemoDataset();
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(kWatchdogMs);
    connect(&m_watchdog, &QTimer::timeout, this, [this]() { fail(QStringLiteral("timed out")); });
    connect(&m_window, &MainWindow::datasetLoaded, this, &Screenshotter::onLoaded);
    connect(&m_window, &MainWindow::datasetFailed, this, [this](const QString& message) { fail(message); });
    connect(m_window.inspectorPage(), &InspectorPage::reportUpdated, this, &Screenshotter::onReport);
}

void Screenshotter::start()
{
    QTimer::singleShot(0, this, &Screenshotter::next);
}

void Screenshotter::next()
{
    ++m_current;
    if (m_current >= m_files.size()) {
        m_watchdog.stop();
        emit done(m_failures);
        return;
    }
    m_watchdog.start();
    const QString suffix = QFileInfo(m_files.at(m_current)).suffix().toLower();
    if (suffix == QLatin1String("sqlite") || suffix == QLatin1String("db")) {
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
    const QStringList written = m_window.saveScreenshots(m_directory, prefix);
    QTextStream out(stdout);
    for (const QString& file : written)
        out << file << '\n';
    if (written.isEmpty())
        ++m_failures;
    next();
}

void Screenshotter::fail(const QString& why)
{
    QTextStream(stderr) << "screenshot: " << (m_current < m_files.size() ? m_files.value(m_current) : QString())
                        << ": " << why << '\n';
    ++m_failures;
    m_waitingForReport = false;
    next();
}

} // namespace wb::ui
