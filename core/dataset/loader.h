// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/diagnostic.h"
#include "core/common/result.h"
#include "core/dataset/problem.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wb::dataset {

/// File formats the loader understands. Auto sniffs the format from the content.
enum class Format {
    Auto,
    Gsm8k, ///< JSONL {question, answer "... #### N"}
    GsmIc, ///< GSM-IC original schema {new_question, original_question, answer, *_label}
    GsmIc1k, ///< GSM-IC 1K preprocessed (PRP): {conditions, question, equation (= inserted sentence), answer}
    Svamp, ///< JSON array {ID, Body, Question, Answer}
    Mawps, ///< AddSub / MultiArith / SingleEq: {iIndex, sQuestion, lSolutions}
    Aqua, ///< JSONL {question, options, rationale, correct}
    I3c, ///< I3C preprocessed test_data: {original_question, condition_sentences, ..., gold_ic_idx}
    I3cDemos, ///< I3C demonstrations: {question, answer, reasoning, confusion_score}
    Csv, ///< generic CSV with a column mapping
    Jsonl, ///< generic JSONL (or JSON array) with a column mapping
};

const char* formatName(Format format);
std::optional<Format> formatFromName(std::string_view name);
std::vector<std::string> formatNames();

/// Which fields of a generic CSV/JSONL record hold what. Empty = use the default names.
struct ColumnMapping {
    std::string id; ///< default "id"
    std::string text; ///< whole problem; default "question" (or "problem")
    std::string body; ///< optional body, joined before `question` when set
    std::string question; ///< question sentence when `body` is set
    std::string answer; ///< default "answer"
    std::string irrelevant; ///< optional: list of irrelevant condition indices
    std::string conditions; ///< optional: list of condition strings (own segmentation)

    /// Parses "text=problem,answer=gold,id=uid" as given to --map. Unknown keys are a usage error.
    static Result<ColumnMapping> parse(std::string_view spec);
};

struct LoadOptions {
    Format format = Format::Auto;
    ColumnMapping mapping;
    bool strict = false; ///< turn recoverable record errors into a fatal error
    std::size_t limit = 0; ///< stop after this many problems (0 = all)
    bool segment = true; ///< segment problems that carry no segmentation of their own
    /// Compute DatasetInfo::contentHash. Callers that never look at it (a one-off inspection) turn it off and
    /// skip hashing every byte; the hash is then empty and reading stops where the sink stops.
    bool hashContent = true;
};

/// What is known about a file after loading it.
struct DatasetInfo {
    std::string path;
    std::string name; ///< file name without folder
    Format format = Format::Auto; ///< the format actually used
    std::string contentHash; ///< sha256 of the file bytes (empty when LoadOptions::hashContent is off)
    std::size_t problemCount = 0;
    std::size_t skippedRecords = 0;
    Diagnostics diagnostics; ///< recoverable problems, each naming file:line
};

/// Receives problems one at a time while the file streams; return false to stop early.
using ProblemSink = std::function<bool(Problem&&)>;

/// Streams a dataset file record by record (memory does not grow with file size). Fatal errors (unreadable
/// file, unknown format, invalid top-level JSON, any bad record under `strict`) come back as an Error whose
/// location is "file:line".
Result<DatasetInfo> streamDataset(const std::string& path, const LoadOptions& options, const ProblemSink& sink);

struct Dataset {
    DatasetInfo info;
    std::vector<Problem> problems;
};

/// Loads a whole dataset into memory (convenience over streamDataset).
Result<Dataset> loadDataset(const std::string& path, const LoadOptions& options = {});

/// Normalises a numeric gold answer: strips thousands separators, "$", spaces; evaluates "a/b" fractions and
/// mixed numbers "1 1/2"; nullopt when the text is not a number.
std::optional<double> parseNumericAnswer(std::string_view text);

} // namespace wb::dataset
