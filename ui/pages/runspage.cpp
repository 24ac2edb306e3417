// SPDX-License-Identifier: Apache-2.0
#include "ui/pages/runspage.h"

#include "core/run/outcomecounts.h"
#include "core/run/progress.h"
#include "core/store/store.h"
#include "ui/jobs/asyncjob.h"
#include "ui/platform/keychain.h"
#include "ui/platform/themeicon.h"
#include "ui/runs/profileentry.h"
#include "ui/runs/runcontroller.h"
#include "ui/runs/runrow.h"
#include "ui/runs/runsmodel.h"
#include "ui/settings/settings.h"
#include "ui/views/viewsetup.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace wb::ui {

namespace {
/// What one background read of the database yields.
struct RunsSnapshot {
    std::vector<RunRow> rows;
    std::vector<wb::store::DatasetRecord> datasets;
};

wb::Result<RunsSnapshot> readSnapshot(const std::string& path)
{
    auto store = wb::store::Store::openAsAllowed(path);
    if (!store)
        return store.error();
    auto rows = readRunRows(*store);
    if (!rows)
        return rows.error();
    auto datasets = store->listDatasets();
    if (!datasets)
        return datasets.error();
    return RunsSnapshot { std::move(*rows), std::move(*datasets) };
}

QLabel* valueLabel(QWidget* parent, const char* objectName)
{
    auto* label = new QLabel(QStringLiteral("–"), parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString count(std::uint64_t value) { return QLocale().toString(static_cast<qulonglong>(value)); }
} // namespace

RunsPage::RunsPage(Settings& settings, QWidget* parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_controller(new RunController(this))
    , m_model(new RunsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_databaseLabel(new QLabel(this))
    , m_progressBox(new QGroupBox(tr("Active run"), this))
    , m_progressBar(new QProgressBar(m_progressBox))
    , m_callsLabel(valueLabel(m_progressBox, "runCallsLabel"))
    , m_problemsLabel(valueLabel(m_progressBox, "runProblemsLabel"))
    , m_rateLabel(valueLabel(m_progressBox, "runRateLabel"))
    , m_tokensLabel(valueLabel(m_progressBox, "runTokensLabel"))
    , m_errorsLabel(valueLabel(m_progressBox, "runErrorsLabel"))
    , m_etaLabel(valueLabel(m_progressBox, "runEtaLabel"))
    , m_messageLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("runsPage"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunsModel::SortRole);
    m_view->setObjectName(QStringLiteral("runsTable"));
    m_view->setModel(m_proxy);
    setupTableView(m_view);
    m_view->sortByColumn(RunsModel::IdColumn, Qt::DescendingOrder);
    if (!restoreHeader(m_view->horizontalHeader(), m_settings, Settings::Key::RunsTableHeader)) {
        QHeaderView* header = m_view->horizontalHeader();
        header->resizeSection(RunsModel::IdColumn, 56);
        header->resizeSection(RunsModel::NameColumn, 170);
        header->resizeSection(RunsModel::DatasetColumn, 150);
        header->resizeSection(RunsModel::MethodColumn, 170);
        header->resizeSection(RunsModel::ModelColumn, 130);
        // Wide enough for "completed with 2 errors, 6 without answer"; the tooltip repeats the coverage.
        header->resizeSection(RunsModel::StatusColumn, 290);
        header->resizeSection(RunsModel::CallsColumn, 140);
        header->resizeSection(RunsModel::ResultsColumn, 90);
        header->resizeSection(RunsModel::AccuracyColumn, 90);
        header->resizeSection(RunsModel::CoverageColumn, 200);
        // The name takes the spare width; a stretched last column would push accuracy far from the rest.
        header->setStretchLastSection(false);
        header->setSectionResizeMode(RunsModel::NameColumn, QHeaderView::Stretch);
    }

    auto* toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("runsToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_newRunAction = toolbar->addAction(themeIcon("media-playback-start", QStyle::SP_MediaPlay), tr("&New Run…"));
    m_newRunAction->setObjectName(QStringLiteral("newRunAction"));
    m_newRunAction->setToolTip(tr("Create a run: dataset × method × backend profile"));
    m_resumeAction = toolbar->addAction(themeIcon("view-refresh", QStyle::SP_MediaSeekForward), tr("&Resume"));
    m_resumeAction->setObjectName(QStringLiteral("resumeRunAction"));
    m_resumeAction->setToolTip(tr("Send the calls of the selected run that have no stored response"));
    m_cancelAction = toolbar->addAction(themeIcon("process-stop", QStyle::SP_BrowserStop), tr("&Cancel"));
    m_cancelAction->setObjectName(QStringLiteral("cancelRunAction"));
    m_cancelAction->setToolTip(tr("Stop the run; calls already sent may still deliver, and it can be resumed"));
    toolbar->addSeparator();
    m_refreshAction = toolbar->addAction(themeIcon("view-refresh", QStyle::SP_BrowserReload), tr("Re&load"));
    m_refreshAction->setObjectName(QStringLiteral("refreshRunsAction"));
    m_databaseLabel->setObjectName(QStringLiteral("runsDatabaseLabel"));
    m_databaseLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(m_databaseLabel);

    m_progressBox->setObjectName(QStringLiteral("runProgressBox"));
    m_progressBar->setObjectName(QStringLiteral("runProgressBar"));
    m_progressBar->setTextVisible(true);
    auto* grid = new QGridLayout(m_progressBox);
    grid->addWidget(m_progressBar, 0, 0, 1, 6);
    const auto addPair = [&](int row, int column, const QString& name, QLabel* value) {
        auto* label = new QLabel(name, m_progressBox);
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(label, row, column);
        grid->addWidget(value, row, column + 1);
    };
    addPair(1, 0, tr("Calls:"), m_callsLabel);
    addPair(1, 2, tr("Problems:"), m_problemsLabel);
    addPair(1, 4, tr("Rate:"), m_rateLabel);
    addPair(2, 0, tr("Tokens:"), m_tokensLabel);
    addPair(2, 2, tr("Errors:"), m_errorsLabel);
    addPair(2, 4, tr("ETA:"), m_etaLabel);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 1);
    m_messageLabel->setObjectName(QStringLiteral("runMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(m_messageLabel, 3, 0, 1, 6);
    resetProgress(tr("No run started in this session"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_progressBox);

    connect(m_newRunAction, &QAction::triggered, this, &RunsPage::showNewRunDialog);
    connect(m_resumeAction, &QAction::triggered, this, [this]() {
        if (const qint64 id = selectedRun())
            resumeRun(id);
    });
    connect(m_cancelAction, &QAction::triggered, this, &RunsPage::cancelRun);
    connect(m_refreshAction, &QAction::triggered, this, &RunsPage::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this]() {
        updateButtons();
        showSelectedRun();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &RunsPage::updateButtons);

    connect(m_controller, &RunController::created, this, [this](qint64 runId) {
        m_activeRun = runId;
        m_progressBox->setTitle(tr("Run %1").arg(runId));
        emit runStarted(runId);
        refresh();
    });
    connect(m_controller, &RunController::progress, this, &RunsPage::onProgress);
    connect(m_controller, &RunController::finished, this, &RunsPage::onFinished);
    connect(m_controller, &RunController::failed, this, &RunsPage::onFailed);
    connect(m_controller, &RunController::runningChanged, this, &RunsPage::updateButtons);
    connect(m_controller, &RunController::logLine, this, [this](const QString& line) {
        m_messageLabel->setToolTip(line); // the latest diagnostic, without flooding the panel
    });
    updateButtons();
    showDatabaseName();
}

void RunsPage::showDatabaseName()
{
    // The file name only (the full path, with the user's folders, is in the tooltip).
    m_databaseLabel->setText(
        tr("Database: %1%2%3")
            .arg(QFileInfo(databasePath()).fileName(), m_databasePath.isEmpty() ? tr(" (default)") : QString(),
                m_databaseReadOnly ? tr(" (read-only)") : QString()));
    m_databaseLabel->setToolTip(QDir::toNativeSeparators(databasePath()));
}

RunsPage::~RunsPage() = default;

QString RunsPage::defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("runs.sqlite"));
}

QString RunsPage::databasePath() const { return m_databasePath.isEmpty() ? defaultDatabasePath() : m_databasePath; }

void RunsPage::setDatabasePath(const QString& path)
{
    m_databasePath = path;
    m_databaseReadOnly = wb::store::Database::modeFor(path.toStdString()) == wb::store::Database::Mode::ReadOnly;
    showDatabaseName();
    updateButtons();
    refresh();
}

void RunsPage::setDataset(std::shared_ptr<const wb::dataset::Dataset> dataset) { m_dataset = std::move(dataset); }

bool RunsPage::isRunning() const { return m_controller->isRunning(); }

void RunsPage::refresh()
{
    const QString path = databasePath();
    if (m_databasePath.isEmpty() && !QFileInfo::exists(path)) {
        m_model->setRows({}); // never create the default database just to list it
        m_storedDatasets.clear();
        emit runsRefreshed();
        return;
    }
    const quint64 generation = m_refreshGeneration.next();
    m_refreshing = true;
    runAsync<wb::Result<RunsSnapshot>>(
        this, [file = path.toStdString()]() { return readSnapshot(file); },
        [this, generation](wb::Result<RunsSnapshot>&& snapshot) {
            if (!m_refreshGeneration.isCurrent(generation))
                return;
            m_refreshing = false;
            if (!snapshot) {
                showMessage(
                    tr("Could not read the runs: %1").arg(QString::fromStdString(snapshot.error().toString())), true);
                emit runsRefreshed();
                return;
            }
            const qint64 selected = selectedRun();
            m_storedDatasets = std::move(snapshot->datasets);
            m_model->setRows(std::move(snapshot->rows));
            const int row = m_model->rowOf(selected ? selected : m_activeRun);
            if (row >= 0)
                m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, RunsModel::IdColumn)));
            else if (m_proxy->rowCount() > 0)
                m_view->setCurrentIndex(m_proxy->index(0, RunsModel::IdColumn)); // the newest run
            emit runsRefreshed();
        });
}

std::vector<DatasetChoice> RunsPage::datasetChoices() const
{
    std::vector<DatasetChoice> choices;
    if (m_dataset) {
        const wb::dataset::DatasetInfo& info = m_dataset->info;
        choices.push_back({ tr("%1 (open)").arg(QString::fromStdString(info.name)), info.path, info.contentHash,
            m_dataset->problems.size() });
    }
    for (const wb::store::DatasetRecord& record : m_storedDatasets) {
        if (m_dataset && record.contentHash == m_dataset->info.contentHash)
            continue;
        choices.push_back({ tr("%1 (in database)").arg(QString::fromStdString(record.name)), record.path,
            record.contentHash, record.problemCount });
    }
    return choices;
}

void RunsPage::showNewRunDialog()
{
    if (isRunning()) {
        showMessage(tr("A run is executing; cancel it or wait for it to finish first."), true);
        return;
    }
    NewRunDialog dialog(m_settings, datasetChoices(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto config = dialog.config();
    if (!config) {
        showMessage(QString::fromStdString(config.error().toString()), true);
        return;
    }
    startRun(std::move(*config), dialog.profile());
}

void RunsPage::startRun(wb::run::RunConfig config, const ProfileEntry& profile)
{
    RunJob job;
    job.databasePath = databasePath();
    job.create = std::move(config);
    job.keyVariable = profile.keyVariable();
    m_activeRun = 0;
    resetProgress(tr("New run"));
    startJob(std::move(job), profile.keySource == KeySource::Keychain ? &profile : nullptr);
}

void RunsPage::resumeRun(qint64 runId)
{
    const RunRow* row = m_model->findRun(runId);
    RunJob job;
    job.databasePath = databasePath();
    job.runId = runId;
    m_activeRun = runId;
    resetProgress(tr("Run %1").arg(runId));
    const QString variable = row ? QString::fromStdString(row->keyVariable) : QString();
    if (!variable.startsWith(keychainVariablePrefix())) {
        job.keyVariable = variable;
        startJob(std::move(job), nullptr);
        return;
    }
    // A run created from a keychain profile stored the generated variable name; it leads back to the entry.
    const std::vector<ProfileEntry> profiles = loadProfiles(m_settings);
    const ProfileEntry* profile = findProfileByKeyVariable(profiles, variable);
    if (!profile) {
        onFailed(runId,
            tr("Run %1 takes its key from the keychain (%2), but no backend profile uses that entry any more.")
                .arg(runId)
                .arg(variable));
        return;
    }
    job.keyVariable = variable;
    startJob(std::move(job), profile);
}

void RunsPage::startJob(RunJob job, const ProfileEntry* keychainProfile)
{
    if (isRunning()) {
        showMessage(tr("A run is executing already."), true);
        return;
    }
    if (!keychainProfile) {
        // Read here, on the GUI thread; the worker gets the value, the environment stays as the user set it.
        if (!job.keyVariable.isEmpty())
            job.secret = qEnvironmentVariable(job.keyVariable.toLocal8Bit().constData());
        m_controller->start(std::move(job));
        return;
    }
    showMessage(tr("Reading the key from the keychain…"), false);
    m_newRunAction->setEnabled(false);
    m_resumeAction->setEnabled(false);
    Keychain::read(
        keychainProfile->keychainEntry, this, [this, job](std::optional<QString> secret, const QString& error) mutable {
            if (!secret) {
                onFailed(job.runId, error);
                return;
            }
            job.secret = *secret;
            showMessage(QString(), false);
            m_controller->start(std::move(job));
        });
}

void RunsPage::cancelRun()
{
    if (!isRunning())
        return;
    m_controller->cancel();
    showMessage(tr("Cancelling… calls already sent may still deliver their responses."), false);
    m_cancelAction->setEnabled(false);
}

void RunsPage::resetProgress(const QString& title)
{
    m_progressBox->setTitle(title);
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    m_progressBar->setFormat(tr("Not running"));
    for (QLabel* label : { m_callsLabel, m_problemsLabel, m_rateLabel, m_tokensLabel, m_errorsLabel, m_etaLabel })
        label->setText(QStringLiteral("–"));
    showMessage(QString(), false);
}

void RunsPage::onProgress(qint64 runId, const wb::run::Progress& p)
{
    m_activeRun = runId;
    const int total = static_cast<int>(std::min<std::uint64_t>(p.totalCalls, INT_MAX));
    m_progressBar->setRange(0, std::max(total, 1));
    m_progressBar->setValue(static_cast<int>(std::min<std::uint64_t>(p.doneCalls, INT_MAX)));
    m_progressBar->setFormat(tr("%p% of the calls"));
    m_callsLabel->setText(tr("%1 / %2 (%3 in flight)").arg(count(p.doneCalls), count(p.totalCalls), count(p.inFlight)));
    m_problemsLabel->setText(tr("%1 / %2").arg(count(p.doneProblems), count(p.totalProblems)));
    m_rateLabel->setText(tr("%1 calls/s").arg(QLocale().toString(p.callsPerSecond, 'f', 1)));
    m_tokensLabel->setText(tr("%1 prompt + %2 completion").arg(count(p.promptTokens), count(p.completionTokens)));
    m_errorsLabel->setText(p.failedCalls == 0
            ? QStringLiteral("0")
            : tr("%1 calls, %2 problems").arg(count(p.failedCalls), count(p.failedProblems)));
    m_etaLabel->setText(p.finished ? tr("done")
            : p.etaSeconds < 0     ? tr("unknown")
                                   : QString::fromStdString(wb::run::formatDuration(p.etaSeconds)));
    if (!p.lastError.empty())
        showMessage(tr("Last error: %1").arg(QString::fromStdString(p.lastError)), true);
    m_model->updateProgress(runId, p);
}

void RunsPage::onFinished(qint64 runId, const wb::run::RunSummary& summary)
{
    m_model->setStatus(runId, summary.status);
    updateButtons(); // the row's status changed after the controller reported it stopped
    const wb::run::OutcomeCounts counts { summary.problems, summary.correct, summary.wrong, summary.noAnswer,
        summary.errors };
    const QString status = QString::fromStdString(wb::run::statusText(summary.status, counts));
    if (summary.status == wb::store::RunStatus::Cancelled)
        showMessage(tr("Run %1 cancelled after %2 of %3 calls; Resume continues it without re-sending anything stored.")
                        .arg(runId)
                        .arg(count(summary.doneCalls), count(summary.plannedCalls)),
            false);
    else
        showMessage(tr("Run %1 %2: accuracy %3; %4.")
                        .arg(runId)
                        .arg(status, QString::fromStdString(wb::run::accuracyText(summary.accuracy)),
                            QString::fromStdString(wb::run::coverageText(counts))),
            summary.status != wb::store::RunStatus::Completed || !counts.clean());
    m_progressBar->setFormat(tr("%1 — %p%").arg(status));
    refresh();
    emit runFinished(runId, static_cast<int>(summary.status));
}

void RunsPage::onFailed(qint64 runId, const QString& message)
{
    m_progressBar->setFormat(tr("Failed"));
    showMessage(message, true);
    updateButtons();
    if (runId)
        refresh();
    emit runFailed(message);
}

void RunsPage::showSelectedRun()
{
    // While idle, the panel shows the stored figures of the selected run; the live panel of the run executed in
    // this session stays as it ended.
    const RunRow* row = m_model->findRun(selectedRun());
    if (isRunning() || !row || row->record.id == m_activeRun)
        return;
    const wb::store::RunRecord& run = row->record;
    m_progressBox->setTitle(
        tr("Run %1 — %2")
            .arg(run.id)
            .arg(m_model->index(m_model->rowOf(run.id), RunsModel::StatusColumn).data().toString()));
    m_progressBar->setRange(0, std::max(1, static_cast<int>(row->problems)));
    m_progressBar->setValue(static_cast<int>(std::min(run.results, row->problems)));
    m_progressBar->setFormat(tr("%p% of the problems have a result"));
    m_callsLabel->setText(tr("%1 stored").arg(count(run.doneCalls)));
    m_problemsLabel->setText(tr("%1 / %2").arg(count(run.results), count(row->problems)));
    m_errorsLabel->setText(run.errorCalls == 0 && run.errors == 0 && run.noAnswer == 0
            ? QStringLiteral("0")
            : tr("%1 calls; problems: %2 errors, %3 without answer")
                  .arg(count(run.errorCalls), count(run.errors), count(run.noAnswer)));
    for (QLabel* label : { m_rateLabel, m_tokensLabel, m_etaLabel })
        label->setText(QStringLiteral("–"));
}

void RunsPage::showMessage(const QString& text, bool error)
{
    m_messageLabel->setText(text);
    m_messageLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

qint64 RunsPage::selectedRun() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return 0;
    return m_proxy->data(current, RunsModel::RunIdRole).toLongLong();
}

void RunsPage::updateButtons()
{
    const bool running = isRunning();
    const RunRow* row = m_model->findRun(selectedRun());
    // Runs write calls and results: a database this process may not write offers neither.
    const bool writable = !m_databaseReadOnly;
    m_newRunAction->setEnabled(!running && writable);
    // A run still marked "running" while no run executes here was interrupted (crash, kill): resumable too.
    m_resumeAction->setEnabled(writable && !running && row
        && !(row->record.status == wb::store::RunStatus::Completed && row->record.errorCalls == 0));
    m_cancelAction->setEnabled(running);
}

void RunsPage::saveState() { saveHeader(m_view->horizontalHeader(), m_settings, Settings::Key::RunsTableHeader); }

} // namespace wb::ui
