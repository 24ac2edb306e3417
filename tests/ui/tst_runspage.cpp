// SPDX-License-Identifier: Apache-2.0
// The Runs page against the fake OpenAI server: the window stays responsive during a run, cancel and resume
// never send a call twice, and a keychain key reaches the server without being stored anywhere.
#include "core/run/methodprogram.h"
#include "core/store/store.h"
#include "support/fakeserver.h"
#include "ui/pages/runspage.h"
#include "ui/platform/keychain.h"
#include "ui/runs/profileentry.h"
#include "ui/runs/profilesdialog.h"
#include "ui/runs/runcontroller.h"
#include "ui/runs/runsmodel.h"
#include "ui/settings/settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <fstream>

using namespace wb::ui;

namespace {
constexpr int kProblems = 60;

/// GSM8K-style problems with three conditions, one of them irrelevant.
bool writeDataset(const QString& path)
{
    std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
    for (int i = 0; i < kProblems; ++i) {
        const int a = 3 + i, b = 2 + (i * 7) % 11, c = 10 + (i * 13) % 17;
        const std::string question = "Tom has " + std::to_string(a) + " apples. Tom buys " + std::to_string(b)
            + " more apples. The neighbour owns " + std::to_string(c)
            + " blue bicycles. How many apples does Tom have now?";
        out << nlohmann::json { { "question", question }, { "answer", "#### " + std::to_string(a + b) } }.dump()
            << '\n';
    }
    return bool(out);
}

/// Measures the longest gap between ticks of a 10 ms timer: how long the GUI thread was kept from its loop.
class LatencyProbe : public QObject {
public:
    LatencyProbe()
    {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this]() { m_maxGap = std::max(m_maxGap, m_clock.restart()); });
        m_clock.start();
        m_timer.start();
    }
    qint64 maxGapMs() const { return m_maxGap; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_maxGap = 0;
};
} // namespace

class TestRunsPage final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void staysResponsiveCancelsAndResumesWithoutResending();
    void keychainKeyReachesServerButIsNeverStored();
    void missingKeychainFailsWithClearMessage();
    void connectionTestDuringRunKeepsKeysApart();
    void newRunDialogOffersOpenAndStoredDatasets();
    void testConnectionListsModels();
    void profileEditorKeepsBackendSettings();
    void testConnectionExplainsUnreachableServer();

private:
    wb::run::RunConfig config(const wb::test::FakeServer& server, const ProfileEntry& profile) const;
    ProfileEntry envProfile(const wb::test::FakeServer& server) const;

    QTemporaryDir m_dir;
    QString m_dataset;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<RunsPage> m_page;
};

void TestRunsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_dataset = m_dir.filePath(QStringLiteral("problems.jsonl"));
    QVERIFY(writeDataset(m_dataset));
}

