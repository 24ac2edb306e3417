// SPDX-License-Identifier: Apache-2.0
#include "core/store/schema.h"

#include "core/store/database.h"

#include <array>
#include <string>

namespace wb::store {

namespace {

// Version 1. Timestamps are ISO-8601 UTC text; JSON columns hold compact JSON text. Foreign keys cascade from a
// dataset to its problems and from a run to its calls and results, so deleting a run removes what it produced.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE datasets (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    path            TEXT NOT NULL,
    format          TEXT NOT NULL,
    content_hash    TEXT NOT NULL UNIQUE,
    problem_count   INTEGER NOT NULL DEFAULT 0,
    skipped_records INTEGER NOT NULL DEFAULT 0,
    imported_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE problems (
    id                       INTEGER PRIMARY KEY,
    dataset_id               INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    idx                      INTEGER NOT NULL,
    source_id                TEXT NOT NULL,
    text                     TEXT NOT NULL,
    question                 TEXT NOT NULL,
    conditions_json          TEXT NOT NULL DEFAULT '[]',
    segmentation_from_source INTEGER NOT NULL DEFAULT 0,
    gold_answer_text         TEXT NOT NULL DEFAULT '',
    gold_number              REAL,
    gold_choice              TEXT NOT NULL DEFAULT '',
    choices_json             TEXT NOT NULL DEFAULT '[]',
    rationale                TEXT NOT NULL DEFAULT '',
    gold_irrelevant_json     TEXT NOT NULL DEFAULT '[]',
    has_gold_annotation      INTEGER NOT NULL DEFAULT 0,
    reference_json           TEXT NOT NULL DEFAULT '{}',
    source_line              INTEGER NOT NULL DEFAULT 0,
    content_hash             TEXT NOT NULL,
    UNIQUE (dataset_id, idx)
);
CREATE INDEX problems_content_hash ON problems(content_hash);

CREATE TABLE methods (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    version         TEXT NOT NULL DEFAULT '',
    definition_json TEXT NOT NULL,
    sha256          TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX methods_name ON methods(name);

CREATE TABLE demo_sets (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    how_made   TEXT NOT NULL DEFAULT '',
    items_json TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE runs (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL DEFAULT '',
    dataset_id   INTEGER NOT NULL REFERENCES datasets(id),
    method_id    INTEGER REFERENCES methods(id),
    demo_set_id  INTEGER REFERENCES demo_sets(id),
    backend_json TEXT NOT NULL DEFAULT '{}',
    params_json  TEXT NOT NULL DEFAULT '{}',
    config_json  TEXT NOT NULL DEFAULT '{}',
    status       TEXT NOT NULL DEFAULT 'planned'
                 CHECK (status IN ('planned', 'running', 'cancelled', 'failed', 'completed')),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX runs_dataset ON runs(dataset_id);
CREATE INDEX runs_method ON runs(method_id);
CREATE INDEX runs_status ON runs(status);

CREATE TABLE calls (
    id                INTEGER PRIMARY KEY,
    run_id            INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    problem_idx       INTEGER NOT NULL,
    step              TEXT NOT NULL,
    sample_index      INTEGER NOT NULL DEFAULT 0,
    cache_key         TEXT NOT NULL DEFAULT '',
    request_json      TEXT NOT NULL DEFAULT '',
    response_json     TEXT NOT NULL DEFAULT '',
    response_text     TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL CHECK (status IN ('done', 'error')),
    error             TEXT NOT NULL DEFAULT '',
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    latency_ms        REAL,
    attempts          INTEGER NOT NULL DEFAULT 1,
    from_cache        INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (run_id, problem_idx, step)
);
CREATE INDEX calls_run_status ON calls(run_id, status);
CREATE INDEX calls_cache_key ON calls(cache_key);

CREATE TABLE results (
    run_id           INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    problem_idx      INTEGER NOT NULL,
    extracted_answer TEXT NOT NULL DEFAULT '',
    extracted_number REAL,
    correct          INTEGER,
    error            TEXT NOT NULL DEFAULT '',
    calls            INTEGER NOT NULL DEFAULT 0,
    tokens           INTEGER NOT NULL DEFAULT 0,
    details_json     TEXT NOT NULL DEFAULT '{}',
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (run_id, problem_idx)
) WITHOUT ROWID;

CREATE TABLE response_cache (
    cache_key     TEXT PRIMARY KEY,
    response_json TEXT NOT NULL,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;
)sql";

// Version 2: who executes a run. A row exists while an executor holds the run; heartbeat_at (seconds since the
// epoch) lets another process tell a live executor from one that was killed.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE run_leases (
    run_id       INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    owner        TEXT NOT NULL,
    host         TEXT NOT NULL,
    pid          INTEGER NOT NULL,
    heartbeat_at REAL NOT NULL,
    acquired_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
)sql";

// Version 3: every call and problem has an explicit outcome, and reasoning text is kept. The calls table is
// rebuilt because its status CHECK grows (SQLite cannot alter a constraint); finish reasons, reasoning text and
// reasoning tokens are recovered from the stored bodies, and calls that versions 1 and 2 stored as successes without
// text are reclassified, as are the results that depended on them.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE calls_v3 (
    id                INTEGER PRIMARY KEY,
    run_id            INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    problem_idx       INTEGER NOT NULL,
    step              TEXT NOT NULL,
    sample_index      INTEGER NOT NULL DEFAULT 0,
    cache_key         TEXT NOT NULL DEFAULT '',
    request_json      TEXT NOT NULL DEFAULT '',
    response_json     TEXT NOT NULL DEFAULT '',
    response_text     TEXT NOT NULL DEFAULT '',
    reasoning_text    TEXT NOT NULL DEFAULT '',
    finish_reason     TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL
                      CHECK (status IN ('done', 'truncated', 'empty', 'filtered', 'malformed', 'error')),
    error             TEXT NOT NULL DEFAULT '',
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    reasoning_tokens  INTEGER,
    latency_ms        REAL,
    attempts          INTEGER NOT NULL DEFAULT 1,
    from_cache        INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (run_id, problem_idx, step)
);
INSERT INTO calls_v3 (id, run_id, problem_idx, step, sample_index, cache_key, request_json, response_json,
    response_text, reasoning_text, finish_reason, status, error, prompt_tokens, completion_tokens, reasoning_tokens,
    latency_ms, attempts, from_cache, created_at)
SELECT id, run_id, problem_idx, step, sample_index, cache_key, request_json, response_json, response_text,
    CASE WHEN json_valid(response_json) THEN coalesce(
        json_extract(response_json, '$.choices[0].message.reasoning_content'),
        json_extract(response_json, '$.choices[0].message.reasoning'), '') ELSE '' END,
    CASE WHEN json_valid(response_json)
        THEN coalesce(json_extract(response_json, '$.choices[0].finish_reason'), '') ELSE '' END,
    status, error, prompt_tokens, completion_tokens,
    CASE WHEN json_valid(response_json)
        THEN json_extract(response_json, '$.usage.completion_tokens_details.reasoning_tokens') END,
    latency_ms, attempts, from_cache, created_at
FROM calls;
DROP TABLE calls;
ALTER TABLE calls_v3 RENAME TO calls;
CREATE INDEX calls_run_status ON calls(run_id, status);
CREATE INDEX calls_cache_key ON calls(cache_key);

UPDATE calls SET status = 'malformed', error = 'the message content is not text (found by the version 3 migration)'
WHERE status = 'done' AND json_valid(response_json)
    AND json_type(response_json, '$.choices[0].message.content') NOT IN ('text', 'null');
UPDATE calls SET status = 'filtered', error = 'withheld by the content filter (finish_reason content_filter)'
WHERE status = 'done' AND finish_reason = 'content_filter';
UPDATE calls SET status = 'empty', error = 'empty reply (finish_reason ' || finish_reason || ')'
WHERE status = 'done' AND trim(response_text, ' ' || char(9, 10, 13)) = '';
UPDATE calls SET status = 'truncated', error = 'cut off at the token or context limit (finish_reason length)'
WHERE status = 'done' AND finish_reason = 'length';

ALTER TABLE results ADD COLUMN status TEXT NOT NULL DEFAULT 'error'
    CHECK (status IN ('correct', 'wrong', 'no_answer', 'error'));
ALTER TABLE results ADD COLUMN reason TEXT NOT NULL DEFAULT '';
UPDATE results SET
    status = CASE
        WHEN error <> '' THEN 'error'
        WHEN correct = 1 THEN 'correct'
        WHEN correct = 0 AND json_valid(details_json) AND json_extract(details_json, '$.verdict') = 'no-answer'
            THEN 'no_answer'
        WHEN correct = 0 THEN 'wrong'
        ELSE 'no_answer' END,
    reason = CASE
        WHEN error <> '' THEN error
        WHEN correct IS NULL THEN 'no gold answer to score against'
        WHEN correct = 0 AND json_valid(details_json) AND json_extract(details_json, '$.verdict') = 'no-answer'
            THEN 'no answer could be extracted'
        ELSE '' END;
UPDATE results SET status = 'error', correct = NULL,
    error = (SELECT c.step || ': ' || c.error FROM calls c WHERE c.run_id = results.run_id
        AND c.problem_idx = results.problem_idx AND c.status = 'malformed' ORDER BY c.id LIMIT 1)
WHERE status <> 'error' AND EXISTS (SELECT 1 FROM calls c WHERE c.run_id = results.run_id
    AND c.problem_idx = results.problem_idx AND c.status = 'malformed');
UPDATE results SET status = 'no_answer', correct = NULL,
    reason = (SELECT c.step || ': ' || c.error FROM calls c WHERE c.run_id = results.run_id
        AND c.problem_idx = results.problem_idx AND c.status IN ('empty', 'filtered') ORDER BY c.id LIMIT 1)
WHERE status IN ('wrong', 'no_answer') AND EXISTS (SELECT 1 FROM calls c WHERE c.run_id = results.run_id
    AND c.problem_idx = results.problem_idx AND c.status IN ('empty', 'filtered'));
UPDATE results SET reason = error WHERE status = 'error';
)sql";

// Migration N turns a version N-1 database into version N. Append new versions; never edit a shipped one.
constexpr std::array kMigrations = { kSchemaV1, kSchemaV2, kSchemaV3 };

} // namespace

int latestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

namespace {

/// A version this program can read or migrate from: between 0 (empty) and the latest.
Result<void> versionUnderstood(const Database& db, int current)
{
    const int latest = latestSchemaVersion();
    if (current > latest)
        return makeError(ErrorCode::Database,
            "database " + db.path() + " has schema version " + std::to_string(current)
                + ", newer than the version this program understands (" + std::to_string(latest)
                + "); open it with a newer I3C Workbench");
    if (current < 0)
        return makeError(
            ErrorCode::Database, "database " + db.path() + " has an invalid schema version " + std::to_string(current));
    return {};
}

} // namespace

Result<void> requireLatestSchema(Database& db)
{
    auto current = db.userVersion();
    if (!current)
        return current.error();
    if (auto r = versionUnderstood(db, *current); !r)
        return r.error();
    if (*current < latestSchemaVersion())
        return makeError(ErrorCode::Database,
            "database " + db.path() + " is opened read-only and has schema version " + std::to_string(*current)
                + ", older than this program's " + std::to_string(latestSchemaVersion())
                + ", so it cannot be upgraded; open it once where it is writable");
    return {};
}

Result<void> migrate(Database& db) { return migrate(db, latestSchemaVersion()); }

Result<void> migrate(Database& db, int targetVersion)
{
    if (targetVersion < 1 || targetVersion > latestSchemaVersion())
        return makeError(ErrorCode::Usage, "no schema version " + std::to_string(targetVersion), db.path());
    auto tx = Transaction::begin(db, Transaction::Kind::Immediate);
    if (!tx)
        return tx.error();
    // Read the version under the write lock so two processes opening a fresh file do not both migrate it.
    auto current = db.userVersion();
    if (!current)
        return current.error();
    if (auto r = versionUnderstood(db, *current); !r)
        return r.error();
    if (*current >= targetVersion)
        return tx->rollback();
    for (int version = *current + 1; version <= targetVersion; ++version) {
        if (auto r = db.execute(kMigrations[static_cast<std::size_t>(version - 1)]); !r)
            return makeError(ErrorCode::Database,
                "migration to schema version " + std::to_string(version) + " failed: " + r.error().message);
    }
    if (auto r = db.setUserVersion(targetVersion); !r)
        return r.error();
    return tx->commit();
}

} // namespace wb::store
