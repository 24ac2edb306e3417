// SPDX-License-Identifier: Apache-2.0
#include "ui/platform/keychain.h"
#include "ui/runs/connectiontest.h"
#include "ui/runs/profileentry.h"
#include "ui/settings/settings.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace wb::ui;

class TestRunsProfiles final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void profilesRoundTripThroughSettings();
    void settingsNeverHoldTheKey();
    void brokenProfileJsonIsDropped();
    void keychainVariableNames_data();
    void keychainVariableNames();
    void describeConnection_data();
    void describeConnection();
    void azureNotFoundGivesNoV1Advice();
    void memoryKeychainStoresAndReads();
    void unavailableKeychainSaysSo();
    void osKeychainAnswersOrExplains();

private:
    QTemporaryDir m_dir;
};

void TestRunsProfiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestRunsProfiles::cleanup() { Keychain::setMemoryBackendForTesting(false); }

void TestRunsProfiles::profilesRoundTripThroughSettings()
{
    Settings settings(m_dir.filePath(QStringLiteral("roundtrip.ini")));
    QCOMPARE(loadProfiles(settings).size(), std::size_t(1)); // the default OpenAI profile
    ProfileEntry local;
    local.backend.name = "local vLLM";
    local.backend.baseUrl = "http://127.0.0.1:8000/v1";
    local.backend.model = "qwen2.5-7b";
    local.backend.apiKeyEnv = "VLLM_KEY";
    local.backend.concurrency = 32;
    local.backend.requestTimeoutS = 90;
    local.backend.maxRetries = 7;
    ProfileEntry cloud;
    cloud.backend.name = "cloud";
    cloud.backend.model = "gpt-4o-mini";
    cloud.keySource = KeySource::Keychain;
    cloud.keychainEntry = QStringLiteral("openai-work");
    saveProfiles(settings, { local, cloud });
    settings.sync();

    Settings reread(m_dir.filePath(QStringLiteral("roundtrip.ini")));
    const std::vector<ProfileEntry> profiles = loadProfiles(reread);
    QCOMPARE(profiles.size(), std::size_t(2));
    QCOMPARE(profiles[0].backend.baseUrl, local.backend.baseUrl);
    QCOMPARE(profiles[0].backend.concurrency, 32);
    QCOMPARE(profiles[0].backend.maxRetries, 7);
    QCOMPARE(profiles[0].keySource, KeySource::Environment);
    QCOMPARE(profiles[0].keyVariable(), QStringLiteral("VLLM_KEY"));
    QCOMPARE(profiles[1].keySource, KeySource::Keychain);
    QCOMPARE(profiles[1].keychainEntry, QStringLiteral("openai-work"));
    QCOMPARE(QString::fromStdString(profiles[1].runtimeProfile().apiKeyEnv),
        keychainVariableName(QStringLiteral("openai-work")));
    QCOMPARE(findProfileByKeyVariable(profiles, keychainVariableName(QStringLiteral("openai-work"))), &profiles[1]);
    QVERIFY(!findProfileByKeyVariable(profiles, QStringLiteral("OTHER")));
}

void TestRunsProfiles::settingsNeverHoldTheKey()
{
    const QString path = m_dir.filePath(QStringLiteral("nokey.ini"));
    {
        Settings settings(path);
        ProfileEntry cloud;
        cloud.backend.name = "cloud";
        cloud.backend.model = "m";
        cloud.keySource = KeySource::Keychain;
        cloud.keychainEntry = QStringLiteral("entry");
        saveProfiles(settings, { cloud });
        settings.sync();
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("entry"));
    QVERIFY(!text.contains("api_key\""));
    QVERIFY(!text.toLower().contains("bearer"));
}

void TestRunsProfiles::brokenProfileJsonIsDropped()
{
    QVERIFY(profilesFromJson("not json").empty());
    QVERIFY(profilesFromJson("{}").empty());
    const auto profiles
        = profilesFromJson(R"([{"name":"ok","model":"m"},{"model":"no name"},{"name":"bad","concurrency":"x"}])");
    QCOMPARE(profiles.size(), std::size_t(1));
    QCOMPARE(profiles[0].name(), QStringLiteral("ok"));
}

void TestRunsProfiles::keychainVariableNames_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("stem");
    QTest::newRow("plain") << "openai"
                           << "WB_KEYCHAIN_KEY_OPENAI_";
    QTest::newRow("punctuation") << "my key/2"
                                 << "WB_KEYCHAIN_KEY_MY_KEY_2_";
    QTest::newRow("non-ascii") << "clé"
                               << "WB_KEYCHAIN_KEY_CL_";
}

void TestRunsProfiles::keychainVariableNames()
{
    QFETCH(QString, entry);
    QFETCH(QString, stem);
    const QString name = keychainVariableName(entry);
    QVERIFY2(name.startsWith(stem), qPrintable(name));
    QCOMPARE(name.size(), stem.size() + 6);
    QCOMPARE(keychainVariableName(entry), name); // stable: a resumed run finds its entry again
    for (const QChar c : name)
        QVERIFY(c.isUpper() || c.isDigit() || c == QLatin1Char('_'));
    QVERIFY(keychainVariableName(entry + QLatin1Char('.')) != name);
}