void TestRunsPage::init()
{
    static int counter = 0;
    ++counter;
    m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings%1.ini").arg(counter)));
    m_page = std::make_unique<RunsPage>(*m_settings);
    m_page->resize(1200, 700);
    m_page->setDatabasePath(m_dir.filePath(QStringLiteral("runs%1.sqlite").arg(counter)));
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestRunsPage::cleanup()
{
    m_page.reset();
    m_settings.reset();
    Keychain::setMemoryBackendForTesting(false);
}

ProfileEntry TestRunsPage::envProfile(const wb::test::FakeServer& server) const
{
    ProfileEntry profile;
    profile.backend.name = "fake";
    profile.backend.baseUrl = server.baseUrl();
    profile.backend.model = "fake-model";
    profile.backend.apiKeyEnv = "WB_TEST_UNSET_KEY";
    profile.backend.concurrency = 4;
    return profile;
}

wb::run::RunConfig TestRunsPage::config(const wb::test::FakeServer&, const ProfileEntry& profile) const
{
    wb::run::RunConfig config;
    config.name = "gui test";
    config.datasetPath = m_dataset.toStdString();
    config.datasetFormat = "auto";
    const auto method = wb::run::resolveMethod("zero-shot-cot+i3c", config);
    if (!method)
        qFatal("%s", method.error().toString().c_str());
    config.backend = profile.runtimeProfile();
    return config;
}

void TestRunsPage::staysResponsiveCancelsAndResumesWithoutResending()
{
    wb::test::FakeServerConfig serverConfig;
    serverConfig.latency = std::chrono::milliseconds(20);
    wb::test::FakeServer server(serverConfig);
    QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
    const ProfileEntry profile = envProfile(server);

    QSignalSpy started(m_page.get(), &RunsPage::runStarted);
    QSignalSpy finished(m_page.get(), &RunsPage::runFinished);
    QSignalSpy failed(m_page.get(), &RunsPage::runFailed);
    std::uint64_t planned = 0, doneAtCancel = 0;
    int progressSignals = 0;
    bool cancelled = false;
    connect(m_page->controller(), &RunController::progress, this, [&](qint64, const wb::run::Progress& p) {
        ++progressSignals;
        planned = p.totalCalls;
        if (!cancelled && p.doneCalls >= 30) {
            cancelled = true;
            doneAtCancel = p.doneCalls;
            m_page->cancelRun();
        }
    });

    LatencyProbe probe;
    QElapsedTimer wall;
    wall.start();
    m_page->startRun(config(server, profile), profile);
    QVERIFY(m_page->isRunning());
    QVERIFY(finished.wait(60000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(started.count(), 1);
    const qint64 runId = started.first().at(0).toLongLong();
    QCOMPARE(finished.first().at(1).toInt(), int(wb::store::RunStatus::Cancelled));
    QVERIFY(cancelled);
    QVERIFY2(planned >= 100, qPrintable(QString::number(planned)));

    QTRY_VERIFY(!m_page->isRefreshing());
    const RunRow* row = m_page->model()->findRun(runId);
    QVERIFY(row);
    QCOMPARE(row->record.status, wb::store::RunStatus::Cancelled);
    QVERIFY(row->record.doneCalls >= doneAtCancel);
    QVERIFY(row->record.doneCalls < planned);
    const int sentBeforeResume = server.totalSuccesses();

    m_page->resumeRun(runId);
    QVERIFY(finished.wait(60000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(finished.last().at(1).toInt(), int(wb::store::RunStatus::Completed));
    const qint64 elapsed = wall.elapsed();

    QTRY_VERIFY(!m_page->isRefreshing());
    row = m_page->model()->findRun(runId);
    QCOMPARE(row->record.status, wb::store::RunStatus::Completed);
    QCOMPARE(std::uint64_t(row->record.doneCalls), planned);
    QCOMPARE(row->record.results, std::size_t(kProblems));
    // Nothing answered before the cancel was asked for again, and no call was answered twice.
    QCOMPARE(server.maxSuccessesPerBody(), 1);
    QCOMPARE(std::uint64_t(server.totalSuccesses()), planned);
    QVERIFY(server.totalSuccesses() > sentBeforeResume);
    // Progress arrives throttled (≤ 10/s plus the final snapshots), not once per call.
    QVERIFY2(progressSignals <= int(elapsed / 100) + 6,
        qPrintable(QStringLiteral("%1 signals in %2 ms").arg(progressSignals).arg(elapsed)));
    auto* bar = m_page->findChild<QProgressBar*>(QStringLiteral("runProgressBar"));
    QCOMPARE(bar->value(), bar->maximum());
    qInfo("%llu calls in %lld ms, %d progress signals, longest GUI event-loop gap %lld ms", (unsigned long long)planned,
        elapsed, progressSignals, probe.maxGapMs());
    // 10 ms ticks: a 100 ms gap would be a visible stall (measured: about 20 ms on a loaded 2-core machine).
    // An unoptimised sanitizer build runs every slot several times slower, so there only blocking work on the GUI
    // thread (a network wait, a whole-run query) is caught.
#ifdef __SANITIZE_ADDRESS__
    constexpr qint64 kStallMs = 400;
#else
    constexpr qint64 kStallMs = 100;
#endif
    QVERIFY2(probe.maxGapMs() < kStallMs, qPrintable(QString::number(probe.maxGapMs())));
}

void TestRunsPage::keychainKeyReachesServerButIsNeverStored()
{
    const std::string secret = "sk-test-0123456789abcdef";
    wb::test::FakeServerConfig serverConfig;
    serverConfig.requiredKey = secret;
    wb::test::FakeServer server(serverConfig);
    QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
    Keychain::setMemoryBackendForTesting(true);
    ProfileEntry profile = envProfile(server);
    profile.keySource = KeySource::Keychain;
    profile.keychainEntry = QStringLiteral("fake server");
    saveProfiles(*m_settings, { profile });
    bool written = false;
    Keychain::write(profile.keychainEntry, QString::fromStdString(secret), this, [&](const QString& error) {
        QVERIFY(error.isEmpty());
        written = true;
    });
    QTRY_VERIFY(written);

    wb::run::RunConfig run = config(server, profile);
    run.limit = 3;
    QSignalSpy finished(m_page.get(), &RunsPage::runFinished);
    QSignalSpy failed(m_page.get(), &RunsPage::runFailed);
    m_page->startRun(run, profile);
    QVERIFY(finished.wait(30000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(finished.first().at(1).toInt(), int(wb::store::RunStatus::Completed));
    QVERIFY(server.totalSuccesses() > 0);
    const QByteArray variable = profile.keyVariable().toLatin1();
    QVERIFY(variable.startsWith("WB_KEYCHAIN_KEY_"));
    QVERIFY2(!qEnvironmentVariableIsSet(variable.constData()), "the key variable must be gone after the run");

    m_settings->sync();
    for (const QString& file : { m_page->databasePath(), m_settings->fileName() }) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(QByteArray::fromStdString(secret)), qPrintable(file));
    }
    QTRY_VERIFY(!m_page->isRefreshing());
    QCOMPARE(QString::fromStdString(m_page->model()->row(0)->keyVariable), profile.keyVariable());
}

void TestRunsPage::connectionTestDuringRunKeepsKeysApart()
{
    // The old GUI exported keys into the environment on worker threads: a test started during a run could
    // hand the run's key to the tested server, or the other way round. Keys are values now.
    const std::string runKey = "sk-run-profile-aaaaaaaaaaaa";
    const std::string testKey = "sk-tested-profile-bbbbbbbbbbbb";
    const std::string envKey = "sk-environment-cccccccccccc";
    wb::test::FakeServerConfig runConfig;
    runConfig.requiredKey = runKey;
    runConfig.latency = std::chrono::milliseconds(80);
    wb::test::FakeServer runServer(runConfig);
    wb::test::FakeServer testServer;
    QVERIFY2(runServer.start() && testServer.start(), "the fake server could not listen on 127.0.0.1");
    Keychain::setMemoryBackendForTesting(true);
    int written = 0;
    for (const auto& [entry, key] : { std::pair { "run profile", runKey }, std::pair { "tested profile", testKey } })
        Keychain::write(QString::fromLatin1(entry), QString::fromStdString(key), this, [&](const QString& error) {
            QVERIFY(error.isEmpty());
            ++written;
        });
    QTRY_COMPARE(written, 2);
    ProfileEntry running = envProfile(runServer);
    running.keySource = KeySource::Keychain;
    running.keychainEntry = QStringLiteral("run profile");
    ProfileEntry tested = envProfile(testServer);
    tested.backend.name = "tested";
    tested.keySource = KeySource::Keychain;
    tested.keychainEntry = QStringLiteral("tested profile");
    ProfileEntry fromEnvironment = envProfile(testServer);
    fromEnvironment.backend.name = "environment";
    fromEnvironment.backend.apiKeyEnv = "WB_TEST_RUNSPAGE_ENV_KEY";
    qputenv("WB_TEST_RUNSPAGE_ENV_KEY", QByteArray::fromStdString(envKey));

    QSignalSpy finished(m_page.get(), &RunsPage::runFinished);
    m_page->startRun(config(runServer, running), running);
    QTRY_VERIFY_WITH_TIMEOUT(runServer.totalRequests() > 0, 20000);
    QVERIFY(!qEnvironmentVariableIsSet(running.keyVariable().toLatin1().constData()));
    ProfilesDialog dialog({ tested, fromEnvironment }, QStringLiteral("tested"));
    QSignalSpy testedSpy(&dialog, &ProfilesDialog::connectionTested);
    dialog.testConnection();
    QVERIFY(testedSpy.wait(20000));
    dialog.findChild<QComboBox*>(QStringLiteral("profileCombo"))->setCurrentIndex(1);
    dialog.testConnection();
    QVERIFY(testedSpy.wait(20000));
    QVERIFY2(m_page->isRunning(), "both tests ran while the run was sending");
    QVERIFY(finished.wait(60000));
    qunsetenv("WB_TEST_RUNSPAGE_ENV_KEY");

    const std::map<std::string, int> runSeen = runServer.presentedKeys();
    QCOMPARE(runSeen.size(), std::size_t(1));
    QCOMPARE(runSeen.begin()->first, runKey);
    const std::map<std::string, int> testSeen = testServer.presentedKeys();
    QCOMPARE(testSeen, (std::map<std::string, int> { { envKey, 1 }, { testKey, 1 } }));
}

void TestRunsPage::missingKeychainFailsWithClearMessage()
{
    wb::test::FakeServer server;
    QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
    Keychain::setUnavailableForTesting(true);
    ProfileEntry profile = envProfile(server);
    profile.keySource = KeySource::Keychain;
    profile.keychainEntry = QStringLiteral("absent");
    QSignalSpy failed(m_page.get(), &RunsPage::runFailed);
    m_page->startRun(config(server, profile), profile);
    QVERIFY(failed.wait(10000));
    const QString message = failed.first().at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("keychain")), qPrintable(message));
    auto* label = m_page->findChild<QLabel*>(QStringLiteral("runMessageLabel"));
    QCOMPARE(label->text(), message);
    QVERIFY(!m_page->isRunning());
    QCOMPARE(server.totalRequests(), 0);
    Keychain::setUnavailableForTesting(false);
}

void TestRunsPage::newRunDialogOffersOpenAndStoredDatasets()
{
    QVERIFY(m_page->datasetChoices().empty());
    auto dataset = std::make_shared<wb::dataset::Dataset>();
    dataset->info.name = "open.jsonl";
    dataset->info.path = "/tmp/open.jsonl";
    dataset->info.contentHash = "abc";
    dataset->problems.resize(4);
    m_page->setDataset(dataset);
    const auto choices = m_page->datasetChoices();
    QCOMPARE(choices.size(), std::size_t(1));
    QCOMPARE(choices[0].contentHash, std::string("abc"));
    QCOMPARE(choices[0].problems, std::size_t(4));
    QVERIFY(choices[0].label.contains(QStringLiteral("open.jsonl")));
}

void TestRunsPage::testConnectionListsModels()
{
    wb::test::FakeServer server;
    QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
    ProfileEntry missing = envProfile(server);
    missing.backend.name = "other";
    missing.backend.model = "no-such-model";
    ProfilesDialog dialog({ envProfile(server), missing }, QStringLiteral("fake"));
    QSignalSpy tested(&dialog, &ProfilesDialog::connectionTested);
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("testConnectionButton")), Qt::LeftButton);
    QVERIFY(tested.wait(20000));
    QVERIFY(tested.first().at(0).toBool());
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("connectionStatus"));
    QVERIFY2(
        status->text().contains(QStringLiteral("lists 2 model(s), including fake-model")), qPrintable(status->text()));

    dialog.findChild<QComboBox*>(QStringLiteral("profileCombo"))->setCurrentIndex(1);
    dialog.testConnection();
    QVERIFY(tested.wait(20000));
    QVERIFY2(status->text().contains(QStringLiteral("but not no-such-model")), qPrintable(status->text()));
}

