// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wb::dataset {

/// Index of the condition that states `sentence`: exact text first, then the same letters and digits
/// (ignores spacing and punctuation such as "Mr. Lu" vs "Mr.Lu"), then the closest containment. -1 when none.
int findConditionIndex(const std::vector<std::string>& conditions, std::string_view sentence);

/// Conditions of a problem with an inserted sentence that do not occur in the problem's original text
/// (GSM-IC: compares new_question's conditions with original_question by their letters and digits).
std::vector<int> conditionsAbsentFrom(const std::vector<std::string>& conditions, std::string_view original);

} // namespace wb::dataset
