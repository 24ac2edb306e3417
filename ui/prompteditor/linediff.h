// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace wb::ui {

/// One line of a unified line diff.
struct DiffLine {
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;

    bool operator==(const DiffLine&) const = default;
};

/// Line diff of `before` → `after` by longest common subsequence (any token list works: ui/compare diffs words): common
/// lines are Same, lines only in `before` Removed, lines only in `after` Added; within a changed stretch removals come
/// before additions.
QList<DiffLine> diffLines(const QStringList& before, const QStringList& after);

/// Compact text form for tests and tooltips: "  same", "- removed", "+ added", one per line.
QString diffToText(const QList<DiffLine>& diff);

} // namespace wb::ui
