// SPDX-License-Identifier: Apache-2.0
#include "ui/views/viewsetup.h"

#include <QHeaderView>
#include <QTableView>

namespace wb::ui {

void setupTableView(QTableView* view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionsMovable(true);
    view->horizontalHeader()->setStretchLastSection(false);
}

bool restoreHeader(QHeaderView* header, const Settings& settings, Settings::Key key)
{
    const QByteArray state = settings.bytes(key);
    return !state.isEmpty() && header->restoreState(state);
}

void saveHeader(const QHeaderView* header, Settings& settings, Settings::Key key)
{
    settings.setBytes(key, header->saveState());
}

} // namespace wb::ui
