// SPDX-License-Identifier: Apache-2.0
#include "ui/prompteditor/linediff.h"

#include "ui/compare/worddiff.h"

namespace wb::ui {

namespace {
    // Rendered prompts are at most a few hundred lines; beyond this the LCS table is skipped.
    constexpr int kMaxLines = 5000;
}

QList<DiffLine> diffLines(const QStringList& before, const QStringList& after)
{
    // The LCS of the Compare page's word diff works on any token list; lines are tokens here. Its changed
    // stretches are reordered into the unified-diff convention: removals, then additions.
    const std::vector<DiffWord> tokens = wordDiff(before, after, kMaxLines);
    QList<DiffLine> out;
    QList<DiffLine> added;
    for (const DiffWord& token : tokens) {
        if (token.side == DiffWord::Side::Both) {
            out += added;
            added.clear();
            out.append({ DiffLine::Kind::Same, token.word });
        } else if (token.side == DiffWord::Side::Left) {
            out.append({ DiffLine::Kind::Removed, token.word });
        } else {
            added.append({ DiffLine::Kind::Added, token.word });
        }
    }
    out += added;
    return out;
}

QString diffToText(const QList<DiffLine>& diff)
{
    QStringList lines;
    for (const DiffLine& line : diff) {
        const char* mark = line.kind == DiffLine::Kind::Same ? "  " : line.kind == DiffLine::Kind::Removed ? "- " : "+ ";
        lines << QString::fromLatin1(mark) + line.text;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace wb::ui
