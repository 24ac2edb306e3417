// SPDX-License-Identifier: Apache-2.0
#include "core/store/datasetevidence.h"
#include "core/store/store.h"

#include <QtTest>

using namespace wb::store;
using wb::dataset::Problem;

namespace {

std::vector<Problem> problems(const std::vector<std::string>& ids)
{
    std::vector<Problem> out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        Problem p;
        p.index = i;
        p.id = ids[i];
        p.text = "Problem " + ids[i] + " has 3 apples. How many apples?";
        p.goldNumber = 3.0;
        out.push_back(p);
    }
    return out;
}

RowId import(Store& store, const std::string& hash, const std::vector<std::string>& ids)
{
    wb::dataset::DatasetInfo info;
    info.name = "set-" + hash;
    info.path = "/data/" + hash + ".jsonl";
    info.contentHash = hash;
    auto imported = store.importDataset(info, problems(ids));
    return imported ? imported->datasetId : 0;
}

RowId createRun(Store& store, RowId datasetId, const std::string& name)
{
    NewRun run;
    run.name = name;
    run.datasetId = datasetId;
    auto id = store.createRun(run);
    return id ? *id : 0;
}

} // namespace

/// Stored runs are found by the content hash of the dataset a view shows, and a stored problem's source id is
/// found by that hash and the index, so that evidence is never matched by position alone.
class TestDatasetEvidence final : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        auto store = Store::openMemory();
        QVERIFY(store.ok());
        m_store.emplace(std::move(*store));
        m_a = import(*m_store, "hash-a", { "a-1", "a-2", "a-3" });
        m_b = import(*m_store, "hash-b", { "b-1", "b-2", "b-3" });
        QVERIFY(m_a > 0 && m_b > 0);
    }

    void runsAreThoseOfTheDatasetWithTheHash()
    {
        const RowId a1 = createRun(*m_store, m_a, "a first");
        const RowId b1 = createRun(*m_store, m_b, "b only");
        const RowId a2 = createRun(*m_store, m_a, "a second");
        QVERIFY(a1 > 0 && b1 > 0 && a2 > 0);

        auto runs = runsOfDataset(*m_store, "hash-a");
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), std::size_t(2));
        QCOMPARE(runs->at(0).id, a2); // newest first, as listRuns()
        QCOMPARE(runs->at(1).id, a1);
        auto other = runsOfDataset(*m_store, "hash-b");
        QVERIFY(other.ok());
        QCOMPARE(other->size(), std::size_t(1));
        QCOMPARE(other->at(0).id, b1);
    }

    void anUnknownHashHasNoRuns()
    {
        QVERIFY(createRun(*m_store, m_a, "a") > 0);
        auto runs = runsOfDataset(*m_store, "hash-never-imported");
        QVERIFY(runs.ok());
        QVERIFY(runs->empty());
    }

    void aStoredDatasetWithoutRunsHasNone()
    {
        auto runs = runsOfDataset(*m_store, "hash-b");
        QVERIFY(runs.ok());
        QVERIFY(runs->empty());
    }

    void storedProblemIdIsThatOfTheHashAndIndex()
    {
        auto id = storedProblemId(*m_store, "hash-a", 1);
        QVERIFY(id.ok());
        QCOMPARE(id->value_or("(none)"), std::string("a-2"));
        // The same index of another dataset is another problem.
        id = storedProblemId(*m_store, "hash-b", 1);
        QVERIFY(id.ok());
        QCOMPARE(id->value_or("(none)"), std::string("b-2"));
    }

    void storedProblemIdIsAbsentOutsideTheDataset()
    {
        auto past = storedProblemId(*m_store, "hash-a", 3);
        QVERIFY(past.ok());
        QVERIFY(!past->has_value());
        auto unknown = storedProblemId(*m_store, "hash-never-imported", 0);
        QVERIFY(unknown.ok());
        QVERIFY(!unknown->has_value());
    }

private:
    std::optional<Store> m_store;
    RowId m_a = 0;
    RowId m_b = 0;
};

QTEST_GUILESS_MAIN(TestDatasetEvidence)
#include "tst_datasetevidence.moc"
