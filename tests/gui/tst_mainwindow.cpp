// SPDX-License-Identifier: Apache-2.0
#include "core/store/store.h"
#include "support/comparedb.h"
#include "support/fakeserver.h"
#include "support/testpaths.h"
#include "tools/screenshots/pageshots.h"
#include "ui/mainwindow.h"
#include "ui/models/conditiontablemodel.h"
#include "ui/models/diagnosticsmodel.h"
#include "ui/models/problemfilterproxy.h"
#include "ui/models/problemtablemodel.h"
#include "ui/charts/accuracybarchart.h"
#include "ui/charts/chartexport.h"
#include "ui/compare/fliptablemodel.h"
#include "ui/compare/problemlistmodel.h"
#include "ui/compare/runlistmodel.h"
#include "ui/pages/comparepage.h"
#include "ui/pages/datasetspage.h"
#include "ui/pages/inspectorpage.h"
#include "ui/pages/runspage.h"
#include "ui/pages/prompteditorpage.h"
#include "ui/platform/filedialog.h"
#include "ui/runs/newrundialog.h"
#include "ui/runs/profileentry.h"
#include "ui/runs/runcontroller.h"
#include "ui/runs/runsmodel.h"
#include "ui/settings/settings.h"
#include "ui/widgets/heatmapwidget.h"
#include "ui/widgets/problemtextview.h"

#include <QAction>
#include <QUrl>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

#include <memory>

using namespace wb::ui;

class TestMainWindow final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void opensDatasetFromCommandLinePath();
    void clickingRowShowsProblemInInspector();
    void arrowKeysMoveInspector();
    void thetaChangesCandidates();
    void endpointEncoderRunsInBackground();
    void searchFiltersTable();
    void fileOpenUsesDialogSeam();
    void dropOpensFile();
    void badFileIsListedInIssues();
    void firstRunOpensDemoThenRecent();
    void referenceScoresShownForI3cData();
    void opensResultsDatabase();
    void windowStateIsRemembered();
    void runsPageCreatesCancelsAndResumesRun();
    void promptEditorPreviewFollowsTyping();
    void promptEditorUsesInspectorCandidates();
    void comparePageListsProblemsAndExports();

private:
    QString demoPath() const;
    void openAndWait(const QString& path);
    void clickRow(int proxyRow);
    void waitForReport();

    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

QString TestMainWindow::demoPath() const { return wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl"); }

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_window = std::make_unique<MainWindow>(*m_settings);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::init() { m_settings->resetToDefaults(); }

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
    m_settings.reset();
}

void TestMainWindow::openAndWait(const QString& path)
{
    QSignalSpy loaded(m_window.get(), &MainWindow::datasetLoaded);
    m_window->openDataset(path);
    QVERIFY(loaded.wait(30000));
    QVERIFY(!m_window->isLoading());
}

void TestMainWindow::clickRow(int proxyRow)
{
    QTableView* view = m_window->findChild<QTableView*>(QStringLiteral("problemTable"));
    QVERIFY(view);
    const QModelIndex index = view->model()->index(proxyRow, ProblemTableModel::TextColumn);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    QCOMPARE(view->currentIndex().row(), proxyRow);
}

void TestMainWindow::waitForReport()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->inspectorPage()->isComputing(), 10000);
    QVERIFY(m_window->inspectorPage()->report().has_value());
}

void TestMainWindow::opensDatasetFromCommandLinePath()
{
    openAndWait(demoPath());
    QVERIFY(m_window->dataset());
    const int problems = static_cast<int>(m_window->dataset()->problems.size());
    QVERIFY(problems > 10);
    QCOMPARE(m_window->datasetsPage()->model()->rowCount(), problems);
    auto* count = m_window->findChild<QLabel*>(QStringLiteral("problemCountLabel"));
    QVERIFY(count);
    QVERIFY2(count->text().contains(QString::number(problems)), qPrintable(count->text()));
    auto* name = m_window->findChild<QLabel*>(QStringLiteral("datasetLabel"));
    QVERIFY(name->text().contains(QStringLiteral("demo.jsonl")));
    QCOMPARE(m_settings->recentFiles().value(0), QFileInfo(demoPath()).absoluteFilePath());
    // The candidate column fills in from the background job.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->datasetsPage()->model()->candidateCount(problems - 1) != ProblemTableModel::kUnknownCount, 20000);
}

