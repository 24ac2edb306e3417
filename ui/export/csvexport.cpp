// SPDX-License-Identifier: Apache-2.0
#include "ui/export/csvexport.h"

#include "ui/export/atomicfile.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace wb::ui {

QString csvField(const QString& value)
{
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')) || value.startsWith(QLatin1Char(' '))
        || value.endsWith(QLatin1Char(' '));
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString modelToCsv(const QAbstractItemModel& model)
{
    QString csv;
    QStringList fields;
    for (int column = 0; column < model.columnCount(); ++column)
        fields << csvField(model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
    csv += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int row = 0; row < model.rowCount(); ++row) {
        fields.clear();
        for (int column = 0; column < model.columnCount(); ++column)
            fields << csvField(model.index(row, column).data(Qt::DisplayRole).toString());
        csv += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return csv;
}

bool writeModelCsv(const QAbstractItemModel& model, const QString& path, QString* error)
{
    return writeFileAtomically(path, modelToCsv(model).toUtf8(), error);
}

} // namespace wb::ui
