// SPDX-License-Identifier: Apache-2.0
#include "ui/compare/worddiff.h"

#include "ui/prompteditor/linediff.h"

#include <QRegularExpression>

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
        // The line diff's LCS works on any token list: here the tokens are words.
        for (const DiffLine& token : diffLines(left.mid(prefix, n), right.mid(prefix, m))) {
            const DiffWord::Side side = token.kind == DiffLine::Kind::Same ? DiffWord::Side::Both
                : token.kind == DiffLine::Kind::Removed                    ? DiffWord::Side::Left
                                                                           : DiffWord::Side::Right;
            diff.push_back({ side, token.text });
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