void TestMainWindow::clickingRowShowsProblemInInspector()
{
    openAndWait(demoPath());
    clickRow(3);
    const int sourceRow = m_window->datasetsPage()->currentProblemRow();
    const wb::dataset::Problem& problem = m_window->dataset()->problems[static_cast<std::size_t>(sourceRow)];
    QVERIFY(!problem.conditions.empty());
    ConditionTableModel* conditions = m_window->inspectorPage()->conditionModel();
    QCOMPARE(conditions->rowCount(), static_cast<int>(problem.conditions.size()));
    QCOMPARE(conditions->index(0, ConditionTableModel::TextColumn).data().toString(),
        QString::fromStdString(problem.conditions.front()));
    const QString shown = m_window->inspectorPage()->textView()->toPlainText();
    for (const std::string& condition : problem.conditions)
        QVERIFY2(shown.contains(QString::fromStdString(condition)), qPrintable(shown));
    waitForReport();
    HeatmapWidget* heatmap = m_window->findChild<HeatmapWidget*>(QStringLiteral("similarityHeatmap"));
    QCOMPARE(heatmap->rowCount(), static_cast<int>(problem.conditions.size()));
    QCOMPARE(heatmap->columnCount(), static_cast<int>(problem.conditions.size()) + 1);
    QCOMPARE(heatmap->value(0, 0), m_window->inspectorPage()->report()->sq.front());
}

void TestMainWindow::arrowKeysMoveInspector()
{
    openAndWait(demoPath());
    clickRow(0);
    QTableView* view = m_window->datasetsPage()->view();
    const int first = m_window->datasetsPage()->currentProblemRow();
    QTest::keyClick(view, Qt::Key_Down);
    const int second = m_window->datasetsPage()->currentProblemRow();
    QVERIFY(second != first);
    const wb::dataset::Problem& problem = m_window->dataset()->problems[static_cast<std::size_t>(second)];
    QCOMPARE(m_window->inspectorPage()->conditionModel()->problem().id, problem.id);
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(m_window->datasetsPage()->currentProblemRow(), first);
    QCOMPARE(m_window->inspectorPage()->conditionModel()->problem().id,
        m_window->dataset()->problems[static_cast<std::size_t>(first)].id);
}

void TestMainWindow::thetaChangesCandidates()
{
    openAndWait(demoPath());
    clickRow(1);
    waitForReport();
    auto* theta = m_window->findChild<QDoubleSpinBox*>(QStringLiteral("thetaSpinBox"));
    QVERIFY(theta);
    InspectorPage* inspector = m_window->inspectorPage();

    // θ = 0: no similarity is below 0, so nothing is a candidate. θ = 1: every condition with a digit is.
    theta->setValue(0.0);
    QVERIFY(inspector->report()->candidates.empty());
    QVERIFY(!inspector->conditionModel()->isCandidate(0));
    theta->setValue(1.0);
    QVERIFY(!inspector->report()->candidates.empty());
    const int candidate = inspector->report()->candidates.front();
    QVERIFY(inspector->conditionModel()->isCandidate(candidate));
    QCOMPARE(inspector->conditionModel()->index(candidate, ConditionTableModel::CandidateColumn).data().toString(),
        QStringLiteral("✔"));
    QCOMPARE(m_settings->theta(), 1.0);
    // The table's candidate column is recounted at the new θ.
    ProblemTableModel* model = m_window->datasetsPage()->model();
    const int row = m_window->datasetsPage()->currentProblemRow();
    QTRY_COMPARE_WITH_TIMEOUT(
        model->candidateCount(row), static_cast<int>(inspector->report()->candidates.size()), 20000);
}

