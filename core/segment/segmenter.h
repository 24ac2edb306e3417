// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wb::segment {

/// A problem split into conditions c_1..c_n and the question sentence q (i3c-method.md §2).
struct Segmentation {
    std::vector<std::string> conditions;
    std::string question;
};

/// Segment a whole problem text (sentence split + quantity-aware sub-split, i3c-method.md §2.4).
Segmentation segmentText(std::string_view text);

/// Segment a problem that comes as separate body and question fields (SVAMP): the body gives the conditions.
Segmentation segmentBodyAndQuestion(std::string_view body, std::string_view question);

} // namespace wb::segment
