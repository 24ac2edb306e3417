// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QString>

namespace wb::ui {

/// The colour of a method in every chart and report. Stable across runs and sessions: a method family
/// (zero-shot-cot, few-shot-cot, …) has a fixed hue, its "+i3c" variant the darker shade of that hue, and an
/// unknown method a hue picked by a fixed hash of its name (never qHash, which is seeded per process).
QColor methodColor(const QString& method);
/// The `shade`-th run of `method` in one chart (0 = methodColor()): alternately lighter and darker, so two runs
/// of a method keep its hue and still tell apart.
QColor methodColor(const QString& method, int shade);

} // namespace wb::ui