void TestMainWindow::endpointEncoderRunsInBackground()
{
    wb::test::FakeServer server;
    QVERIFY(server.start());
    openAndWait(demoPath());
    clickRow(1);
    waitForReport();
    InspectorPage* inspector = m_window->inspectorPage();
    auto* kind = m_window->findChild<QComboBox*>(QStringLiteral("encoderKind"));
    auto* url = m_window->findChild<QLineEdit*>(QStringLiteral("embeddingsUrl"));
    auto* model = m_window->findChild<QLineEdit*>(QStringLiteral("embeddingsModel"));
    QVERIFY(kind && url && model);
    url->setText(QString::fromStdString(server.baseUrl()));
    model->setText(QStringLiteral("fake-embedder"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("embeddings")));
    QVERIFY(!url->text().isEmpty() && url->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!inspector->isComputing(), 30000);
    QVERIFY(inspector->report().has_value());
    QVERIFY2(QString::fromStdString(inspector->report()->encoderId).contains(QStringLiteral("embeddings")),
        inspector->report()->encoderId.c_str());
    QCOMPARE(m_settings->encoderKind(), QStringLiteral("embeddings"));

    // An endpoint without a URL is an error shown in the inspector, not a silent fallback to the built-in encoder.
    url->clear();
    kind->setCurrentIndex(kind->findData(QStringLiteral("builtin")));
    kind->setCurrentIndex(kind->findData(QStringLiteral("embeddings")));
    QTRY_VERIFY_WITH_TIMEOUT(!inspector->isComputing(), 30000);
    QVERIFY(!inspector->report().has_value());
    auto* status = m_window->findChild<QLabel*>(QStringLiteral("relevanceStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("URL")), qPrintable(status->text()));
    kind->setCurrentIndex(kind->findData(QStringLiteral("builtin")));
    waitForReport();
}

void TestMainWindow::searchFiltersTable()
{
    openAndWait(demoPath());
    const std::string& id = m_window->dataset()->problems.at(4).id;
    QLineEdit* search = m_window->findChild<QLineEdit*>(QStringLiteral("problemSearch"));
    QTest::keyClicks(search, QString::fromStdString(id));
    QTRY_COMPARE(m_window->datasetsPage()->proxy()->rowCount(), 1);
    search->clear();
    QTRY_COMPARE(m_window->datasetsPage()->proxy()->rowCount(), m_window->datasetsPage()->model()->rowCount());
}

void TestMainWindow::fileOpenUsesDialogSeam()
{
    QAction* open = nullptr;
    for (QAction* action : m_window->findChildren<QAction*>()) {
        if (action->shortcut() == QKeySequence(QKeySequence::Open))
            open = action;
    }
    QVERIFY(open);
    FileDialog::instance().setNextFileName(demoPath());
    QSignalSpy loaded(m_window.get(), &MainWindow::datasetLoaded);
    open->trigger();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(QString::fromStdString(m_window->dataset()->info.name), QStringLiteral("demo.jsonl"));
}

void TestMainWindow::dropOpensFile()
{
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(demoPath()) });
    QSignalSpy loaded(m_window.get(), &MainWindow::datasetLoaded);
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(loaded.wait(30000));
}

