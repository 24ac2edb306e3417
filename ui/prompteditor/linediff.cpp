// SPDX-License-Identifier: Apache-2.0
#include "ui/prompteditor/linediff.h"

#include <algorithm>
#include <vector>

namespace wb::ui {

QList<DiffLine> diffLines(const QStringList& before, const QStringList& after)
{
    // lcs(i, j) = length of the longest common subsequence of before[i..n) and after[j..m), walked forwards
    // afterwards. Quadratic memory: callers bound their inputs (prompts are a few hundred lines).
    const qsizetype n = before.size();
    const qsizetype m = after.size();
    std::vector<int> table(static_cast<std::size_t>((n + 1) * (m + 1)), 0);
    const auto lcs = [&](qsizetype i, qsizetype j) -> int& { return table[static_cast<std::size_t>(i * (m + 1) + j)]; };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs(i, j) = before.at(i) == after.at(j) ? lcs(i + 1, j + 1) + 1 : std::max(lcs(i + 1, j), lcs(i, j + 1));
    }
    QList<DiffLine> out;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && before.at(i) == after.at(j)) {
            out.append({ DiffLine::Kind::Same, before.at(i) });
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs(i + 1, j) >= lcs(i, j + 1))) {
            out.append({ DiffLine::Kind::Removed, before.at(i) }); // unified-diff order: removals first
            ++i;
        } else {
            out.append({ DiffLine::Kind::Added, after.at(j) });
            ++j;
        }
    }
    return out;
}

QString diffToText(const QList<DiffLine>& diff)
{
    QStringList lines;
    for (const DiffLine& line : diff) {
        const char* mark = line.kind == DiffLine::Kind::Same ? "  "
            : line.kind == DiffLine::Kind::Removed           ? "- "
                                                             : "+ ";
        lines << QString::fromLatin1(mark) + line.text;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace wb::ui
