// SPDX-License-Identifier: Apache-2.0
#include "ui/compare/worddiff.h"

#include <QRegularExpression>

#include <algorithm>

namespace wb::ui {

QStringList diffWords(const QString& text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.split(space, Qt::SkipEmptyParts);
}

std::vector<DiffWord> wordDiff(const QStringList& left, const QStringList& right, int maxWords)
{
    // Common prefix and suffix never need the table.
    qsizetype prefix = 0;
    while (prefix < left.size() && prefix < right.size() && left[prefix] == right[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < left.size() - prefix && suffix < right.size() - prefix
        && left[left.size() - 1 - suffix] == right[right.size() - 1 - suffix])
        ++suffix;
    const qsizetype n = left.size() - prefix - suffix;
    const qsizetype m = right.size() - prefix - suffix;

    std::vector<DiffWord> diff;
    for (qsizetype i = 0; i < prefix; ++i)
        diff.push_back({ DiffWord::Side::Both, left[i] });
    if (n > maxWords || m > maxWords) {
        for (qsizetype i = 0; i < n; ++i)
            diff.push_back({ DiffWord::Side::Left, left[prefix + i] });
        for (qsizetype j = 0; j < m; ++j)
            diff.push_back({ DiffWord::Side::Right, right[prefix + j] });
    } else {
        // lcs[i][j] = LCS length of left[i..n) and right[j..m), walked forwards afterwards.
        std::vector<int> lcs(static_cast<std::size_t>((n + 1) * (m + 1)), 0);
        const auto at = [&](qsizetype i, qsizetype j) -> int& { return lcs[static_cast<std::size_t>(i * (m + 1) + j)]; };
        for (qsizetype i = n - 1; i >= 0; --i) {
            for (qsizetype j = m - 1; j >= 0; --j)
                at(i, j) = left[prefix + i] == right[prefix + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        }
        qsizetype i = 0;
        qsizetype j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && left[prefix + i] == right[prefix + j]) {
                diff.push_back({ DiffWord::Side::Both, left[prefix + i] });
                ++i;
                ++j;
            } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
                diff.push_back({ DiffWord::Side::Right, right[prefix + j] });
                ++j;
            } else {
                diff.push_back({ DiffWord::Side::Left, left[prefix + i] });
                ++i;
            }
        }
    }
    for (qsizetype i = left.size() - suffix; i < left.size(); ++i)
        diff.push_back({ DiffWord::Side::Both, left[i] });
    return diff;
}

QString diffSideHtml(const std::vector<DiffWord>& diff, DiffWord::Side side)
{
    // Red-ish for the left (A) side, green-ish for the right (B) side: readable on light and dark palettes.
    const QString style = side == DiffWord::Side::Left ? QStringLiteral("background-color:#f8c4c4;color:#5a0000")
                                                        : QStringLiteral("background-color:#c4ecc4;color:#003a00");
    QStringList parts;
    for (const DiffWord& word : diff) {
        if (word.side == DiffWord::Side::Both)
            parts << word.word.toHtmlEscaped();
        else if (word.side == side)
            parts << QStringLiteral("<span style=\"%1\">%2</span>").arg(style, word.word.toHtmlEscaped());
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace wb::ui
