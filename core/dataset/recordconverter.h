// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/dataset/loader.h"

#include <nlohmann/json.hpp>

#include <string>

namespace wb::dataset {

/// What a record converter needs to know about the file as a whole.
struct ConvertContext {
    Format format = Format::Jsonl;
    const ColumnMapping* mapping = nullptr;
    bool fileAnnotatesGold = false; ///< I3C: some record of the file has a non-empty gold_ic_idx
};

/// A converted record plus what the loader still needs to finish it after segmentation.
struct ConvertedRecord {
    Problem problem;
    bool bodyAndQuestion = false; ///< SVAMP: segment `body` and `question` separately
    std::string body;
    std::string questionPart;
    bool hasOriginal = false; ///< GSM-IC: gold = conditions absent from `original`
    std::string original;
};

/// Turns one parsed record of a known format into a Problem. Errors name the field and what is wrong with it
/// ("field 'answer' must be a string or number, got array") and carry the field in Error::field (the record's
/// key, with "[i]" for an element: "lSolutions[0]"); the caller adds file and line.
Result<ConvertedRecord> convertRecord(const nlohmann::json& record, const ConvertContext& context, std::size_t number);

/// The format a record's fields identify, or nullopt when no format (not even the generic one) fits.
std::optional<Format> sniffRecordFormat(const nlohmann::json& record);

/// Field names the generic JSONL/CSV loader tries when the mapping leaves a key empty.
std::string defaultTextField(const nlohmann::json& record);

} // namespace wb::dataset
