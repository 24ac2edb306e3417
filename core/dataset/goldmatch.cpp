// SPDX-License-Identifier: Apache-2.0
#include "core/dataset/goldmatch.h"

#include "core/common/text.h"

#include <array>

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

namespace {

/// Same key as text::alnumKey (ASCII letters lower-cased, digits kept, all else dropped) written into a reused
/// buffer: this runs for every condition of every GSM-IC problem, where allocating a fresh string per call showed.
void assignAlnumKey(std::string& out, std::string_view s)
{
    static const auto kMap = [] {
        std::array<char, 256> map {};
        for (int c = '0'; c <= '9'; ++c)
            map[std::size_t(c)] = char(c);
        for (int c = 'a'; c <= 'z'; ++c) {
            map[std::size_t(c)] = char(c);
            map[std::size_t(c - 'a' + 'A')] = char(c);
        }
        return map;
    }();
    out.resize(s.size());
    char* to = out.data();
    for (char c : s) {
        const char mapped = kMap[static_cast<unsigned char>(c)];
        *to = mapped;
        to += mapped != 0; // branch-free: dropped characters are overwritten by the next kept one
    }
    out.resize(std::size_t(to - out.data()));
}

} // namespace

std::vector<int> conditionsAbsentFrom(const std::vector<std::string>& conditions, std::string_view original)
{
    thread_local std::string originalKey;
    thread_local std::string key;
    bool haveOriginalKey = false;
    std::vector<int> absent;
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        if (original.find(text::trim(conditions[i])) != std::string_view::npos)
            continue; // verbatim in the original: the common case, no need to normalise
        if (!haveOriginalKey) {
            assignAlnumKey(originalKey, original);
            haveOriginalKey = true;
        }
        assignAlnumKey(key, conditions[i]);
        if (!key.empty() && originalKey.find(key) == std::string::npos)
            absent.push_back(int(i));
    }
    return absent;
}

} // namespace wb::dataset
