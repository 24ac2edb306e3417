// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/delegates/colorscale.h"

#include <QWidget>

namespace wb::ui {

/// Horizontal colour bar for a ColorScale with tick labels and a marker at the threshold θ.
class ColorLegend : public QWidget {
    Q_OBJECT
public:
    explicit ColorLegend(const ColorScale& scale, QWidget* parent = nullptr);

    void setThreshold(double theta);
    double threshold() const { return m_threshold; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    ColorScale m_scale;
    double m_threshold;
};

} // namespace wb::ui
