// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/delegates/heatcellpainter.h"

#include <QStyledItemDelegate>

namespace wb::ui {

/// Paints a score cell as a heat-map cell. The raw value comes from `valueRole`; cells without a value fall
/// back to the normal item painting.
class HeatDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    HeatDelegate(const ColorScale& scale, int valueRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    HeatCellPainter m_cellPainter;
    int m_valueRole;
};

} // namespace wb::ui
