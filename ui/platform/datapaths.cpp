// SPDX-License-Identifier: Apache-2.0
#include "ui/platform/datapaths.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>

namespace wb::ui {

namespace {
const QString kDemoRelative = QStringLiteral("datasets/demo/demo.jsonl");
}

QStringList demoDatasetCandidates()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    QStringList candidates {
        appDir + QLatin1Char('/') + kDemoRelative,
        appDir + QStringLiteral("/../share/i3c-workbench/") + kDemoRelative,
    };
    for (const QString& dir : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
        candidates << dir + QStringLiteral("/i3c-workbench/") + kDemoRelative;
    candidates << QStringLiteral("/usr/share/i3c-workbench/") + kDemoRelative;
#ifdef WB_DEMO_DATASET
    candidates << QStringLiteral(WB_DEMO_DATASET);
#endif
    return candidates;
}

QString findDemoDataset()
{
    for (const QString& candidate : demoDatasetCandidates()) {
        const QFileInfo info(candidate);
        if (info.isFile())
            return info.canonicalFilePath();
    }
    return {};
}

} // namespace wb::ui
