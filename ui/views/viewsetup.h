// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/settings/settings.h"

class QHeaderView;
class QTableView;

namespace wb::ui {

/// Common table look: whole-row single selection, alternating rows, fixed row height (so that tens of
/// thousands of rows scroll without measuring each one), sortable header, no vertical header.
void setupTableView(QTableView* view);

/// Restores a header layout saved under `key`; returns false when nothing usable was stored.
bool restoreHeader(QHeaderView* header, const Settings& settings, Settings::Key key);
void saveHeader(const QHeaderView* header, Settings& settings, Settings::Key key);

} // namespace wb::ui
