// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/compare/comparisondata.h"

#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace wb::ui {

/// The settings of `run` that differ among `runs` (θ, encoder, sampling overrides, limit, demos, method
/// version), as "name=value" items; empty when the runs agree on all of them.
QStringList differingSettings(const RunOutcome& run, const std::vector<const RunOutcome*>& runs);

/// A label that tells `run` apart from the other `runs`: "#id · method · model", plus the settings that differ.
QString distinctRunLabel(const RunOutcome& run, const std::vector<const RunOutcome*>& runs);
/// The same for run `id` of `data` among the runs `among` (ids); empty for an unknown run.
QString distinctRunLabel(const ComparisonData& data, wb::store::RowId id, const std::vector<wb::store::RowId>& among);

} // namespace wb::ui
