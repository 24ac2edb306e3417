// SPDX-License-Identifier: Apache-2.0
#include "ui/export/csvexport.h"

#include "core/common/csv.h"
#include "ui/export/atomicfile.h"

#include <QAbstractItemModel>
#include <QVariant>

#include <vector>

namespace wb::ui {

namespace {

bool holdsNumber(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

wb::csv::Cell cellOf(const QVariant& value)
{
    std::string text = value.toString().toStdString();
    return holdsNumber(value) ? wb::csv::Cell::ours(std::move(text)) : wb::csv::Cell::untrusted(std::move(text));
}

} // namespace

QByteArray modelToCsv(const QAbstractItemModel& model)
{
    std::vector<wb::csv::Cell> cells;
    for (int column = 0; column < model.columnCount(); ++column)
        cells.push_back(cellOf(model.headerData(column, Qt::Horizontal, Qt::DisplayRole)));
    std::string csv = wb::csv::formatRow(cells);
    for (int row = 0; row < model.rowCount(); ++row) {
        cells.clear();
        for (int column = 0; column < model.columnCount(); ++column)
            cells.push_back(cellOf(model.index(row, column).data(Qt::DisplayRole)));
        csv += wb::csv::formatRow(cells);
    }
    return QByteArray::fromStdString(csv);
}

bool writeModelCsv(const QAbstractItemModel& model, const QString& path, QString* error)
{
    return writeFileAtomically(path, modelToCsv(model), error);
}

} // namespace wb::ui
