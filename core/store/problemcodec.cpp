// SPDX-License-Identifier: Apache-2.0
#include "core/store/problemcodec.h"

#include "core/common/sha256.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace wb::store {

namespace {

using nlohmann::json;

// Replace, not throw: a problem whose text holds invalid UTF-8 must still be storable; the loader already
// reported it as a diagnostic.
std::string dumpCompact(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

json referenceObject(const dataset::Problem& problem)
{
    // NaN and infinities have no JSON form; they become null and are read back as NaN.
    json sq = json::array();
    for (const double value : problem.referenceSq)
        sq.push_back(std::isfinite(value) ? json(value) : json(nullptr));
    return json { { "candidates", problem.referenceCandidates }, { "sq", std::move(sq) } };
}

Error columnError(const char* column, const std::string& what)
{
    return makeError(ErrorCode::InvalidInput, "stored value is malformed: " + what, std::string("problems.") + column);
}

template <class T> Result<void> readArray(const std::string& text, const char* column, std::vector<T>& out)
{
    const json doc = json::parse(text, nullptr, false);
    if (!doc.is_array())
        return columnError(column, "expected a JSON array");
    out.clear();
    out.reserve(doc.size());
    for (const json& item : doc) {
        if constexpr (std::is_same_v<T, std::string>) {
            if (!item.is_string())
                return columnError(column, "expected strings");
            out.push_back(item.get<std::string>());
        } else {
            if (!item.is_number_integer())
                return columnError(column, "expected integers");
            out.push_back(item.get<T>());
        }
    }
    return {};
}

} // namespace

ProblemJsonColumns encodeProblemColumns(const dataset::Problem& problem)
{
    return ProblemJsonColumns {
        dumpCompact(json(problem.conditions)),
        dumpCompact(json(problem.choices)),
        dumpCompact(json(problem.goldIrrelevant)),
        dumpCompact(referenceObject(problem)),
    };
}

Result<void> decodeProblemColumns(const ProblemJsonColumns& columns, dataset::Problem& problem)
{
    if (auto r = readArray(columns.conditions, "conditions_json", problem.conditions); !r)
        return r;
    if (auto r = readArray(columns.choices, "choices_json", problem.choices); !r)
        return r;
    if (auto r = readArray(columns.goldIrrelevant, "gold_irrelevant_json", problem.goldIrrelevant); !r)
        return r;
    const json reference = json::parse(columns.reference, nullptr, false);
    if (!reference.is_object())
        return columnError("reference_json", "expected a JSON object");
    problem.referenceCandidates.clear();
    problem.referenceSq.clear();
    if (const auto it = reference.find("candidates"); it != reference.end()) {
        if (auto r = readArray(it->dump(), "reference_json", problem.referenceCandidates); !r)
            return r;
    }
    if (const auto it = reference.find("sq"); it != reference.end()) {
        if (!it->is_array())
            return columnError("reference_json", "\"sq\" must be an array");
        for (const json& item : *it) {
            if (item.is_null())
                problem.referenceSq.push_back(std::numeric_limits<double>::quiet_NaN());
            else if (item.is_number())
                problem.referenceSq.push_back(item.get<double>());
            else
                return columnError("reference_json", "\"sq\" must hold numbers");
        }
    }
    return {};
}

std::string canonicalProblemJson(const dataset::Problem& problem)
{
    // nlohmann::json objects are std::map-backed, so keys come out sorted without extra work.
    json doc = {
        { "id", problem.id },
        { "text", problem.text },
        { "question", problem.question },
        { "conditions", problem.conditions },
        { "segmentation_from_source", problem.segmentationFromSource },
        { "gold_answer_text", problem.goldAnswerText },
        { "gold_number", problem.goldNumber ? json(*problem.goldNumber) : json(nullptr) },
        { "gold_choice", problem.goldChoice },
        { "choices", problem.choices },
        { "rationale", problem.rationale },
        { "gold_irrelevant", problem.goldIrrelevant },
        { "has_gold_annotation", problem.hasGoldAnnotation },
        { "reference", referenceObject(problem) },
    };
    return dumpCompact(doc);
}

std::string problemContentHash(const dataset::Problem& problem) { return Sha256::hex(canonicalProblemJson(problem)); }

} // namespace wb::store
