// SPDX-License-Identifier: Apache-2.0
// Where the program finds its shipped data: the override, an installed (possibly moved) tree, a build tree.
#include "core/common/datadir.h"
#include "support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

namespace {

/// Creates `relative` (a folder, or a file when it ends in a name with a dot) below `root`.
void make(const QString& root, const QString& relative)
{
    const QString path = root + QLatin1Char('/') + relative;
    if (QFileInfo(relative).suffix().isEmpty()) {
        QVERIFY(QDir().mkpath(path));
        return;
    }
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
}

std::string at(const QString& root, const char* relative)
{
    return QDir::cleanPath(root + QLatin1Char('/') + QLatin1String(relative)).toStdString();
}

} // namespace

class TestDataDir final : public QObject {
    Q_OBJECT
private slots:
    void init() { QVERIFY(m_root.isValid()); }
    void cleanup() { QVERIFY(QDir(m_root.path()).removeRecursively()); }

    void installedTreeBesideTheExecutable()
    {
        make(m_root.path(), QStringLiteral("prefix/bin/i3c.bin"));
        make(m_root.path(), QStringLiteral("prefix/share/i3c-workbench/methods"));
        const auto dir = wb::findDataDir({ {}, at(m_root.path(), "prefix/bin/i3c.bin") });
        QVERIFY2(dir.ok(), dir.ok() ? "" : dir.error().toString().c_str());
        QCOMPARE(*dir, at(m_root.path(), "prefix/share/i3c-workbench"));
    }

    void buildTreeAboveTheExecutable()
    {
        make(m_root.path(), QStringLiteral("build/CMakeCache.txt"));
        make(m_root.path(), QStringLiteral("build/share/i3c-workbench/methods"));
        make(m_root.path(), QStringLiteral("build/app/cli/i3c.bin"));
        const auto dir = wb::findDataDir({ {}, at(m_root.path(), "build/app/cli/i3c.bin") });
        QVERIFY2(dir.ok(), dir.ok() ? "" : dir.error().toString().c_str());
        QCOMPARE(*dir, at(m_root.path(), "build/share/i3c-workbench"));
    }

    void installedTreeWinsOverTheBuildTreeAroundIt()
    {
        make(m_root.path(), QStringLiteral("build/CMakeCache.txt"));
        make(m_root.path(), QStringLiteral("build/share/i3c-workbench"));
        make(m_root.path(), QStringLiteral("build/stage/bin/i3c.bin"));
        make(m_root.path(), QStringLiteral("build/stage/share/i3c-workbench"));
        const auto dir = wb::findDataDir({ {}, at(m_root.path(), "build/stage/bin/i3c.bin") });
        QVERIFY(dir.ok());
        QCOMPARE(*dir, at(m_root.path(), "build/stage/share/i3c-workbench"));
    }

    void overrideWins()
    {
        make(m_root.path(), QStringLiteral("prefix/bin/i3c.bin"));
        make(m_root.path(), QStringLiteral("prefix/share/i3c-workbench"));
        make(m_root.path(), QStringLiteral("mine"));
        const auto dir = wb::findDataDir({ at(m_root.path(), "mine"), at(m_root.path(), "prefix/bin/i3c.bin") });
        QVERIFY(dir.ok());
        QCOMPARE(*dir, at(m_root.path(), "mine"));
    }

    void wrongOverrideIsAnErrorNotAFallback()
    {
        make(m_root.path(), QStringLiteral("prefix/bin/i3c.bin"));
        make(m_root.path(), QStringLiteral("prefix/share/i3c-workbench"));
        const std::string missing = at(m_root.path(), "missing");
        const auto dir = wb::findDataDir({ missing, at(m_root.path(), "prefix/bin/i3c.bin") });
        QVERIFY(!dir.ok());
        QCOMPARE(dir.error().code, wb::ErrorCode::NotFound);
        QCOMPARE(dir.error().location, missing);
        QVERIFY(dir.error().message.find(wb::kDataDirEnv) != std::string::npos);
    }

    void nothingFoundNamesThePlacesTried()
    {
        make(m_root.path(), QStringLiteral("loose/bin/i3c.bin"));
        const auto dir = wb::findDataDir({ {}, at(m_root.path(), "loose/bin/i3c.bin") });
        QVERIFY(!dir.ok());
        QCOMPARE(dir.error().code, wb::ErrorCode::NotFound);
        QVERIFY2(dir.error().message.find(at(m_root.path(), "loose/share/i3c-workbench")) != std::string::npos,
            dir.error().message.c_str());
        QVERIFY(dir.error().message.find(wb::kDataDirEnv) != std::string::npos);
    }

    void thisTestFindsTheBuildTreesData()
    {
        qunsetenv(wb::kDataDirEnv);
        const auto methods = wb::dataPath("methods/direct.json");
        QVERIFY2(methods.ok(), methods.ok() ? "" : methods.error().toString().c_str());
        QCOMPARE(QFileInfo(QString::fromStdString(*methods)).canonicalFilePath(),
            QFileInfo(wb::test::sourceDir() + QStringLiteral("/resources/methods/direct.json")).canonicalFilePath());
        const auto demo = wb::dataPath("datasets/demo/demo.jsonl");
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());
        const auto missing = wb::dataPath("no/such/file");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, wb::ErrorCode::NotFound);
    }

private:
    QTemporaryDir m_root;
};

QTEST_GUILESS_MAIN(TestDataDir)
#include "tst_datadir.moc"
