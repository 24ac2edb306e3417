// SPDX-License-Identifier: Apache-2.0
#include "core/dataset/goldmatch.h"

#include "core/common/text.h"

namespace wb::dataset {

int findConditionIndex(const std::vector<std::string>& conditions, std::string_view sentence)
{
    const std::string_view wanted = text::trim(sentence);
    for (std::size_t i = 0; i < conditions.size(); ++i)
        if (text::trim(conditions[i]) == wanted)
            return int(i);
    const std::string key = text::alnumKey(wanted);
    if (key.empty())
        return -1;
    int best = -1;
    std::size_t bestOverlap = 0;
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        const std::string candidate = text::alnumKey(conditions[i]);
        if (candidate.empty())
            continue;
        if (candidate == key)
            return int(i);
        // one holds the other: a segmenter may have split the sentence or glued a neighbour clause to it
        std::size_t overlap = 0;
        if (candidate.find(key) != std::string::npos)
            overlap = key.size();
        else if (key.find(candidate) != std::string::npos)
            overlap = candidate.size();
        if (overlap > bestOverlap) {
            bestOverlap = overlap;
            best = int(i);
        }
    }
    return best;
}

std::vector<int> conditionsAbsentFrom(const std::vector<std::string>& conditions, std::string_view original)
{
    const std::string originalKey = text::alnumKey(original);
    std::vector<int> absent;
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        const std::string key = text::alnumKey(conditions[i]);
        if (!key.empty() && originalKey.find(key) == std::string::npos)
            absent.push_back(int(i));
    }
    return absent;
}

} // namespace wb::dataset
