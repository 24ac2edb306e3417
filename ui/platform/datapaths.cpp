// SPDX-License-Identifier: Apache-2.0
#include "ui/platform/datapaths.h"

#include "core/common/datadir.h"

#include <QFileInfo>

namespace wb::ui {

QString findDemoDataset()
{
    const auto path = wb::dataPath("datasets/demo/demo.jsonl");
    if (!path)
        return {};
    return QFileInfo(QString::fromStdString(*path)).canonicalFilePath();
}

} // namespace wb::ui
