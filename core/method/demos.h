// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace wb::method {

/// One demonstration: a problem and the reasoning path shown for it ("Q: {question}\nA: {reasoning}").
struct DemoItem {
    std::string question;
    std::string reasoning;
    std::string answer; ///< gold answer or solution (not shown in prompts)
    std::optional<double> score; ///< selection score when known (I3C confusion_score)
};

/// A named, ordered set of demonstrations and how it was made (for provenance in runs and reports).
struct DemoSet {
    std::string name;
    std::string howMade; ///< e.g. "imported from GSM8K.json", "complex-cot k=8 over gsm8k/train.jsonl"
    std::vector<DemoItem> items;
};

/// Reads a demo set. Accepts the export form {"name", "how_made", "items": [...]} and a bare array of items,
/// which is the I3C demonstrations file format ({question, answer, reasoning, confusion_score, ...}; extra
/// keys ignored). Errors name the source and the item field.
Result<DemoSet> demoSetFromJson(const nlohmann::json& json, const std::string& source);
Result<DemoSet> loadDemoSetFile(const std::string& path);
/// Items only, e.g. a run's stored demo items (a JSON array).
Result<std::vector<DemoItem>> demoItemsFromJson(const nlohmann::json& json, const std::string& source);

nlohmann::json demoSetToJson(const DemoSet& set);
nlohmann::json demoItemsToJson(const std::vector<DemoItem>& items);

/// <methodsDir>/demos/<name>.json: where the shipped fixed sets live.
std::string demoSetPath(const std::string& methodsDir, const std::string& name);

/// {{demos}}: "Q: {question}\nA: {reasoning}" per item, joined by `separator` (I3C: "\n", §5.2).
std::string formatDemos(const std::vector<DemoItem>& items, const std::string& separator = "\n");

} // namespace wb::method
