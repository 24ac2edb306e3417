// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wb::store {

/// Row ids are SQLite rowids; 0 means "not stored yet".
using RowId = std::int64_t;

/// A dataset as stored. `format` is the loader's format name (dataset::formatName).
struct DatasetRecord {
    RowId id = 0;
    std::string name;
    std::string path;
    std::string format;
    std::string contentHash; ///< sha256 of the file bytes; unique per store
    std::size_t problemCount = 0;
    std::size_t skippedRecords = 0;
    std::string importedAt; ///< ISO-8601 UTC
};

/// Outcome of an import: the dataset's id and whether it was already present (nothing was written then).
struct ImportResult {
    RowId datasetId = 0;
    bool alreadyPresent = false;
};

/// A method (prompt program) as stored. Identical definitions share one row, keyed by sha256.
struct MethodRecord {
    RowId id = 0;
    std::string name;
    std::string version;
    std::string definitionJson; ///< the method file's JSON text
    std::string sha256; ///< sha256 of definitionJson; computed by the store when empty
    std::string createdAt;
};

/// A set of demonstrations for few-shot methods.
struct DemoSetRecord {
    RowId id = 0;
    std::string name;
    std::string howMade; ///< provenance, e.g. "imported from FILE" or "i3c-select k=8 pool=FILE encoder=..."
    std::string itemsJson; ///< JSON array of demonstrations
    std::string createdAt;
};

enum class RunStatus { Planned, Running, Cancelled, Failed, Completed };
const char* runStatusName(RunStatus status);
std::optional<RunStatus> runStatusFromName(std::string_view name);

/// What createRun() needs. JSON fields are JSON object text; backendJson, paramsJson and configJson are
/// stripped of credential-like fields (see secrets.h) before they are written.
struct NewRun {
    std::string name;
    RowId datasetId = 0;
    std::optional<RowId> methodId;
    std::optional<RowId> demoSetId;
    std::string backendJson = "{}"; ///< base URL, model, name of the key's environment variable — never the key
    std::string paramsJson = "{}"; ///< sampling parameters, limits, concurrency
    std::string configJson
        = "{}"; ///< complete configuration: method text and hash, model, params, dataset hash, version
};

/// A run as stored, with progress counts computed from its calls and results.
struct RunRecord {
    RowId id = 0;
    std::string name;
    RowId datasetId = 0;
    std::optional<RowId> methodId;
    std::optional<RowId> demoSetId;
    std::string backendJson;
    std::string paramsJson;
    std::string configJson;
    RunStatus status = RunStatus::Planned;
    std::string createdAt;
    std::string updatedAt;
    std::size_t doneCalls = 0; ///< calls with a reply (any status but error and malformed)
    std::size_t errorCalls = 0; ///< calls that failed (error or malformed)
    std::size_t results = 0;
    std::size_t correct = 0;
    std::size_t wrong = 0;
    std::size_t noAnswer = 0;
    std::size_t errors = 0; ///< results with status error
    std::size_t answered() const { return correct + wrong; }
};

/// Who is executing a run: one row per run while an executor is alive (design: one executor per run).
/// heartbeatAt is wall-clock seconds since the epoch, so that other processes can judge its age.
struct RunLease {
    RowId runId = 0;
    std::string owner; ///< random per execution, so a restarted process never mistakes an old lease for its own
    std::string host;
    std::int64_t pid = 0;
    double heartbeatAt = 0;
    std::string acquiredAt;
};

/// What became of one call. Done and Truncated replies have usable text; Empty and Filtered ones are replies
/// without an answer; Malformed and Error calls failed. Only Done replies are cached (see llm::ReplyStatus).
enum class CallStatus { Done, Truncated, Empty, Filtered, Malformed, Error };
const char* callStatusName(CallStatus status);
std::optional<CallStatus> callStatusFromName(std::string_view name);
/// True for Done and Truncated: the text goes on to the next steps and resume keeps the call.
bool callHasText(CallStatus status);
/// True for Malformed and Error: the call failed and is sent again on resume.
bool callFailed(CallStatus status);

/// One LLM call of a run. (runId, problemIndex, step) is unique; step is a string key such as "verify:2",
/// "reason" or "extract" (repeated samples need distinct keys, e.g. "reason#3"). Recording the same key again
/// replaces the row, so an error can be retried.
struct CallRecord {
    RowId id = 0;
    RowId runId = 0;
    std::int64_t problemIndex = 0;
    std::string step;
    int sampleIndex = 0;
    std::string cacheKey;
    std::string requestJson; ///< the exact request body sent (stored byte-for-byte)
    std::string responseJson; ///< the raw response body
    std::string responseText; ///< the assistant message text
    std::string reasoningText; ///< reasoning the server returned beside the text (never given to extractors)
    std::string finishReason;
    CallStatus status = CallStatus::Done;
    std::string error; ///< why the status is not Done: the error, or what is wrong with the reply
    std::optional<std::int64_t> promptTokens;
    std::optional<std::int64_t> completionTokens;
    std::optional<std::int64_t> reasoningTokens;
    std::optional<double> latencyMs;
    int attempts = 1;
    bool fromCache = false;
    std::string createdAt;
};

/// Identifies a call within a run; what finishedCallKeys() returns for resume.
struct CallKey {
    std::int64_t problemIndex = 0;
    std::string step;
    auto operator<=>(const CallKey&) const = default;
};

/// The outcome of one problem (docs/outcomes.md):
///  Correct / Wrong  an answer was extracted and scored against the gold
///  NoAnswer         the model replied but gave no answer: empty or filtered reply, nothing extractable, or no
///                   gold to score against
///  Error            a call failed (transport, HTTP, malformed reply); resume tries the problem again
/// Accuracy is correct / (correct + wrong); NoAnswer and Error never count as wrong.
enum class ProblemStatus { Correct, Wrong, NoAnswer, Error };
const char* problemStatusName(ProblemStatus status);
std::optional<ProblemStatus> problemStatusFromName(std::string_view name);

/// The scored outcome of one problem in a run.
struct ResultRecord {
    RowId runId = 0;
    std::int64_t problemIndex = 0;
    std::string extractedAnswer;
    std::optional<double> extractedNumber;
    std::optional<bool> correct; ///< nullopt when the problem could not be scored
    std::string error; ///< the reason again when the status is Error, else empty
    std::int64_t calls = 0;
    std::int64_t tokens = 0;
    std::string detailsJson = "{}"; ///< method-specific extras (e.g. candidates and verify verdicts)
    std::string createdAt;
    ProblemStatus status = ProblemStatus::Error;
    std::string reason; ///< why the status is what it is (empty for a plain correct or wrong answer)
};

} // namespace wb::store
