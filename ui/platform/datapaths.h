// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace wb::ui {

/// The bundled demo dataset in the program's data folder (wb::dataPath), as a canonical path; empty when the
/// data folder or the file is missing.
QString findDemoDataset();

} // namespace wb::ui
