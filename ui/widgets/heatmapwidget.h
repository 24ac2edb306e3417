// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/delegates/heatcellpainter.h"

#include <QStringList>
#include <QWidget>

#include <vector>

namespace wb::ui {

/// A labelled matrix of similarity values: rows c1..cn, columns q, c1..cn. Values are printed in the cells
/// when they fit and always shown as tooltips; hovering highlights the row and column labels.
class HeatmapWidget : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapWidget(QWidget* parent = nullptr);

    /// `values[row][column]`; every row must have columnLabels.size() entries. `rowDetails` (optional) adds
    /// the full condition text to tooltips.
    void setMatrix(const QStringList& rowLabels, const QStringList& columnLabels,
        const std::vector<std::vector<double>>& values, const QStringList& rowDetails = {},
        const QStringList& columnDetails = {});
    void clear(const QString& placeholder = {});

    int rowCount() const { return static_cast<int>(m_values.size()); }
    int columnCount() const { return static_cast<int>(m_columnLabels.size()); }
    double value(int row, int column) const;
    /// Cell geometry in widget coordinates; empty when out of range.
    QRect cellRect(int row, int column) const;
    /// Tooltip text for a cell.
    QString cellToolTip(int row, int column) const;
    const HeatCellPainter& cellPainter() const { return m_cellPainter; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Layout {
        int rowLabelWidth = 0;
        int columnLabelHeight = 0;
        int cellSize = 0;
    };
    Layout layout() const;
    QPoint cellAt(const QPoint& pos) const;

    HeatCellPainter m_cellPainter;
    QStringList m_rowLabels;
    QStringList m_columnLabels;
    QStringList m_rowDetails;
    QStringList m_columnDetails;
    std::vector<std::vector<double>> m_values;
    QString m_placeholder;
    QPoint m_hover { -1, -1 };
};

} // namespace wb::ui
