// SPDX-License-Identifier: Apache-2.0
#include "ui/delegates/heatdelegate.h"

#include <QPainter>

namespace wb::ui {

namespace {
constexpr int kInset = 1;
}

HeatDelegate::HeatDelegate(const ColorScale& scale, int valueRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_cellPainter(scale, 3)
    , m_valueRole(valueRole)
{
}

void HeatDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QVariant value = index.data(m_valueRole);
    if (!value.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);

    painter->save();
    // Repaint the row background first: the view's alternate-row colour would otherwise show through the
    // inset margin in one row and not the next.
    const bool alternate = opt.features.testFlag(QStyleOptionViewItem::Alternate);
    painter->fillRect(opt.rect, alternate ? opt.palette.alternateBase() : opt.palette.base());
    painter->setFont(opt.font);
    m_cellPainter.paint(painter, opt.rect.adjusted(kInset, kInset, -kInset, -kInset), value.toDouble());
    if (opt.state.testFlag(QStyle::State_Selected)) {
        // A frame instead of the selection fill keeps the heat colour visible on the selected row.
        painter->setPen(QPen(opt.palette.highlight(), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(opt.rect.adjusted(1, 1, -1, -1));
    }
    painter->restore();
}

} // namespace wb::ui
