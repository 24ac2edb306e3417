// SPDX-License-Identifier: Apache-2.0
// The main window's layout: one mode per task, each usable on a 1280x720 screen (and so at 2x scaling of
// 2560x1440), whatever it shows; View › Reset Layout.
#include "support/comparedb.h"
#include "support/testpaths.h"
#include "ui/mainwindow.h"
#include "ui/pages/comparepage.h"
#include "ui/settings/settings.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wb::ui;

namespace {
// The smallest screen the workbench supports, less a title bar and a desktop panel.
constexpr QSize kSmallScreen(1280, 720 - 60);
} // namespace

class TestLayout final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyModeHasTheWholeWindow();
    void everyModeFitsASmallScreen_data();
    void everyModeFitsASmallScreen();
    void resetLayoutFitsTheScreen();
    void databasePathIsShown();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_window = std::make_unique<MainWindow>(*m_settings);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // Real content: a results database with runs (its dataset is shown), so that every page has filled views.
    const QString db = m_dir.filePath(QStringLiteral("layout.db"));
    const QString demo = wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl");
    auto runs = wb::test::makeComparisonDatabase(db.toStdString(), demo.toStdString());
    QVERIFY2(runs, runs ? "" : runs.error().toString().c_str());
    QSignalSpy compared(m_window->comparePage(), &ComparePage::comparisonLoaded);
    QSignalSpy loaded(m_window.get(), &MainWindow::datasetLoaded);
    m_window->openDatabase(db);
    QVERIFY(compared.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 30000);
}

void TestLayout::cleanupTestCase()
{
    m_window.reset();
    m_settings.reset();
}

void TestLayout::everyModeHasTheWholeWindow()
{
    auto* modes = m_window->findChild<QTabWidget*>(QStringLiteral("modeTabs"));
    QVERIFY(modes);
    QCOMPARE(m_window->centralWidget(), modes);
    QCOMPARE(modes->count(), 4);
    const char* const actions[]
        = { "showInspectAction", "showPromptEditorAction", "showRunsAction", "showCompareAction" };
    for (int i = 0; i < 4; ++i) {
        auto* action = m_window->findChild<QAction*>(QString::fromLatin1(actions[i]));
        QVERIFY2(action, actions[i]);
        action->trigger();
        QCOMPARE(modes->currentIndex(), i);
        QVERIFY(action->isChecked());
        QVERIFY(modes->currentWidget()->isVisible());
    }
    // No page lives in a dock any more: the only dock is the issues panel.
    const auto docks = m_window->findChildren<QDockWidget*>();
    QCOMPARE(docks.size(), 1);
    QCOMPARE(docks.first()->objectName(), QStringLiteral("issuesDock"));
}

void TestLayout::everyModeFitsASmallScreen_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("inspect") << int(MainWindow::Mode::Inspect);
    QTest::newRow("prompts") << int(MainWindow::Mode::Prompts);
    QTest::newRow("runs") << int(MainWindow::Mode::Runs);
    QTest::newRow("compare") << int(MainWindow::Mode::Compare);
}

void TestLayout::everyModeFitsASmallScreen()
{
    QFETCH(int, mode);
    m_window->showMode(static_cast<MainWindow::Mode>(mode));
    QTest::qWait(50);
    const QSize minimum = m_window->minimumSizeHint().expandedTo(m_window->minimumSize());
    QVERIFY2(minimum.width() <= kSmallScreen.width() && minimum.height() <= kSmallScreen.height(),
        qPrintable(QStringLiteral("minimum %1x%2").arg(minimum.width()).arg(minimum.height())));
    // Shown at that size, the status bar (with the progress and the database path) is inside the window.
    m_window->resize(kSmallScreen);
    QTest::qWait(50);
    QVERIFY(m_window->statusBar()->isVisible());
    QVERIFY(m_window->rect().contains(m_window->statusBar()->geometry()));
}

void TestLayout::resetLayoutFitsTheScreen()
{
    m_window->resize(200, 150);
    auto* issues = m_window->findChild<QDockWidget*>(QStringLiteral("issuesDock"));
    m_window->showIssues(true);
    auto* reset = m_window->findChild<QAction*>(QStringLiteral("resetLayoutAction"));
    QVERIFY(reset);
    reset->trigger();
    QTest::qWait(50);
    QVERIFY(!issues->isVisible());
    QCOMPARE(m_window->currentMode(), MainWindow::Mode::Inspect);
    const QRect available = m_window->screen()->availableGeometry();
    // The offscreen screen is smaller than any real one: the window may not shrink below its minimum there.
    const int allowed = std::max(available.width(), m_window->minimumSizeHint().width());
    QVERIFY2(m_window->width() <= allowed, qPrintable(QStringLiteral("%1 > %2").arg(m_window->width()).arg(allowed)));
    QVERIFY(m_window->width() >= std::min(available.width() - 40, m_window->minimumSizeHint().width()));
}

void TestLayout::databasePathIsShown()
{
    auto* label = m_window->findChild<QLabel*>(QStringLiteral("databaseLabel"));
    QVERIFY(label);
    QVERIFY2(label->text().contains(QStringLiteral("layout.db")), qPrintable(label->text()));
    QCOMPARE(m_window->databasePath(), QFileInfo(m_dir.filePath(QStringLiteral("layout.db"))).absoluteFilePath());
}

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