void TestRunsProfiles::describeConnection_data()
{
    QTest::addColumn<bool>("failed");
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("models");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("listed");
    QTest::addColumn<QString>("contains");
    QTest::newRow("listed") << false << 0 << QStringList { QStringLiteral("a"), QStringLiteral("m") } << true << true
                            << "lists 2 model(s), including m";
    QTest::newRow("not listed") << false << 0 << QStringList { QStringLiteral("a") } << true << false << "but not m";
    QTest::newRow("401") << true << int(wb::ErrorCode::Auth) << QStringList() << false << false
                         << "key was rejected by http://h/v1/models";
    QTest::newRow("network") << true << int(wb::ErrorCode::Network) << QStringList() << false << false
                             << "Could not reach";
    QTest::newRow("404") << true << int(wb::ErrorCode::NotFound) << QStringList() << false << false << "ends in /v1";
    QTest::newRow("500") << true << int(wb::ErrorCode::Http) << QStringList() << false << false
                         << "answered with an error: boom";
}

void TestRunsProfiles::describeConnection()
{
    QFETCH(bool, failed);
    QFETCH(int, code);
    QFETCH(QStringList, models);
    QFETCH(bool, ok);
    QFETCH(bool, listed);
    QFETCH(QString, contains);
    std::vector<std::string> list;
    for (const QString& m : models)
        list.push_back(m.toStdString());
    const wb::Result<std::vector<std::string>> answer = failed
        ? wb::Result<std::vector<std::string>>(
            wb::makeError(static_cast<wb::ErrorCode>(code), "boom", "http://h/v1/models"))
        : wb::Result<std::vector<std::string>>(list);
    const ConnectionReport report = wb::ui::describeConnection(answer, "m", "http://h/v1/models");
    QCOMPARE(report.ok, ok);
    QCOMPARE(report.modelListed, listed);
    QCOMPARE(report.models, int(list.size()));
    QVERIFY2(report.message.contains(contains), qPrintable(report.message));
}

void TestRunsProfiles::azureNotFoundGivesNoV1Advice()
{
    const QString url = QStringLiteral("https://res.openai.azure.com/openai/models?api-version=2024-10-21");
    const wb::Result<std::vector<std::string>> answer = wb::makeError(
        wb::ErrorCode::NotFound, "check the resource URL and api-version 2024-10-21", url.toStdString());
    const ConnectionReport report = wb::ui::describeConnection(answer, "gpt4o", url.toStdString());
    QVERIFY2(!report.message.contains(QStringLiteral("/v1")), qPrintable(report.message));
    QVERIFY(report.message.contains(QStringLiteral("api-version 2024-10-21")));
}

void TestRunsProfiles::memoryKeychainStoresAndReads()
{
    Keychain::setMemoryBackendForTesting(true);
    QObject context;
    QString writeError = QStringLiteral("pending");
    Keychain::write(
        QStringLiteral("e"), QStringLiteral("k1"), &context, [&](const QString& error) { writeError = error; });
    QTRY_VERIFY(writeError != QStringLiteral("pending"));
    QVERIFY(writeError.isEmpty());
    std::optional<QString> secret;
    bool done = false;
    Keychain::read(QStringLiteral("e"), &context, [&](std::optional<QString> s, const QString&) {
        secret = s;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(secret.value_or(QString()), QStringLiteral("k1"));
    done = false;
    QString error;
    Keychain::read(QStringLiteral("missing"), &context, [&](std::optional<QString> s, const QString& e) {
        secret = s;
        error = e;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(!secret);
    QVERIFY2(error.contains(QStringLiteral("missing")), qPrintable(error));
}

void TestRunsProfiles::unavailableKeychainSaysSo()
{
    Keychain::setUnavailableForTesting(true);
    QObject context;
    bool done = false;
    QString error;
    Keychain::read(QStringLiteral("e"), &context, [&](std::optional<QString> secret, const QString& e) {
        QVERIFY(!secret);
        error = e;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY2(error.contains(QStringLiteral("environment variable")), qPrintable(error));
    Keychain::setUnavailableForTesting(false);
}

void TestRunsProfiles::osKeychainAnswersOrExplains()
{
    // The real keychain: on a desktop an unknown entry is "not found"; headless (no Secret Service) the call
    // must still come back, with a message, instead of hanging or crashing.
    QObject context;
    bool done = false;
    std::optional<QString> secret;
    QString error;
    Keychain::read(
        QStringLiteral("wb-test-entry-that-does-not-exist"), &context, [&](std::optional<QString> s, const QString& e) {
            secret = s;
            error = e;
            done = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
    QVERIFY(!secret);
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QStringLiteral("keychain")), qPrintable(error));
    qInfo("%s", qPrintable(error));
}

QTEST_GUILESS_MAIN(TestRunsProfiles)
#include "tst_runsprofiles.moc"
