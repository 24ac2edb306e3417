// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace wb::ui {

/// One word of a two-sided diff: in both texts, only in the left one, or only in the right one.
struct DiffWord {
    enum class Side { Both, Left, Right };
    Side side = Side::Both;
    QString word;
    bool operator==(const DiffWord&) const = default;
};

/// Splits on whitespace, keeping punctuation attached to its word.
QStringList diffWords(const QString& text);

/// Word-level diff by longest common subsequence (diffLines over words, O(n·m) memory; inputs longer than `maxWords`
/// words on either side are compared by their common prefix and suffix only, so a huge response cannot stall the UI).
std::vector<DiffWord> wordDiff(const QStringList& left, const QStringList& right, int maxWords = 3000);

/// HTML of one side of the diff: shared words plain, words only on this side highlighted.
QString diffSideHtml(const std::vector<DiffWord>& diff, DiffWord::Side side);

} // namespace wb::ui
