// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace wb::ui {

/// Places where the bundled demo dataset may live, most specific first: beside the executable (relocatable
/// installs and build trees), the install data dir, then the source tree the binary was built from.
QStringList demoDatasetCandidates();
/// The first candidate that exists, or an empty string.
QString findDemoDataset();

} // namespace wb::ui
