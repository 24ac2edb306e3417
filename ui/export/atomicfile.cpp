// SPDX-License-Identifier: Apache-2.0
#include "ui/export/atomicfile.h"

#include <QObject>
#include <QSaveFile>

namespace wb::ui {

bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = QObject::tr("Could not write %1: %2").arg(path, file.errorString());
    return false;
}

} // namespace wb::ui
