// SPDX-License-Identifier: Apache-2.0
#include "ui/export/chartexport.h"

#include "ui/export/atomicfile.h"

#include <QBuffer>
#include <QChartView>
#include <QPainter>
#include <QSvgGenerator>

namespace wb::ui {

namespace {

    /// Renders at `size` by resizing the view for the duration: the chart lays out its axes and legend for
    /// the target size instead of being scaled like a bitmap.
    void renderAt(QChartView& view, QSize size, QPainter& painter)
    {
        const QSize old = view.size();
        const bool resize = size.isValid() && size != old;
        if (resize)
            view.resize(size);
        view.render(&painter, QRectF(QPointF(0, 0), QSizeF(size.isValid() ? size : old)), view.viewport()->rect());
        if (resize)
            view.resize(old);
    }

} // namespace

QImage renderChartImage(QChartView& view, QSize size)
{
    const QSize target = size.isValid() ? size : view.size();
    QImage image(target, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderAt(view, target, painter);
    painter.end();
    return image;
}

QByteArray renderChartSvg(QChartView& view, QSize size, const QString& title)
{
    const QSize target = size.isValid() ? size : view.size();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(target);
    generator.setViewBox(QRect(QPoint(0, 0), target));
    generator.setTitle(title.isEmpty() ? view.chart()->title() : title);
    QPainter painter(&generator);
    painter.fillRect(QRect(QPoint(0, 0), target), Qt::white);
    renderAt(view, target, painter);
    painter.end();
    return buffer.data();
}

bool saveChartPng(QChartView& view, const QString& path, QString* error, QSize size)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!renderChartImage(view, size).save(&buffer, "PNG")) {
        if (error)
            *error = QObject::tr("Could not encode the chart as PNG");
        return false;
    }
    return writeFileAtomically(path, bytes, error);
}

bool saveChartSvg(QChartView& view, const QString& path, QString* error, QSize size)
{
    return writeFileAtomically(path, renderChartSvg(view, size), error);
}

} // namespace wb::ui