void TestRunsPage::profileEditorKeepsBackendSettings()
{
    wb::test::FakeServer server;
    ProfilesDialog dialog({ envProfile(server) }, QStringLiteral("fake"));
    dialog.findChild<QLineEdit*>(QStringLiteral("profileBaseUrl"))
        ->setText(QStringLiteral("https://res.openai.azure.com/openai/deployments/o4"));
    dialog.findChild<QLineEdit*>(QStringLiteral("profileApiVersion"))->setText(QStringLiteral("2024-10-21"));
    dialog.findChild<QCheckBox*>(QStringLiteral("profileReasoningModel"))->setChecked(true);
    dialog.findChild<QComboBox*>(QStringLiteral("profileReasoningEffort"))->setCurrentText(QStringLiteral("high"));
    dialog.findChild<QDoubleSpinBox*>(QStringLiteral("profileMaxWait"))->setValue(90);
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    const wb::llm::BackendProfile p = dialog.profiles().front().backend;
    QCOMPARE(QString::fromStdString(p.apiVersion), QStringLiteral("2024-10-21"));
    QVERIFY(p.reasoningModel);
    QCOMPARE(QString::fromStdString(p.reasoningEffort), QStringLiteral("high"));
    QCOMPARE(p.maxWaitS, 90.0);
    QVERIFY(p.check().ok());
    QVERIFY(p.sendsApiKeyHeader());
}

void TestRunsPage::testConnectionExplainsUnreachableServer()
{
    // (The fake server checks keys only on chat and embeddings, so the 401 wording is covered by
    // tst_runsprofiles' describeConnection table.)
    wb::test::FakeServer server;
    QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
    ProfileEntry profile = envProfile(server);
    const std::string wrongUrl = server.baseUrl().substr(0, server.baseUrl().size() - 3); // without "/v1"
    profile.backend.baseUrl = wrongUrl;
    profile.backend.maxRetries = 0;
    ProfilesDialog dialog({ profile }, QStringLiteral("fake"));
    QSignalSpy tested(&dialog, &ProfilesDialog::connectionTested);
    dialog.testConnection();
    QVERIFY(tested.wait(20000));
    QVERIFY(!tested.first().at(0).toBool());
    const QString message = tested.first().at(1).toString();
    QVERIFY2(message.contains(QString::fromStdString(wrongUrl + "/models")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("base URL")), qPrintable(message));
}

QTEST_MAIN(TestRunsPage)
#include "tst_runspage.moc"
