// SPDX-License-Identifier: Apache-2.0
#include "ui/export/pngfile.h"

#include "ui/export/atomicfile.h"

#include <QBuffer>
#include <QImage>
#include <QObject>

namespace wb::ui {

bool writePngAtomically(const QImage& image, const QString& path, QString* error)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        if (error)
            *error = QObject::tr("Could not encode %1 as PNG").arg(path);
        return false;
    }
    return writeFileAtomically(path, bytes, error);
}

} // namespace wb::ui
