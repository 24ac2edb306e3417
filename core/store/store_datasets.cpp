// SPDX-License-Identifier: Apache-2.0
// Store: datasets and their problems.
#include "core/store/store.h"

#include "core/store/problemcodec.h"
#include "core/store/rows.h"
#include "core/store/statement.h"

#include <utility>

namespace wb::store {

namespace {

constexpr const char* kDatasetColumns
    = "SELECT id, name, path, format, content_hash, problem_count, skipped_records, imported_at FROM datasets";

constexpr const char* kProblemColumns
    = "SELECT idx, source_id, text, question, conditions_json, segmentation_from_source, gold_answer_text, gold_number,"
      " gold_choice, choices_json, rationale, gold_irrelevant_json, has_gold_annotation, reference_json, source_line"
      " FROM problems WHERE dataset_id = ?1";

DatasetRecord readDataset(const Statement& stmt)
{
    return DatasetRecord { stmt.columnInt64(0), stmt.columnText(1), stmt.columnText(2), stmt.columnText(3),
        stmt.columnText(4), static_cast<std::size_t>(stmt.columnInt64(5)),
        static_cast<std::size_t>(stmt.columnInt64(6)), stmt.columnText(7) };
}

Result<dataset::Problem> readProblem(const Statement& stmt)
{
    dataset::Problem p;
    p.index = static_cast<std::size_t>(stmt.columnInt64(0));
    p.id = stmt.columnText(1);
    p.text = stmt.columnText(2);
    p.question = stmt.columnText(3);
    p.segmentationFromSource = stmt.columnInt64(5) != 0;
    p.goldAnswerText = stmt.columnText(6);
    p.goldNumber = stmt.columnOptionalDouble(7);
    p.goldChoice = stmt.columnText(8);
    p.rationale = stmt.columnText(10);
    p.hasGoldAnnotation = stmt.columnInt64(12) != 0;
    p.sourceLine = static_cast<std::uint64_t>(stmt.columnInt64(14));
    const ProblemJsonColumns columns { stmt.columnText(4), stmt.columnText(9), stmt.columnText(11),
        stmt.columnText(13) };
    if (auto r = decodeProblemColumns(columns, p); !r)
        return r.error();
    return p;
}

/// Inserts problems one by one through a single prepared statement (re-used: preparing per row would dominate).
class ProblemInserter {
public:
    static Result<ProblemInserter> create(Database& db, RowId datasetId)
    {
        auto stmt = db.prepare(
            "INSERT INTO problems (dataset_id, idx, source_id, text, question, conditions_json,"
            " segmentation_from_source, gold_answer_text, gold_number, gold_choice, choices_json, rationale,"
            " gold_irrelevant_json, has_gold_annotation, reference_json, source_line, content_hash)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
        if (!stmt)
            return stmt.error();
        return ProblemInserter(std::move(*stmt), datasetId);
    }

    Result<void> insert(const dataset::Problem& p)
    {
        const ProblemJsonColumns columns = encodeProblemColumns(p);
        Statement& s = m_stmt;
        for (auto r : { s.bind(1, m_datasetId), s.bind(2, static_cast<std::int64_t>(p.index)), s.bind(3, p.id),
                 s.bind(4, p.text), s.bind(5, p.question), s.bind(6, columns.conditions),
                 s.bind(7, p.segmentationFromSource), s.bind(8, p.goldAnswerText), s.bind(9, p.goldNumber),
                 s.bind(10, p.goldChoice), s.bind(11, columns.choices), s.bind(12, p.rationale),
                 s.bind(13, columns.goldIrrelevant), s.bind(14, p.hasGoldAnnotation), s.bind(15, columns.reference),
                 s.bind(16, static_cast<std::int64_t>(p.sourceLine)), s.bind(17, problemContentHash(p)) }) {
            if (!r)
                return r;
        }
        auto done = s.run();
        if (auto r = s.reset(); !r && done)
            return r;
        if (!done)
            return makeError(ErrorCode::Database,
                "cannot store problem " + std::to_string(p.index) + " (id \"" + p.id + "\"): " + done.error().message);
        ++m_count;
        return {};
    }

    std::size_t count() const { return m_count; }

private:
    ProblemInserter(Statement stmt, RowId datasetId)
        : m_stmt(std::move(stmt))
        , m_datasetId(datasetId)
    {
    }
    Statement m_stmt;
    RowId m_datasetId;
    std::size_t m_count = 0;
};

Result<RowId> insertDatasetRow(Database& db, const dataset::DatasetInfo& info, const std::string& hash)
{
    auto stmt = db.prepare("INSERT INTO datasets (name, path, format, content_hash, problem_count, skipped_records)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!stmt)
        return stmt.error();
    for (auto r : { stmt->bind(1, info.name), stmt->bind(2, info.path), stmt->bind(3, dataset::formatName(info.format)),
             stmt->bind(4, hash), stmt->bind(5, static_cast<std::int64_t>(info.problemCount)),
             stmt->bind(6, static_cast<std::int64_t>(info.skippedRecords)) }) {
        if (!r)
            return r.error();
    }
    if (auto r = stmt->run(); !r)
        return r.error();
    return db.lastInsertRowId();
}

Result<void> finishDatasetRow(Database& db, RowId id, const dataset::DatasetInfo& info, std::size_t count)
{
    auto stmt = db.prepare("UPDATE datasets SET name = ?2, path = ?3, format = ?4, content_hash = ?5,"
                           " problem_count = ?6, skipped_records = ?7 WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    for (auto r : { stmt->bind(1, id), stmt->bind(2, info.name), stmt->bind(3, info.path),
             stmt->bind(4, dataset::formatName(info.format)), stmt->bind(5, info.contentHash),
             stmt->bind(6, static_cast<std::int64_t>(count)),
             stmt->bind(7, static_cast<std::int64_t>(info.skippedRecords)) }) {
        if (!r)
            return r;
    }
    return stmt->run();
}

Error missingHash(const dataset::DatasetInfo& info)
{
    return makeError(ErrorCode::Usage, "dataset has no content hash; it cannot be imported idempotently", info.path);
}

} // namespace

Result<ImportResult> Store::importDataset(
    const dataset::DatasetInfo& info, const std::vector<dataset::Problem>& problems)
{
    if (info.contentHash.empty())
        return missingHash(info);
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    // Checked under the write lock: a concurrent importer of the same file cannot slip in between.
    auto existing = findDatasetByHash(info.contentHash);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return ImportResult { (*existing)->id, true };
    dataset::DatasetInfo counted = info;
    counted.problemCount = problems.size();
    auto id = insertDatasetRow(m_db, counted, info.contentHash);
    if (!id)
        return id.error();
    auto inserter = ProblemInserter::create(m_db, *id);
    if (!inserter)
        return inserter.error();
    for (const dataset::Problem& p : problems) {
        if (auto r = inserter->insert(p); !r)
            return r.error();
    }
    if (auto r = tx->commit(); !r)
        return r.error();
    return ImportResult { *id, false };
}

Result<ImportResult> Store::importDatasetStreaming(const DatasetProducer& produce)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    // The content hash is only known once the file has streamed; a placeholder keeps the UNIQUE column
    // satisfied until then (the whole transaction rolls back on any failure, so it never persists).
    auto id = insertDatasetRow(m_db, dataset::DatasetInfo {}, "pending-import");
    if (!id)
        return id.error();
    auto inserter = ProblemInserter::create(m_db, *id);
    if (!inserter)
        return inserter.error();
    std::optional<Error> insertError;
    auto info = produce([&](dataset::Problem&& p) {
        if (auto r = inserter->insert(p); !r) {
            insertError = r.error();
            return false;
        }
        return true;
    });
    if (insertError)
        return *insertError;
    if (!info)
        return info.error();
    if (info->contentHash.empty())
        return missingHash(*info);
    auto existing = findDatasetByHash(info->contentHash);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return ImportResult { (*existing)->id, true }; // the transaction rolls back what was streamed
    if (auto r = finishDatasetRow(m_db, *id, *info, inserter->count()); !r)
        return r.error();
    if (auto r = tx->commit(); !r)
        return r.error();
    return ImportResult { *id, false };
}

Result<std::optional<DatasetRecord>> Store::findDatasetByHash(const std::string& contentHash)
{
    auto stmt = m_db.prepare(std::string(kDatasetColumns) + " WHERE content_hash = ?1");
    if (!stmt)
        return stmt.error();
    if (auto r = stmt->bindText(1, contentHash); !r)
        return r.error();
    return nextRow<DatasetRecord>(*stmt, readDataset);
}

Result<DatasetRecord> Store::dataset(RowId datasetId)
{
    auto stmt = m_db.prepare(std::string(kDatasetColumns) + " WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    if (auto r = stmt->bindInt64(1, datasetId); !r)
        return r.error();
    auto row = nextRow<DatasetRecord>(*stmt, readDataset);
    if (!row)
        return row.error();
    if (!row->has_value())
        return notFoundError("dataset", datasetId, m_db);
    return std::move(**row);
}

Result<std::vector<DatasetRecord>> Store::listDatasets()
{
    auto stmt = m_db.prepare(std::string(kDatasetColumns) + " ORDER BY id");
    if (!stmt)
        return stmt.error();
    return collectRows<DatasetRecord>(*stmt, readDataset);
}

Result<std::vector<dataset::Problem>> Store::loadProblems(RowId datasetId)
{
    auto stmt = m_db.prepare(std::string(kProblemColumns) + " ORDER BY idx");
    if (!stmt)
        return stmt.error();
    if (auto r = stmt->bindInt64(1, datasetId); !r)
        return r.error();
    return collectRows<dataset::Problem>(*stmt, readProblem);
}

Result<std::vector<dataset::Problem>> Store::loadProblems(RowId datasetId, std::int64_t offset, std::int64_t limit)
{
    auto stmt = m_db.prepare(std::string(kProblemColumns) + " ORDER BY idx LIMIT ?3 OFFSET ?2");
    if (!stmt)
        return stmt.error();
    for (auto r : { stmt->bindInt64(1, datasetId), stmt->bindInt64(2, offset), stmt->bindInt64(3, limit) }) {
        if (!r)
            return r.error();
    }
    return collectRows<dataset::Problem>(*stmt, readProblem);
}

Result<dataset::Problem> Store::loadProblem(RowId datasetId, std::int64_t index)
{
    auto stmt = m_db.prepare(std::string(kProblemColumns) + " AND idx = ?2");
    if (!stmt)
        return stmt.error();
    for (auto r : { stmt->bindInt64(1, datasetId), stmt->bindInt64(2, index) }) {
        if (!r)
            return r.error();
    }
    auto row = nextRow<dataset::Problem>(*stmt, readProblem);
    if (!row)
        return row.error();
    if (!row->has_value())
        return makeError(ErrorCode::NotFound,
            "dataset " + std::to_string(datasetId) + " has no problem " + std::to_string(index) + " in database "
                + m_db.path());
    return std::move(**row);
}

Result<void> Store::deleteDataset(RowId datasetId)
{
    auto stmt = m_db.prepare("DELETE FROM datasets WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    if (auto r = stmt->bindInt64(1, datasetId); !r)
        return r;
    return stmt->run();
}

} // namespace wb::store
