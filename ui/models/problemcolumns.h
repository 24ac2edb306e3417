// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace wb::ui {

/// The columns that every table of problems shows (the Datasets page's table and the Compare page's problem
/// list), so that both title them alike.
enum class ProblemColumn { Index, Id, Text, GoldAnswer };

QString problemColumnTitle(ProblemColumn column);

} // namespace wb::ui
