// SPDX-License-Identifier: Apache-2.0
#include "ui/delegates/heatdelegate.h"
#include "ui/widgets/heatmapwidget.h"

#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QTest>

#include <cmath>

using wb::ui::ColorScale;
using wb::ui::HeatDelegate;
using wb::ui::HeatmapWidget;

namespace {

constexpr int kValueRole = Qt::UserRole + 7;

/// A pixel just inside the cell's top-left corner: away from the centred value label.
QColor cornerPixel(const QImage& image, const QRect& cell) { return image.pixelColor(cell.topLeft() + QPoint(3, 3)); }

QImage render(QWidget& widget)
{
    QImage image(widget.size(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    widget.render(&image);
    return image;
}

} // namespace

class TestHeatmap final : public QObject {
    Q_OBJECT
private slots:
    void cellsUseScaleColours_data();
    void cellsUseScaleColours();
    void tooltipNamesCellAndValue();
    void labelsPrintedOnlyWhenTheyFit();
    void emptyMatrixPaintsPlaceholder();
    void delegatePaintsHeatAndRestoresPainter_data();
    void delegatePaintsHeatAndRestoresPainter();
    void delegateFallsBackWithoutValue();
};

void TestHeatmap::cellsUseScaleColours_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::newRow("c1 x q") << 0 << 0;
    QTest::newRow("c1 x c2") << 0 << 2;
    QTest::newRow("c2 x q") << 1 << 0;
    QTest::newRow("c2 x c2 (diagonal)") << 1 << 2;
    QTest::newRow("c1 x c1 (NaN)") << 0 << 1;
}

void TestHeatmap::cellsUseScaleColours()
{
    QFETCH(int, row);
    QFETCH(int, column);
    HeatmapWidget widget;
    widget.resize(400, 300);
    const double nan = std::nan("");
    widget.setMatrix({ QStringLiteral("c1"), QStringLiteral("c2") },
        { QStringLiteral("q"), QStringLiteral("c1"), QStringLiteral("c2") }, { { 0.9, nan, 0.2 }, { 0.1, 0.2, 1.0 } });
    const QImage image = render(widget);
    const QRect cell = widget.cellRect(row, column);
    QVERIFY(!cell.isEmpty());
    QCOMPARE(cornerPixel(image, cell), ColorScale(0.0, 1.0).color(widget.value(row, column)));
}

void TestHeatmap::tooltipNamesCellAndValue()
{
    HeatmapWidget widget;
    widget.resize(300, 200);
    widget.setMatrix({ QStringLiteral("c1") }, { QStringLiteral("q"), QStringLiteral("c1") }, { { 0.4321, 1.0 } },
        { QStringLiteral("Tom has <3> apples.") },
        { QStringLiteral("How many?"), QStringLiteral("Tom has <3> apples.") });
    const QString tip = widget.cellToolTip(0, 0);
    QVERIFY2(tip.contains(QStringLiteral("c1 × q")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("0.4321")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Tom has &lt;3&gt; apples.")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("How many?")), qPrintable(tip));
    QVERIFY(widget.cellToolTip(3, 0).isEmpty());
}

void TestHeatmap::labelsPrintedOnlyWhenTheyFit()
{
    HeatmapWidget widget;
    widget.setMatrix({ QStringLiteral("c1") }, { QStringLiteral("q") }, { { 0.5 } });
    const QFontMetrics fm = widget.fontMetrics();
    const auto& painter = widget.cellPainter();
    QVERIFY(painter.labelFits(fm, QRect(0, 0, 200, 100), 0.5));
    QVERIFY(!painter.labelFits(fm, QRect(0, 0, 8, 8), 0.5));

    // A roomy cell shows dark label pixels on the pale midpoint colour; its corner keeps the fill.
    widget.resize(300, 200);
    const QImage image = render(widget);
    const QRect cell = widget.cellRect(0, 0);
    bool sawText = false;
    for (int x = cell.left(); x <= cell.right() && !sawText; ++x)
        sawText = image.pixelColor(x, cell.center().y()).lightness() < 128;
    QVERIFY(sawText);
    QCOMPARE(cornerPixel(image, cell), ColorScale::colorAt(0.5));
}

void TestHeatmap::emptyMatrixPaintsPlaceholder()
{
    HeatmapWidget widget;
    widget.resize(200, 120);
    widget.clear(QStringLiteral("Computing…"));
    QCOMPARE(widget.rowCount(), 0);
    QVERIFY(widget.cellRect(0, 0).isEmpty());
    const QImage image = render(widget);
    QCOMPARE(image.pixelColor(2, 2), widget.palette().color(QPalette::Base));
}

void TestHeatmap::delegatePaintsHeatAndRestoresPainter_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("alternate");
    QTest::newRow("low, plain row") << 0.1 << false;
    QTest::newRow("high, alternate row") << 0.9 << true;
    QTest::newRow("midpoint, alternate row") << 0.5 << true;
}

void TestHeatmap::delegatePaintsHeatAndRestoresPainter()
{
    QFETCH(double, value);
    QFETCH(bool, alternate);
    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0), value, kValueRole);
    model.setData(model.index(0, 0), QString::number(value, 'f', 3), Qt::DisplayRole);
    HeatDelegate delegate(ColorScale(0.0, 1.0), kValueRole);

    QImage image(80, 24, QImage::Format_ARGB32);
    image.fill(Qt::magenta); // anything the delegate leaves unpainted shows up as magenta
    QStyleOptionViewItem option;
    option.rect = image.rect();
    option.palette.setColor(QPalette::Base, Qt::white);
    option.palette.setColor(QPalette::AlternateBase, QColor(230, 230, 240));
    if (alternate)
        option.features |= QStyleOptionViewItem::Alternate;
    QPainter painter(&image);
    const QPen pen(Qt::green, 3);
    painter.setPen(pen);
    painter.setBrush(Qt::cyan);
    delegate.paint(&painter, option, model.index(0, 0));
    QCOMPARE(painter.pen(), pen);
    QCOMPARE(painter.brush().color(), QColor(Qt::cyan));
    painter.end();

    // The 1px inset margin shows the (alternate) row background, the inside the heat colour.
    QCOMPARE(image.pixelColor(0, 0), alternate ? QColor(230, 230, 240) : QColor(Qt::white));
    QCOMPARE(image.pixelColor(3, 3), ColorScale(0.0, 1.0).color(value));
}

void TestHeatmap::delegateFallsBackWithoutValue()
{
    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0), QStringLiteral("text"), Qt::DisplayRole);
    HeatDelegate delegate(ColorScale(0.0, 1.0), kValueRole);
    QImage image(80, 24, QImage::Format_ARGB32);
    image.fill(Qt::magenta);
    QStyleOptionViewItem option;
    option.rect = image.rect();
    QPainter painter(&image);
    delegate.paint(&painter, option, model.index(0, 0));
    painter.end();
    // No heat fill: the standard painting leaves the (magenta) background of an unselected cell alone.
    QCOMPARE(image.pixelColor(3, 3), QColor(Qt::magenta));
}

QTEST_MAIN(TestHeatmap)
#include "tst_heatmap.moc"
