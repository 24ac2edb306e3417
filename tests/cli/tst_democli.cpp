// SPDX-License-Identifier: Apache-2.0
#include "app/cli/cli.h"
#include "core/store/store.h"

#include "support/testpaths.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

class TestDemoCli final : public QObject {
    Q_OBJECT
private slots:
    void importsTheI3cDemonstrationsAsANamedSet()
    {
        WB_REQUIRE_SHARED_DATASETS();
        QTemporaryDir dir;
        const std::string db = (dir.path() + QStringLiteral("/wb.db")).toStdString();
        std::ostringstream out, err;
        const int status
            = wb::cli::run({ "import-demos", wb::test::sharedPath("i3c-preprocessed/demonstrations/GSM8K.json"), "--db",
                               db, "--name", "i3c-gsm8k", "--json" },
                out, err);
        QCOMPARE(status, 0);
        const auto json = nlohmann::json::parse(out.str());
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
        std::ostringstream out, err;
        const int status = wb::cli::run(
            { "import-demos", path, "--db", (dir.path() + QStringLiteral("/wb.db")).toStdString() }, out, err);
        QCOMPARE(status, 2);
        QVERIFY2(err.str().find("notdemos.json") != std::string::npos, err.str().c_str());
    }
};

QTEST_GUILESS_MAIN(TestDemoCli)
#include "tst_democli.moc"
