// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/settings.h"

#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using wb::ui::Settings;

class TestSettings final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyKeyHasUniquePathAndDefault();
    void defaults();
    void typedSettersPersistAndSignal();
    void settingSameValueDoesNotSignal();
    void recentFilesAreBoundedAndDeduplicated();
    void migratesVersion0File();
    void resetToDefaults();

private:
    QString iniPath(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestSettings::everyKeyHasUniquePathAndDefault()
{
    QSet<QString> paths;
    for (int k = 0; k < static_cast<int>(Settings::Key::Count); ++k) {
        const auto key = static_cast<Settings::Key>(k);
        const QString path = Settings::path(key);
        QVERIFY2(!path.isEmpty(), qPrintable(QString::number(k)));
        QVERIFY2(!paths.contains(path), qPrintable(path));
        paths.insert(path);
        QVERIFY2(Settings::defaultValue(key).isValid(), qPrintable(path));
    }
}

void TestSettings::defaults()
{
    Settings settings(iniPath(QStringLiteral("defaults.ini")));
    QCOMPARE(settings.theta(), 0.5);
    QCOMPARE(settings.encoderKind(), QStringLiteral("builtin"));
    QVERIFY(settings.recentFiles().isEmpty());
    QVERIFY(!settings.demoOpened());
    QVERIFY(settings.bytes(Settings::Key::WindowGeometry).isEmpty());
    QCOMPARE(settings.value(Settings::Key::SettingsVersion).toInt(), Settings::kCurrentVersion);
}

void TestSettings::typedSettersPersistAndSignal()
{
    const QString path = iniPath(QStringLiteral("typed.ini"));
    {
        Settings settings(path);
        QSignalSpy changed(&settings, &Settings::changed);
        settings.setTheta(0.42);
        settings.setEncoderKind(QStringLiteral("embeddings"));
        settings.setEmbeddingsUrl(QStringLiteral("http://127.0.0.1:8080/v1"));
        settings.setBytes(Settings::Key::MainSplitter, QByteArray("\x01\x02", 2));
        settings.setDemoOpened(true);
        QCOMPARE(changed.count(), 5);
        QCOMPARE(changed.at(0).at(0).value<Settings::Key>(), Settings::Key::Theta);
        settings.sync();
    }
    Settings reopened(path);
    QCOMPARE(reopened.theta(), 0.42);
    QCOMPARE(reopened.encoderKind(), QStringLiteral("embeddings"));
    QCOMPARE(reopened.embeddingsUrl(), QStringLiteral("http://127.0.0.1:8080/v1"));
    QCOMPARE(reopened.bytes(Settings::Key::MainSplitter), QByteArray("\x01\x02", 2));
    QVERIFY(reopened.demoOpened());
}

void TestSettings::settingSameValueDoesNotSignal()
{
    Settings settings(iniPath(QStringLiteral("same.ini")));
    settings.setTheta(0.3);
    QSignalSpy changed(&settings, &Settings::changed);
    settings.setTheta(0.3);
    QCOMPARE(changed.count(), 0);
}

void TestSettings::recentFilesAreBoundedAndDeduplicated()
{
    Settings settings(iniPath(QStringLiteral("recent.ini")));
    for (int i = 0; i < Settings::kMaxRecentFiles + 3; ++i)
        settings.addRecentFile(QStringLiteral("/data/%1.jsonl").arg(i));
    QCOMPARE(settings.recentFiles().size(), Settings::kMaxRecentFiles);
    QCOMPARE(settings.recentFiles().first(), QStringLiteral("/data/12.jsonl"));
    settings.addRecentFile(QStringLiteral("/data/5.jsonl"));
    QCOMPARE(settings.recentFiles().first(), QStringLiteral("/data/5.jsonl"));
    QCOMPARE(settings.recentFiles().count(QStringLiteral("/data/5.jsonl")), 1);
    settings.clearRecentFiles();
    QVERIFY(settings.recentFiles().isEmpty());
}

void TestSettings::migratesVersion0File()
{
    const QString path = iniPath(QStringLiteral("old.ini"));
    {
        QSettings old(path, QSettings::IniFormat);
        old.setValue(QStringLiteral("theta"), 0.61);
    }
    Settings settings(path);
    QCOMPARE(settings.theta(), 0.61);
    settings.sync();
    QSettings raw(path, QSettings::IniFormat);
    QVERIFY(!raw.contains(QStringLiteral("theta")));
    QCOMPARE(raw.value(Settings::path(Settings::Key::SettingsVersion)).toInt(), Settings::kCurrentVersion);
}

void TestSettings::resetToDefaults()
{
    Settings settings(iniPath(QStringLiteral("reset.ini")));
    settings.setTheta(0.9);
    settings.addRecentFile(QStringLiteral("/x.jsonl"));
    QSignalSpy changed(&settings, &Settings::changed);
    settings.resetToDefaults();
    QVERIFY(changed.count() >= 2);
    QCOMPARE(settings.theta(), 0.5);
    QVERIFY(settings.recentFiles().isEmpty());
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
