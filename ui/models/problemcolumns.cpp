// SPDX-License-Identifier: Apache-2.0
#include "ui/models/problemcolumns.h"

#include <QCoreApplication>

namespace wb::ui {

QString problemColumnTitle(ProblemColumn column)
{
    switch (column) {
    case ProblemColumn::Index:
        return QCoreApplication::translate("ProblemColumn", "#");
    case ProblemColumn::Id:
        return QCoreApplication::translate("ProblemColumn", "Id");
    case ProblemColumn::Text:
        return QCoreApplication::translate("ProblemColumn", "Problem");
    case ProblemColumn::GoldAnswer:
        return QCoreApplication::translate("ProblemColumn", "Gold");
    }
    return {};
}

} // namespace wb::ui