void TestMainWindow::badFileIsListedInIssues()
{
    const QString bad = m_dir.filePath(QStringLiteral("broken.json"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[{\"question\": ");
    file.close();
    QSignalSpy failed(m_window.get(), &MainWindow::datasetFailed);
    m_window->openDataset(bad);
    QVERIFY(failed.wait(30000));
    DiagnosticsModel* issues = m_window->diagnosticsModel();
    QVERIFY(issues->rowCount() >= 1);
    QVERIFY(issues->index(issues->rowCount() - 1, DiagnosticsModel::LocationColumn)
                .data()
                .toString()
                .contains(QStringLiteral("broken.json")));
    QVERIFY(m_window->findChild<QDockWidget*>(QStringLiteral("issuesDock"))->isVisible());
}

void TestMainWindow::firstRunOpensDemoThenRecent()
{
    QVERIFY(!m_settings->demoOpened());
    QSignalSpy loaded(m_window.get(), &MainWindow::datasetLoaded);
    m_window->openInitialDataset();
    QVERIFY(loaded.wait(30000));
    QVERIFY(m_settings->demoOpened());
    QCOMPARE(QString::fromStdString(m_window->dataset()->info.name), QStringLiteral("demo.jsonl"));
    // Second start: the most recent file, not the demo again.
    const QString copy = m_dir.filePath(QStringLiteral("again.jsonl"));
    QFile::remove(copy);
    QVERIFY(QFile::copy(demoPath(), copy));
    m_settings->addRecentFile(copy);
    m_window->openInitialDataset();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(QString::fromStdString(m_window->dataset()->info.name), QStringLiteral("again.jsonl"));
}

void TestMainWindow::referenceScoresShownForI3cData()
{
    WB_REQUIRE_SHARED_DATASETS();
    openAndWait(QString::fromStdString(wb::test::sharedPath("i3c-preprocessed/test_data/GSM8K.json")));
    QCOMPARE(m_window->dataset()->problems.size(), std::size_t(1319));
    clickRow(0);
    const wb::dataset::Problem& problem = m_window->inspectorPage()->conditionModel()->problem();
    QVERIFY(!problem.referenceSq.empty());
    const QModelIndex reference
        = m_window->inspectorPage()->conditionModel()->index(0, ConditionTableModel::ReferenceSqColumn);
    QCOMPARE(reference.data(ConditionTableModel::HeatValueRole).toDouble(), problem.referenceSq.front());
    waitForReport();
}

void TestMainWindow::opensResultsDatabase()
{
    const QString path = m_dir.filePath(QStringLiteral("results.sqlite"));
    {
        auto loaded = wb::dataset::loadDataset(demoPath().toStdString());
        QVERIFY(loaded.ok());
        auto store = wb::store::Store::open(path.toStdString());
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().toString().c_str());
        auto imported = store->importDataset(loaded->info, loaded->problems);
        QVERIFY(imported.ok());
    }
    QSignalSpy loaded(m_window.get(), &MainWindow::datasetLoaded);
    FileDialog::instance().setNextFileName(path);
    QAction* openDatabase = m_window->findChild<QAction*>(QStringLiteral("openDatabaseAction"));
    QVERIFY(openDatabase);
    openDatabase->trigger();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(QString::fromStdString(m_window->dataset()->info.name), QStringLiteral("demo.jsonl"));
    QCOMPARE(m_window->datasetsPage()->model()->rowCount(), 36);
    clickRow(2);
    QCOMPARE(m_window->inspectorPage()->conditionModel()->rowCount(),
        static_cast<int>(m_window->dataset()->problems[2].conditions.size()));

    QSignalSpy failed(m_window.get(), &MainWindow::datasetFailed);
    m_window->openDatabase(m_dir.filePath(QStringLiteral("missing/nothing.sqlite")));
    QVERIFY(failed.wait(30000));
}

void TestMainWindow::windowStateIsRemembered()
{
    m_window->resize(1200, 700);
    m_window->close();
    QVERIFY(!m_settings->bytes(Settings::Key::WindowGeometry).isEmpty());
    QVERIFY(!m_settings->bytes(Settings::Key::MainSplitter).isEmpty());
    QVERIFY(!m_settings->bytes(Settings::Key::ProblemTableHeader).isEmpty());

    MainWindow second(*m_settings);
    QCOMPARE(second.size(), QSize(1200, 700));
    m_window->show();
}

void TestMainWindow::promptEditorPreviewFollowsTyping()
{
    openAndWait(demoPath());
    clickRow(1);
    QAction* show = m_window->findChild<QAction*>(QStringLiteral("showPromptEditorAction"));
    QVERIFY(show);
    show->trigger();
    auto* page = m_window->findChild<PromptEditorPage*>(QStringLiteral("promptEditorPage"));
    QVERIFY(page);
    QTRY_VERIFY(page->isVisible());
    auto* methods = page->findChild<QComboBox*>(QStringLiteral("methodBox"));
    QVERIFY(methods);
    const int row = methods->findText(QStringLiteral("Zero-Shot-CoT"), Qt::MatchExactly);
    QVERIFY(row >= 0);
    methods->setCurrentIndex(row);
    QCOMPARE(page->currentMethodId(), QStringLiteral("zero-shot-cot"));

    const wb::dataset::Problem& problem
        = m_window->dataset()->problems.at(static_cast<std::size_t>(m_window->datasetsPage()->currentProblemRow()));
    QVERIFY(page->previewText().contains(QString::fromStdString(problem.question).left(12)));

    auto* edit = page->findChild<QPlainTextEdit*>(QStringLiteral("templateEdit_0_0"));
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(edit, QStringLiteral(" Mind the units."));
    QTRY_VERIFY(page->previewText().contains(QStringLiteral("Mind the units.")));

    // A typo in a variable name is reported inline and the call cannot be previewed.
    QTest::keyClicks(edit, QStringLiteral(" {{questoin}}"));
    QTRY_VERIFY(!page->issueTexts().isEmpty());
    QVERIFY(page->issueTexts().first().contains(QStringLiteral("questoin")));
    auto* issues = page->findChild<QListWidget*>(QStringLiteral("templateIssues"));
    QVERIFY(issues && issues->count() > 0);

    // The editor's own undo stack takes the edits back.
    for (int i = 0; i < 40 && edit->document()->isUndoAvailable(); ++i)
        QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(!page->previewText().contains(QStringLiteral("Mind the units.")));
    QVERIFY(page->issueTexts().isEmpty());
}

void TestMainWindow::promptEditorUsesInspectorCandidates()
{
    openAndWait(demoPath());
    m_window->showPromptEditor();
    PromptEditorPage* page = m_window->promptEditorPage();
    QVERIFY(page->selectMethod(QStringLiteral("zero-shot-cot+i3c")));
    m_window->inspectorPage()->setTheta(1.0); // every condition with a number becomes a candidate
    clickRow(3);
    waitForReport();
    const std::vector<int> candidates = m_window->inspectorPage()->report()->candidates;
    QVERIFY(!candidates.empty());
    QTRY_COMPARE(page->preview().size(), candidates.size() + 2);
    QCOMPARE(page->preview().front().key, QStringLiteral("verify:%1").arg(candidates.front()));
    QVERIFY(page->preview()[candidates.size()].pretty.contains(QStringLiteral("<output of verify:")));

    // The inspector has a Runs tab for stored runs.
    auto* tabs = m_window->inspectorPage()->findChild<QTabWidget*>(QStringLiteral("inspectorTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(1), QStringLiteral("Runs"));
}

void TestMainWindow::runsPageCreatesCancelsAndResumesRun()
{
    wb::test::FakeServerConfig serverConfig;
    serverConfig.latency = std::chrono::milliseconds(20);
    wb::test::FakeServer server(serverConfig);
    QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
    m_window->show();
    openAndWait(demoPath());
    ProfileEntry profile;
    profile.backend.name = "fake";
    profile.backend.baseUrl = server.baseUrl();
    profile.backend.model = "fake-model";
    profile.backend.apiKeyEnv = "WB_TEST_UNSET_KEY";
    profile.backend.concurrency = 3;
    saveProfiles(*m_settings, { profile });

    // A fresh results database opened through File › Open Results Database receives the run.
    const QString database = m_dir.filePath(QStringLiteral("gui-runs.sqlite"));
    RunsPage* page = m_window->runsPage();
    QSignalSpy refreshed(page, &RunsPage::runsRefreshed);
    FileDialog::instance().setNextFileName(database);
    m_window->findChild<QAction*>(QStringLiteral("openDatabaseAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(page->databasePath(), QFileInfo(database).absoluteFilePath(), 30000);

    QAction* showRuns = m_window->findChild<QAction*>(QStringLiteral("showRunsAction"));
    QVERIFY(showRuns);
    showRuns->trigger();
    QCOMPARE(m_window->currentMode(), MainWindow::Mode::Runs);
    QVERIFY(page->isVisible());

    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&]() {
        auto* dialog = qobject_cast<NewRunDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialogSeen = true;
        dialog->selectMethod(QStringLiteral("zero-shot-cot+i3c"));
        dialog->selectProfile(QStringLiteral("fake"));
        dialog->findChild<QSpinBox*>(QStringLiteral("runLimit"))->setValue(20);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("runName")), QStringLiteral("gui run"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QSignalSpy started(page, &RunsPage::runStarted);
    QSignalSpy finished(page, &RunsPage::runFinished);
    QSignalSpy failed(page, &RunsPage::runFailed);
    bool cancelled = false;
    QAction* cancel = m_window->findChild<QAction*>(QStringLiteral("cancelRunAction"));
    connect(page->controller(), &RunController::progress, this, [&](qint64, const wb::run::Progress& p) {
        if (!cancelled && p.doneCalls >= 10 && cancel->isEnabled()) {
            cancelled = true;
            cancel->trigger();
        }
    });
    m_window->findChild<QAction*>(QStringLiteral("newRunAction"))->trigger();
    QVERIFY(dialogSeen);
    QVERIFY(finished.wait(60000));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
    QCOMPARE(finished.first().at(1).toInt(), int(wb::store::RunStatus::Cancelled));
    const qint64 runId = started.first().at(0).toLongLong();

    QTRY_VERIFY(!page->isRefreshing());
    QTableView* table = m_window->findChild<QTableView*>(QStringLiteral("runsTable"));
    const QModelIndex status = table->model()->index(0, RunsModel::StatusColumn);
    // Cancelled before every problem had a result: the status says what is missing.
    QVERIFY2(status.data().toString().startsWith(QStringLiteral("cancelled")), qPrintable(status.data().toString()));
    QVERIFY2(status.data().toString().contains(QStringLiteral("unfinished")), qPrintable(status.data().toString()));
    QCOMPARE(table->model()->index(0, RunsModel::NameColumn).data().toString(), QStringLiteral("gui run"));
    QCOMPARE(table->model()->index(0, RunsModel::ModelColumn).data().toString(), QStringLiteral("fake-model"));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(status).center());
    QAction* resume = m_window->findChild<QAction*>(QStringLiteral("resumeRunAction"));
    QVERIFY(resume->isEnabled());
    resume->trigger();
    QVERIFY(finished.wait(60000));
    QVERIFY(failed.isEmpty());
    QCOMPARE(finished.last().at(0).toLongLong(), runId);
    QCOMPARE(finished.last().at(1).toInt(), int(wb::store::RunStatus::Completed));
    QTRY_COMPARE(table->model()->index(0, RunsModel::StatusColumn).data().toString(), QStringLiteral("completed"));
    QCOMPARE(table->model()->index(0, RunsModel::ResultsColumn).data().toString(), QStringLiteral("20/20"));
    QCOMPARE(server.maxSuccessesPerBody(), 1);
    QVERIFY(!resume->isEnabled());
}

void TestMainWindow::comparePageListsProblemsAndExports()
{
    // Two runs made here by the runner against the fake server: the numbers are the fake server's, not a model's.
    const QString db = m_dir.filePath(QStringLiteral("compare-gui.db"));
    auto runs = wb::test::makeComparisonDatabase(db.toStdString(), demoPath().toStdString());
    QVERIFY2(runs, runs ? "" : runs.error().toString().c_str());

    ComparePage* page = m_window->comparePage();
    QSignalSpy compared(page, &ComparePage::comparisonLoaded);
    QSignalSpy loaded(m_window.get(), &MainWindow::datasetLoaded);
    m_window->openDatabase(db);
    QVERIFY(compared.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 30000);
    m_window->showComparePage();
    QVERIFY(page->isVisible());
    QCOMPARE(page->runModel()->checkedRuns().size(), std::size_t(2));

    // The Datasets page shows both runs' results as columns.
    QTRY_COMPARE(m_window->datasetsPage()->model()->columnCount(), int(ProblemTableModel::ColumnCount) + 4);

    // Click the first bar of the dataset chart: its run's problems are listed.
    auto* chart = page->findChild<AccuracyBarChart*>(QStringLiteral("compareChart0"));
    QVERIFY(chart);
    QTRY_VERIFY(chart->barRect(0, 0).height() > 10);
    QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, chart->barRect(0, 0).center().toPoint());
    QTRY_COMPARE(page->problemModel()->rowCount(), 36);
    QCOMPARE(page->problemModel()->runA(), chart->chartData().sets[0].runs[0]);

    // Click the wrong → right cell of the flip table: exactly those problems, both runs' answers.
    QTableView* flips = page->flipView();
    const QModelIndex cell = flips->model()->index(FlipTableModel::AWrongRow, FlipTableModel::BRightColumn);
    QTest::mouseClick(flips->viewport(), Qt::LeftButton, {}, flips->visualRect(cell).center());
    const auto& pair = page->flipModel()->comparison();
    QVERIFY(pair);
    QCOMPARE(page->problemModel()->rowCount(), int(pair->flips.wrongToRight));
    QVERIFY(page->problemModel()->rowCount() > 0);
    QVERIFY(page->problemModel()->runB() != 0);

    // Selecting a problem shows both reasoning paths with the differing words highlighted.
    QSignalSpy shown(page, &ComparePage::reasoningShown);
    QTableView* problems = page->problemView();
    const QModelIndex first = problems->model()->index(0, ProblemListModel::TextColumn);
    QTest::mouseClick(problems->viewport(), Qt::LeftButton, {}, problems->visualRect(first).center());
    QVERIFY(shown.wait(10000));
    QVERIFY(page->reasoningView(0)->toHtml().contains(QStringLiteral("background-color")));
    QVERIFY(page->reasoningView(1)->toPlainText().contains(QStringLiteral("irrelevant")));
    // The model's reasoning text sits collapsed beside each side's reply until its link is followed.
    const QString thinking = QStringLiteral("I list the quantities");
    QVERIFY(page->reasoningView(0)->toPlainText().contains(QStringLiteral("Model reasoning")));
    QVERIFY(!page->reasoningView(0)->toPlainText().contains(thinking));
    emit page->reasoningView(0)->anchorClicked(QUrl(QStringLiteral("wb-reasoning:toggle")));
    QVERIFY(page->reasoningView(0)->toPlainText().contains(thinking));
    QVERIFY(!page->reasoningView(1)->toPlainText().contains(thinking));

    // Exports go through the file-dialog seam.
    const QString html = m_dir.filePath(QStringLiteral("report.html"));
    FileDialog::instance().setNextFileName(html);
    QVERIFY(page->exportHtmlReport());
    QFile report(html);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray text = report.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains(QString::number(pair->mcnemarP, 'g', 4).toUtf8()));
    const QString png = m_dir.filePath(QStringLiteral("chart.png"));
    FileDialog::instance().setNextFileName(png);
    QVERIFY(page->exportChartPng());
    QVERIFY(!QImage(png).isNull());
    const QString csv = m_dir.filePath(QStringLiteral("problems.csv"));
    FileDialog::instance().setNextFileName(csv);
    QVERIFY(page->exportProblemsCsv());
    QVERIFY(QFileInfo(csv).size() > 0);

    // scripts/screenshots.sh sets this to capture the page over a real run database.
    const QString shots = qEnvironmentVariable("WB_COMPARE_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        m_window->resize(1440, 900);
        page->chart(ComparePage::DatasetChart)->barClicked(1, 0);
        QTest::qWait(300); // let the dock lay out before grabbing
        QVERIFY(!wb::screenshots::savePageShots(*m_window, shots, QStringLiteral("compare-")).isEmpty());
        for (int i = 0; i < ComparePage::ChartCount; ++i) {
            AccuracyBarChart* shown = page->chart(static_cast<ComparePage::Chart>(i));
            QVERIFY(saveChartPng(
                *shown, QDir(shots).filePath(QStringLiteral("compare-chart%1.png").arg(i)), nullptr, QSize(900, 500)));
        }
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
