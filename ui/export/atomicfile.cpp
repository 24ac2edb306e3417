// SPDX-License-Identifier: Apache-2.0
#include "ui/export/atomicfile.h"

#include "core/common/atomicfile.h"

#include <QFile>
#include <QObject>

namespace wb::ui {

bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    const wb::Result<void> written = wb::writeFileAtomically(
        QFile::encodeName(path).toStdString(), std::string_view(bytes.constData(), std::size_t(bytes.size())));
    if (written)
        return true;
    if (error)
        *error = QObject::tr("Could not write %1: %2").arg(path, QString::fromStdString(written.error().message));
    return false;
}

} // namespace wb::ui
