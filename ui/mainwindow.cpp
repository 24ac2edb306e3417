// SPDX-License-Identifier: Apache-2.0
#include "ui/mainwindow.h"

#include "ui/jobs/asyncjob.h"
#include "ui/jobs/candidatecountjob.h"
#include "ui/jobs/datasetloadjob.h"
#include "ui/jobs/storereader.h"
#include "ui/compare/runlistmodel.h"
#include "ui/models/diagnosticsmodel.h"
#include "ui/models/problemtablemodel.h"
#include "ui/pages/comparepage.h"
#include "ui/pages/datasetspage.h"
#include "ui/pages/inspectorpage.h"
#include "ui/pages/prompteditorpage.h"
#include "ui/pages/runspage.h"
#include "ui/platform/apptheme.h"
#include "ui/platform/datapaths.h"
#include "ui/platform/filedialog.h"
#include "ui/platform/themeicon.h"
#include "ui/settings/settings.h"
#include "ui/views/viewsetup.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QScreen>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>

namespace wb::ui {

namespace {
// θ can be dragged along the slider; recount the whole table only once it settles.
constexpr int kCountDelayMs = 400;

QString datasetFilter() { return QObject::tr("Datasets (*.json *.jsonl *.csv);;All files (*)"); }
} // namespace

MainWindow::MainWindow(Settings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_loader(new DatasetLoadJob(this))
    , m_counter(new CandidateCountJob(this))
    , m_datasetsPage(new DatasetsPage(settings, this))
    , m_inspectorPage(new InspectorPage(settings, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_diagnostics(new DiagnosticsModel(this))
    , m_countDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("I3C Workbench"));
    setAcceptDrops(true);

    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_datasetsPage);
    m_splitter->addWidget(m_inspectorPage);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    createActions();
    createMenus();
    createModes();
    createIssuesDock();
    createStatusBar();

    connect(m_loader, &DatasetLoadJob::finished, this, &MainWindow::onLoadFinished);
    connect(m_loader, &DatasetLoadJob::failed, this, &MainWindow::onLoadFailed);
    connect(m_loader, &DatasetLoadJob::progress, this,
        [this](quint64 loaded) { m_progress->setFormat(tr("Loading… %L1 problems").arg(loaded)); });
    connect(m_loader, &DatasetLoadJob::cancelled, this, [this]() {
        setLoadingUi(false);
        statusBar()->showMessage(tr("Loading cancelled"), 4000);
    });
    connect(m_datasetsPage, &DatasetsPage::currentProblemChanged, this, &MainWindow::onCurrentProblemChanged);

    connect(m_counter, &CandidateCountJob::batchReady, m_datasetsPage->model(), &ProblemTableModel::setCandidateCounts);
    connect(m_counter, &CandidateCountJob::progress, this, [this](int done, int total) {
        if (isLoading())
            return;
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setFormat(tr("Counting candidates %p%"));
        m_progress->setVisible(done < total);
        m_cancelButton->setVisible(done < total);
    });
    connect(m_counter, &CandidateCountJob::finished, this, [this]() {
        if (!isLoading())
            setLoadingUi(false);
    });
    m_countDelay->setSingleShot(true);
    m_countDelay->setInterval(kCountDelayMs);
    connect(m_countDelay, &QTimer::timeout, this, &MainWindow::restartCandidateCounts);
    connect(m_inspectorPage, &InspectorPage::thetaChanged, this, [this]() {
        m_datasetsPage->model()->clearCandidateCounts();
        m_countDelay->start();
    });

    connectPromptEditor();
    connectRuns();
    restoreWindowState();
    updateStatus();
    attachDatabase(RunsPage::defaultDatabasePath());
}

void MainWindow::createModes()
{
    m_promptEditorPage = new PromptEditorPage(m_settings, this);
    m_runsPage = new RunsPage(m_settings, this);
    m_comparePage = new ComparePage(this);
    m_modes = new QTabWidget(this);
    m_modes->setObjectName(QStringLiteral("modeTabs"));
    m_modes->setDocumentMode(true);
    setCentralWidget(m_modes);
    addMode(Mode::Inspect, m_splitter, tr("Inspect"), QStringLiteral("showInspectAction"),
        { QKeySequence(Qt::CTRL | Qt::Key_1) });
    addMode(Mode::Prompts, m_promptEditorPage, tr("Prompts"), QStringLiteral("showPromptEditorAction"),
        { QKeySequence(Qt::CTRL | Qt::Key_2), QKeySequence(Qt::CTRL | Qt::Key_E) });
    addMode(Mode::Runs, m_runsPage, tr("Runs"), QStringLiteral("showRunsAction"),
        { QKeySequence(Qt::CTRL | Qt::Key_3), QKeySequence(Qt::CTRL | Qt::Key_R) });
    addMode(Mode::Compare, m_comparePage, tr("Compare"), QStringLiteral("showCompareAction"),
        { QKeySequence(Qt::CTRL | Qt::Key_4), QKeySequence(Qt::CTRL | Qt::Key_K) });
    auto* group = new QActionGroup(this);
    for (QAction* action : std::as_const(m_modeActions))
        group->addAction(action);
    connect(m_modes, &QTabWidget::currentChanged, this, [this](int index) {
        if (index >= 0 && index < m_modeActions.size())
            m_modeActions.at(index)->setChecked(true);
    });
    m_viewMenu->addSeparator();
    QAction* reset = m_viewMenu->addAction(tr("Reset &Layout"));
    reset->setObjectName(QStringLiteral("resetLayoutAction"));
    reset->setToolTip(tr("Fit the window to the screen and put every splitter and panel back where it started"));
    connect(reset, &QAction::triggered, this, &MainWindow::resetLayout);
}

void MainWindow::addMode(
    Mode mode, QWidget* page, const QString& title, const QString& actionName, const QList<QKeySequence>& shortcuts)
{
    const int index = m_modes->addTab(page, title);
    Q_ASSERT(index == static_cast<int>(mode));
    auto* action = new QAction(title, this);
    action->setObjectName(actionName);
    action->setCheckable(true);
    action->setShortcuts(shortcuts);
    action->setChecked(index == 0);
    m_modes->setTabToolTip(index, tr("%1 (%2)").arg(title, shortcuts.first().toString(QKeySequence::NativeText)));
    connect(action, &QAction::triggered, this, [this, mode]() { showMode(mode); });
    m_modeActions.append(action);
    m_viewMenu->addAction(action);
}

void MainWindow::showMode(Mode mode)
{
    m_modes->setCurrentIndex(static_cast<int>(mode));
    m_modes->currentWidget()->setFocus();
}

MainWindow::Mode MainWindow::currentMode() const { return static_cast<Mode>(m_modes->currentIndex()); }

void MainWindow::connectPromptEditor()
{
    // The preview follows the inspector: its problem, and its candidates at the current θ and encoder.
    connect(m_inspectorPage, &InspectorPage::reportUpdated, this, [this]() {
        const auto& report = m_inspectorPage->report();
        if (report)
            m_promptEditorPage->setCandidates(report->candidates,
                tr("θ = %1, encoder %2").arg(report->theta, 0, 'f', 2).arg(QString::fromStdString(report->encoderId)));
        else
            m_promptEditorPage->setCandidates(std::nullopt, {});
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::connectRuns()
{
    connect(m_comparePage, &ComparePage::checkedRunsChanged, this, &MainWindow::updateRunResultColumns);
    // Runs made here appear in Compare and in the inspector's Runs tab as they are created and as they end.
    connect(m_runsPage, &RunsPage::runStarted, this, [this]() { attachDatabase(m_runsPage->databasePath()); });
    connect(m_runsPage, &RunsPage::runFinished, this, [this]() { attachDatabase(m_runsPage->databasePath()); });
}

void MainWindow::updateRunResultColumns()
{
    // The Datasets page shows the checked runs that cover the dataset it shows (same content hash).
    std::vector<ProblemTableModel::RunResults> columns;
    const auto data = m_comparePage->comparison();
    if (m_dataset && data) {
        for (const wb::store::RowId id : m_comparePage->runModel()->checkedRuns()) {
            const RunOutcome* run = data->run(id);
            if (!run || run->datasetHash != m_dataset->info.contentHash)
                continue;
            ProblemTableModel::RunResults results;
            results.label = QStringLiteral("#%1").arg(id); // short: the run list names the method
            results.correct.assign(m_dataset->problems.size(), std::nullopt);
            results.answers.assign(m_dataset->problems.size(), QString());
            for (const auto& [index, outcome] : run->problems) {
                if (index < 0 || static_cast<std::size_t>(index) >= m_dataset->problems.size() || !outcome.hasResult)
                    continue;
                // Only answers get ✓ or ✗; a problem without an answer or with an error stays blank.
                results.correct[static_cast<std::size_t>(index)] = outcome.outcome();
                results.answers[static_cast<std::size_t>(index)] = QString::fromStdString(outcome.answer);
            }
            columns.push_back(std::move(results));
        }
    }
    m_datasetsPage->model()->setRunResults(std::move(columns));
}

void MainWindow::createActions()
{
    m_openAction = new QAction(themeIcon("document-open", QStyle::SP_DialogOpenButton), tr("&Open Dataset…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a dataset file (GSM8K, GSM-IC, SVAMP, MAWPS, AQuA, I3C, CSV, JSONL)"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::showOpenDialog);

    m_openDatabaseAction = new QAction(
        themeIcon("network-server-database", QStyle::SP_DriveHDIcon), tr("Open &Results Database…"), this);
    m_openDatabaseAction->setObjectName(QStringLiteral("openDatabaseAction"));
    m_openDatabaseAction->setToolTip(tr("Open a workbench results database (.sqlite)"));
    connect(m_openDatabaseAction, &QAction::triggered, this, &MainWindow::showOpenDatabaseDialog);

    m_openDemoAction
        = new QAction(themeIcon("help-contents", QStyle::SP_FileDialogInfoView), tr("Open &Demo Dataset"), this);
    m_openDemoAction->setToolTip(tr("Open the small dataset bundled with the workbench"));
    connect(m_openDemoAction, &QAction::triggered, this, [this]() {
        const QString demo = findDemoDataset();
        if (demo.isEmpty())
            statusBar()->showMessage(tr("The demo dataset is not installed"), 5000);
        else
            openDataset(demo);
    });

    m_quitAction = new QAction(themeIcon("application-exit", QStyle::SP_DialogCloseButton), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(themeIcon("document-open-recent", QStyle::SP_DirIcon), tr("Open &Recent"));
    file->addAction(m_openDemoAction);
    file->addSeparator();
    file->addAction(m_openDatabaseAction);
    m_databaseMenu
        = file->addMenu(themeIcon("view-list-details", QStyle::SP_FileDialogListView), tr("Datasets in Database"));
    m_databaseMenu->setEnabled(false);
    file->addSeparator();
    file->addAction(m_quitAction);
    connect(&m_settings, &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::RecentFiles)
            updateRecentMenu();
    });
    updateRecentMenu();

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_openAction);
    toolbar->addAction(m_openDatabaseAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(toolbar->toggleViewAction());
    createThemeMenu();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about
        = help->addAction(themeIcon("help-about", QStyle::SP_MessageBoxInformation), tr("&About I3C Workbench"));
    connect(about, &QAction::triggered, this, [this]() {
        QMessageBox::about(this, tr("About I3C Workbench"),
            tr("<b>I3C Workbench</b> %1<br>Study how language models handle irrelevant conditions in math word "
               "problems.")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createThemeMenu()
{
    QMenu* menu = m_viewMenu->addMenu(tr("&Theme"));
    menu->setObjectName(QStringLiteral("themeMenu"));
    auto* group = new QActionGroup(this);
    const QString current = m_settings.theme();
    for (const AppTheme theme : { AppTheme::System, AppTheme::Light, AppTheme::Dark }) {
        static const char* const labels[] = { QT_TR_NOOP("&System"), QT_TR_NOOP("&Light"), QT_TR_NOOP("&Dark") };
        QAction* action = menu->addAction(tr(labels[static_cast<int>(theme)]));
        action->setObjectName(QStringLiteral("theme_") + appThemeName(theme));
        action->setCheckable(true);
        action->setChecked(appThemeName(theme) == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme]() {
            m_settings.setTheme(appThemeName(theme));
            applyAppTheme(theme);
        });
    }
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings.recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString& path = files.at(i);
        QAction* action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path]() { openDataset(path); });
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("&Clear Menu"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this]() { m_settings.clearRecentFiles(); });
}

void MainWindow::createIssuesDock()
{
    m_issuesView = new QTableView(this);
    m_issuesView->setObjectName(QStringLiteral("issuesView"));
    m_issuesView->setModel(m_diagnostics);
    setupTableView(m_issuesView);
    m_issuesView->setSortingEnabled(false);
    m_issuesView->horizontalHeader()->setSectionResizeMode(
        DiagnosticsModel::SeverityColumn, QHeaderView::ResizeToContents);
    m_issuesView->horizontalHeader()->resizeSection(DiagnosticsModel::LocationColumn, 260);
    m_issuesView->horizontalHeader()->setStretchLastSection(true);
    m_issuesDock = new QDockWidget(tr("Issues"), this);
    m_issuesDock->setObjectName(QStringLiteral("issuesDock"));
    m_issuesDock->setWidget(m_issuesView);
    addDockWidget(Qt::BottomDockWidgetArea, m_issuesDock);
    m_issuesDock->hide();
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_issuesDock->toggleViewAction());
}

void MainWindow::createStatusBar()
{
    m_datasetLabel = new QLabel(this);
    m_datasetLabel->setObjectName(QStringLiteral("datasetLabel"));
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("problemCountLabel"));
    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseLabel"));
    m_databaseLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_issuesButton = new QToolButton(this);
    m_issuesButton->setObjectName(QStringLiteral("issuesButton"));
    m_issuesButton->setAutoRaise(true);
    m_issuesButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_issuesButton->setToolTip(tr("Show the issues found while loading"));
    connect(m_issuesButton, &QToolButton::clicked, this, [this]() { showIssues(true); });
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setIcon(themeIcon("process-stop", QStyle::SP_BrowserStop));
    m_cancelButton->setToolTip(tr("Cancel"));
    m_cancelButton->setAutoRaise(true);
    m_cancelButton->hide();
    connect(m_cancelButton, &QToolButton::clicked, this, [this]() {
        if (m_databasePending) {
            m_databaseGeneration.next();
            m_databasePending = false;
        } else if (m_loader->isRunning()) {
            m_loader->cancel();
        } else {
            m_counter->cancel();
        }
        setLoadingUi(false);
    });

    statusBar()->addWidget(m_datasetLabel);
    statusBar()->addWidget(m_countLabel);
    statusBar()->addWidget(m_issuesButton);
    statusBar()->addPermanentWidget(m_databaseLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
}

void MainWindow::restoreWindowState()
{
    const QByteArray geometry = m_settings.bytes(Settings::Key::WindowGeometry);
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        fitToScreen();
    restoreState(m_settings.bytes(Settings::Key::WindowState));
    const QByteArray splitter = m_settings.bytes(Settings::Key::MainSplitter);
    if (splitter.isEmpty() || !m_splitter->restoreState(splitter))
        m_splitter->setSizes({ width() / 2, width() - width() / 2 });
}

void MainWindow::fitToScreen()
{
    // Small screens get all of their available area; large ones most of it, centred.
    constexpr QSize comfortable(1440, 900);
    const QRect available = screen()->availableGeometry();
    const QSize frame = frameGeometry().size() - geometry().size();
    const QSize room = available.size() - frame;
    if (room.width() <= comfortable.width() || room.height() <= comfortable.height()) {
        resize(room);
        move(available.topLeft());
        return;
    }
    const QSize size(
        std::max(comfortable.width(), room.width() * 4 / 5), std::max(comfortable.height(), room.height() * 4 / 5));
    resize(size);
    move(available.center() - QPoint(size.width() / 2, size.height() / 2));
}

void MainWindow::resetLayout()
{
    showNormal();
    fitToScreen();
    m_issuesDock->hide();
    for (QToolBar* toolbar : findChildren<QToolBar*>())
        toolbar->show();
    m_splitter->setSizes({ width() / 2, width() - width() / 2 });
    showMode(Mode::Inspect);
}

void MainWindow::attachDatabase(const QString& path)
{
    m_databasePath = QFileInfo(path).absoluteFilePath();
    m_runsPage->setDatabasePath(m_databasePath);
    // A default database that no run has created yet has nothing to compare; the first run creates it.
    if (QFileInfo::exists(m_databasePath))
        m_comparePage->setDatabase(m_databasePath);
    showDatabasePath();
}

void MainWindow::showDatabasePath()
{
    // The whole path, with the home folder shortened: where the runs are is part of what a run means.
    QString shown = QDir::toNativeSeparators(m_databasePath);
    const QString home = QDir::toNativeSeparators(QDir::homePath());
    if (shown.startsWith(home + QDir::separator()))
        shown = QStringLiteral("~") + shown.mid(home.size());
    QString note;
    if (!QFileInfo::exists(m_databasePath))
        note = tr(" (no runs yet)");
    else if (m_runsPage->isDatabaseReadOnly())
        note = tr(" (read-only)");
    m_databaseLabel->setText(tr("Results: %1%2").arg(shown, note));
    m_databaseLabel->setToolTip(tr("The results database that Runs, Compare and the inspector use: %1")
                                    .arg(QDir::toNativeSeparators(m_databasePath)));
}

void MainWindow::saveWindowState()
{
    m_settings.setBytes(Settings::Key::WindowGeometry, saveGeometry());
    m_settings.setBytes(Settings::Key::WindowState, saveState());
    m_settings.setBytes(Settings::Key::MainSplitter, m_splitter->saveState());
    m_datasetsPage->saveState();
    m_inspectorPage->saveState();
    m_runsPage->saveState();
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_loader->cancel();
    m_counter->cancel();
    saveWindowState();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    openFile(urls.first().toLocalFile());
}

bool MainWindow::isResultsDatabase(const QString& path)
{
    // SQLite files start with this 16-byte header; anything else is treated as a dataset.
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(16) == QByteArray("SQLite format 3", 16);
}

void MainWindow::openFile(const QString& path)
{
    if (isResultsDatabase(path)) {
        showRunsPage();
        openDatabase(path);
    } else {
        openDataset(path);
    }
}

void MainWindow::showOpenDialog()
{
    QString directory = m_settings.lastOpenDirectory();
    if (directory.isEmpty())
        directory = QDir::homePath();
    const QString path = FileDialog::instance().getOpenFileName(this, tr("Open Dataset"), directory, datasetFilter());
    if (!path.isEmpty())
        openDataset(path);
}

void MainWindow::showOpenDatabaseDialog()
{
    const QString path = FileDialog::instance().getOpenFileName(this, tr("Open Results Database"),
        m_settings.lastOpenDirectory(), tr("Workbench databases (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::openDatabase(const QString& path, std::optional<wb::store::RowId> datasetId)
{
    m_loader->cancel();
    m_counter->cancel();
    const quint64 generation = m_databaseGeneration.next();
    m_databasePending = true;
    setLoadingUi(true);
    m_progress->setFormat(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    const std::string file = QFileInfo(path).absoluteFilePath().toStdString();
    runAsync<wb::Result<StoreContents>>(
        this, [file, datasetId]() -> wb::Result<StoreContents> { return readStore(file, datasetId); },
        [this, generation, path](wb::Result<StoreContents>&& result) {
            if (!m_databaseGeneration.isCurrent(generation))
                return;
            m_databasePending = false;
            setLoadingUi(false);
            if (!result) {
                reportOpenFailure(path, QString::fromStdString(result.error().toString()));
                return;
            }
            StoreContents& contents = result.value();
            m_databaseMenu->clear();
            for (const wb::store::DatasetRecord& record : contents.datasets) {
                QAction* action = m_databaseMenu->addAction(
                    tr("%1 (%Ln problem(s))", nullptr, static_cast<int>(record.problemCount))
                        .arg(QString::fromStdString(record.name)));
                action->setCheckable(true);
                action->setChecked(record.id == contents.shownDatasetId);
                const wb::store::RowId id = record.id;
                connect(action, &QAction::triggered, this, [this, path, id]() { openDatabase(path, id); });
            }
            m_databaseMenu->setEnabled(!contents.datasets.empty());
            attachDatabase(path);
            m_settings.setLastOpenDirectory(QFileInfo(path).absolutePath());
            const QString readOnly = contents.readOnly ? tr(" (read-only)") : QString();
            statusBar()->showMessage(tr("%1: %Ln dataset(s), ", nullptr, static_cast<int>(contents.datasets.size()))
                                         .arg(QFileInfo(path).fileName())
                    + tr("%Ln run(s)", nullptr, static_cast<int>(contents.runs.size())) + readOnly,
                8000);
            m_inspectorPage->setDatabase(QFileInfo(path).absoluteFilePath());
            if (contents.dataset)
                showDataset(std::move(contents.dataset));
            // After showDataset(), which titles the window with the dataset alone.
            setWindowTitle(tr("I3C Workbench — %1%2").arg(QFileInfo(path).fileName(), readOnly));
        });
}

void MainWindow::openInitialDataset()
{
    if (!m_settings.demoOpened()) {
        const QString demo = findDemoDataset();
        if (!demo.isEmpty()) {
            m_settings.setDemoOpened(true);
            openDataset(demo);
            return;
        }
    }
    const QStringList recent = m_settings.recentFiles();
    if (!recent.isEmpty() && QFileInfo::exists(recent.first()))
        openDataset(recent.first());
}

void MainWindow::openDataset(const QString& path)
{
    const QFileInfo info(path);
    m_databaseGeneration.next(); // a database still opening must not replace this file
    m_databasePending = false;
    m_counter->cancel();
    m_loader->start(info.absoluteFilePath());
    m_settings.setLastOpenDirectory(info.absolutePath());
    setLoadingUi(true);
    m_progress->setFormat(tr("Loading %1…").arg(info.fileName()));
    statusBar()->clearMessage();
}

bool MainWindow::isLoading() const { return m_loader->isRunning() || m_databasePending; }

void MainWindow::setLoadingUi(bool loading)
{
    if (loading)
        m_progress->setRange(0, 0); // busy indicator: the loader streams and does not know the total
    m_progress->setVisible(loading);
    m_cancelButton->setVisible(loading);
    m_openAction->setEnabled(true);
}

void MainWindow::onLoadFinished(quint64, std::shared_ptr<const wb::dataset::Dataset> dataset)
{
    setLoadingUi(false);
    m_settings.addRecentFile(QString::fromStdString(dataset->info.path));
    showDataset(std::move(dataset));
}

void MainWindow::showDataset(std::shared_ptr<const wb::dataset::Dataset> dataset)
{
    m_dataset = std::move(dataset);
    m_inspectorPage->setDataset(m_dataset); // before the table selects the dataset's first problem
    m_diagnostics->setDiagnostics(m_dataset->info.diagnostics);
    m_datasetsPage->setDataset(m_dataset);
    m_runsPage->setDataset(m_dataset);
    updateRunResultColumns();
    setWindowTitle(tr("%1 — I3C Workbench").arg(QString::fromStdString(m_dataset->info.name)));
    updateStatus();
    restartCandidateCounts();
    emit datasetLoaded();
}

void MainWindow::onLoadFailed(quint64, const QString& path, const QString& message)
{
    setLoadingUi(false);
    reportOpenFailure(path, message);
}

void MainWindow::reportOpenFailure(const QString& path, const QString& message)
{
    wb::Diagnostic diagnostic;
    diagnostic.severity = wb::Diagnostic::Severity::Error;
    diagnostic.location = path.toStdString();
    diagnostic.message = tr("Could not open the file: %1").arg(message).toStdString();
    m_diagnostics->append(diagnostic);
    m_issuesDock->show();
    statusBar()->showMessage(tr("Could not open %1").arg(QFileInfo(path).fileName()), 8000);
    updateStatus();
    emit datasetFailed(message);
}

void MainWindow::onCurrentProblemChanged(int sourceRow)
{
    const wb::dataset::Problem* problem = m_datasetsPage->model()->problem(sourceRow);
    // First: the inspector may report candidates at once (cached), and they belong to this problem.
    if (problem)
        m_promptEditorPage->setProblem(*problem);
    else
        m_promptEditorPage->clearProblem();
    if (problem)
        m_inspectorPage->setProblem(*problem);
    else
        m_inspectorPage->clearProblem();
}

void MainWindow::restartCandidateCounts()
{
    if (m_dataset)
        m_counter->start(m_dataset, m_inspectorPage->theta());
}

void MainWindow::updateStatus()
{
    if (m_dataset) {
        const wb::dataset::DatasetInfo& info = m_dataset->info;
        m_datasetLabel->setText(QStringLiteral("<b>%1</b> (%2)")
                                    .arg(QString::fromStdString(info.name).toHtmlEscaped(),
                                        QString::fromLatin1(wb::dataset::formatName(info.format))));
        m_datasetLabel->setToolTip(QString::fromStdString(info.path));
        m_countLabel->setText(tr("%Ln problem(s)", nullptr, static_cast<int>(m_dataset->problems.size())));
    } else {
        m_datasetLabel->setText(tr("No dataset"));
        m_countLabel->clear();
    }
    const int issues = m_diagnostics->rowCount();
    m_issuesButton->setText(tr("%Ln issue(s)", nullptr, issues));
    m_issuesButton->setIcon(issues > 0 ? themeIcon("dialog-warning", QStyle::SP_MessageBoxWarning)
                                       : themeIcon("dialog-information", QStyle::SP_MessageBoxInformation));
}

void MainWindow::showIssues(bool show)
{
    m_issuesDock->setVisible(show);
    if (show)
        m_issuesDock->raise();
}

} // namespace wb::ui
