// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/eval/postprocess.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wb::eval {

/// Names of the answer extractors a method's extract step may list (tried in order, first hit wins):
///  "i3c-postprocess"  the paper's post-processor on the whole text (§5.5); unparsable = no answer
///  "####"             the number after the last "####" (GSM8K solutions)
///  "answer-is"        the number after the last "The answer is" (Manual-CoT / Direct), case-insensitive
///  "boxed"            the content of the last \boxed{...}, braces balanced
///  "first-number"     the first number in the text (Kojima's cleansing after the answer trigger)
///  "last-number"      the last number in the text
///  "choice"           a choice letter A-E (multiple-choice problems only)
const std::vector<std::string>& extractorNames();
bool isKnownExtractor(std::string_view name);
/// True for extractors that yield a choice letter rather than a number.
bool isChoiceExtractor(std::string_view name);

/// The answer found in a model output.
struct ExtractedAnswer {
    bool found = false;
    std::optional<double> number; ///< numeric answer
    std::string choice; ///< "A".."E" for multiple-choice
    std::string span; ///< the text the answer was read from
    std::string extractor; ///< which extractor produced it
    std::string note; ///< why nothing was found / which Python error the post-processor hit
};

/// Numbers in free text: optional sign, digits with thousands commas, optional decimals ("-1,234.5", ".5").
/// Returns the parsed values in order of appearance.
std::vector<double> findNumbers(std::string_view text);

std::optional<double> extractAfterHashes(std::string_view text);
std::optional<double> extractAnswerIs(std::string_view text);
std::optional<std::string> extractBoxed(std::string_view text);
std::optional<double> extractFirstNumber(std::string_view text);
std::optional<double> extractLastNumber(std::string_view text);
/// A choice letter: the first "(X)" / "X)" with X in A-E, else the first standalone capital A-E.
std::optional<std::string> extractChoice(std::string_view text);

/// Runs `extractors` in order on `text`. For a multiple-choice problem only choice extractors apply; for a
/// numeric one only numeric extractors apply. Unknown names are skipped (methods are validated on load).
ExtractedAnswer extractAnswer(std::string_view text, const std::vector<std::string>& extractors, bool multipleChoice);

} // namespace wb::eval
