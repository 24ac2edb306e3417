// SPDX-License-Identifier: Apache-2.0
#include "core/store/store.h"

#include "support/cli.h"
#include "support/testpaths.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

class TestDemoCli final : public QObject {
    Q_OBJECT
private slots:
    void importsTheI3cDemonstrationsAsANamedSet()
    {
        WB_REQUIRE_SHARED_DATASETS();
        QTemporaryDir dir;
        const std::string db = (dir.path() + QStringLiteral("/wb.db")).toStdString();
        const auto imported
            = wb::test::runCli({ "import-demos", wb::test::sharedPath("i3c-preprocessed/demonstrations/GSM8K.json"),
                "--db", db, "--name", "i3c-gsm8k", "--json" });
        WB_EXPECT_STATUS(imported, 0);
        const auto json = nlohmann::json::parse(imported.out);
        QCOMPARE(json["items"].get<int>(), 8);

        auto store = wb::store::Store::open(db);
        QVERIFY(store.ok());
        auto sets = store->listDemoSets();
        QVERIFY(sets.ok());
        QCOMPARE(sets->size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(sets->front().name), QStringLiteral("i3c-gsm8k"));
        QVERIFY(sets->front().howMade.find("imported from") != std::string::npos);
        const auto items = nlohmann::json::parse(sets->front().itemsJson);
        QCOMPARE(items.size(), std::size_t(8));
        QVERIFY(items[0]["question"].get<std::string>().find("umbrellas") != std::string::npos);
    }

    void rejectsAFileThatIsNotADemonstrationSet()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/notdemos.json")).toStdString();
        std::ofstream(path) << "{\"unexpected\": 1";
        const auto rejected
            = wb::test::runCli({ "import-demos", path, "--db", (dir.path() + QStringLiteral("/wb.db")).toStdString() });
        WB_EXPECT_STATUS(rejected, 2);
        QVERIFY2(rejected.err.find("notdemos.json") != std::string::npos, rejected.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TestDemoCli)
#include "tst_democli.moc"
