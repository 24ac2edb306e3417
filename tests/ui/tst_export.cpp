// SPDX-License-Identifier: Apache-2.0
// Exports of the Compare page: CSV cells from a table model, chart PNG/SVG files that load again, a self-contained HTML
// report without credentials, and the chart's bars painted in the method's colour under their whiskers.
#include "support/comparedb.h"
#include "support/testpaths.h"
#include "ui/charts/accuracybarchart.h"
#include "ui/charts/chartexport.h"
#include "ui/charts/errorbaritem.h"
#include "ui/charts/methodpalette.h"
#include "ui/compare/accuracytablemodel.h"
#include "ui/export/csvexport.h"
#include "ui/export/htmlreport.h"

#include <QFile>
#include <QImage>
#include <QStandardItemModel>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

using namespace wb::ui;

namespace {
const QByteArray kKeySentinel = "sk-test-SENTINEL-0123456789";
}

class TestExport final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const ComparisonData> m_data;
    std::vector<wb::store::RowId> m_runs;

    QString file(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    BarChartData sampleChart() const
    {
        BarChartData data;
        data.title = QStringLiteral("Sample");
        data.categories = { QStringLiteral("gsm8k"), QStringLiteral("gsm-ic") };
        for (const QString& method : { QStringLiteral("zero-shot-cot"), QStringLiteral("zero-shot-cot+i3c") }) {
            BarChartData::Set set;
            set.label = method;
            set.colorKey = method;
            for (int c = 0; c < 2; ++c) {
                const std::size_t correct = method.endsWith(QStringLiteral("i3c")) ? 70 : 50;
                std::vector<bool> flags(100, false);
                std::fill(flags.begin(), flags.begin() + static_cast<long>(correct), true);
                set.values.push_back(wb::eval::accuracy(flags));
                set.runs.push_back(1);
                set.problems.emplace_back();
            }
            data.sets.push_back(set);
        }
        return data;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A key in the environment must never reach a report.
        qputenv("OPENAI_API_KEY", kKeySentinel);
        const std::string db = m_dir.filePath(QStringLiteral("export.db")).toStdString();
        const std::string demo
            = QString(wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl")).toStdString();
        auto runs = wb::test::makeComparisonDatabase(db, demo);
        QVERIFY2(runs, runs ? "" : runs.error().toString().c_str());
        m_runs = *runs;
        auto data = loadComparison(db);
        QVERIFY(data);
        m_data = std::make_shared<const ComparisonData>(std::move(*data));
    }

    void modelCsvHasHeaderAndRows()
    {
        QStandardItemModel model(3, 3);
        model.setHorizontalHeaderLabels({ QStringLiteral("Name"), QStringLiteral("Text"), QStringLiteral("Delta") });
        model.setItem(0, 0, new QStandardItem(QStringLiteral("a")));
        model.setItem(0, 1, new QStandardItem(QStringLiteral("x, \"y\"")));
        model.setItem(1, 0, new QStandardItem(QStringLiteral("b")));
        model.setItem(1, 1, new QStandardItem(QStringLiteral("line\nbreak")));
        // Text cells may be model output: a formula is written as text. Numbers are the program's own.
        model.setItem(2, 0, new QStandardItem(QStringLiteral("=HYPERLINK(\"http://x\")")));
        model.setItem(2, 1, new QStandardItem(QStringLiteral("-3")));
        for (int row = 0; row < 3; ++row) {
            auto* number = new QStandardItem;
            number->setData(row == 2 ? -3.5 : double(row), Qt::DisplayRole);
            model.setItem(row, 2, number);
        }
        QCOMPARE(modelToCsv(model),
            QByteArray("Name,Text,Delta\r\na,\"x, \"\"y\"\"\",0\r\nb,\"line\nbreak\",1\r\n"
                       "\"'=HYPERLINK(\"\"http://x\"\")\",'-3,-3.5\r\n"));
        QVERIFY(writeModelCsv(model, file("table.csv")));
        QFile csv(file("table.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll(), modelToCsv(model));
        QString error;
        QVERIFY(!writeModelCsv(model, file("missing-dir/table.csv"), &error));
        QVERIFY(error.contains(QStringLiteral("missing-dir")));
    }

    void chartFilesLoadAgain()
    {
        AccuracyBarChart chart;
        chart.resize(800, 450);
        chart.setChartData(sampleChart());
        QVERIFY(saveChartPng(chart, file("chart.png")));
        QVERIFY(saveChartSvg(chart, file("chart.svg")));
        QImage png(file("chart.png"));
        QVERIFY(!png.isNull());
        QCOMPARE(png.size(), QSize(800, 450));
        QVERIFY(QFileInfo(file("chart.svg")).size() > 1000);
        QSvgRenderer svg(file("chart.svg"));
        QVERIFY(svg.isValid());
        QVERIFY(!svg.defaultSize().isEmpty());
    }

    void barsHaveMethodColourUnderWhiskers()
    {
        AccuracyBarChart chart;
        chart.resize(800, 450);
        chart.setChartData(sampleChart());
        chart.show(); // lays the chart out
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QImage image = renderChartImage(chart);
        for (int set = 0; set < 2; ++set) {
            const QRectF bar = chart.barRect(set, 1);
            QVERIFY(bar.height() > 50);
            // Halfway between the bar's foot and the lower whisker cap: only the bar is painted there.
            const QPointF inside(bar.center().x() + bar.width() / 4, bar.bottom() - 10);
            const QColor pixel = image.pixelColor(inside.toPoint());
            const QColor expected = methodColor(chart.chartData().sets[static_cast<std::size_t>(set)].colorKey);
            QVERIFY2(qAbs(pixel.red() - expected.red()) < 8 && qAbs(pixel.green() - expected.green()) < 8
                    && qAbs(pixel.blue() - expected.blue()) < 8,
                qPrintable(QStringLiteral("pixel %1, method colour %2").arg(pixel.name(), expected.name())));
            // The whisker is centred on the bar: its x maps to the bar's centre.
            const ErrorBarItem::Whisker& whisker = chart.errorBars()->whiskers()[static_cast<std::size_t>(set * 2 + 1)];
            QCOMPARE(whisker.x, chart.barCenter(set, 1));
            // And the whisker's dark line rises above the bar's top at the bar's centre (antialiased: take the
            // darkest of a few pixels).
            int darkest = 255;
            for (int dx = -2; dx <= 2; ++dx)
                darkest = std::min(darkest,
                    image.pixelColor(QPoint(qRound(bar.center().x()) + dx, qRound(bar.top()) - 8)).lightness());
            QVERIFY2(darkest < 90, qPrintable(QString::number(darkest)));
        }
        QVERIFY(methodColor(QStringLiteral("zero-shot-cot")) != methodColor(QStringLiteral("zero-shot-cot+i3c")));
        QCOMPARE(methodColor(QStringLiteral("my-method")), methodColor(QStringLiteral("my-method")));
    }

    void htmlReportIsSelfContained()
    {
        AccuracyTableModel accuracy;
        accuracy.setRuns(m_data, m_runs);
        AccuracyBarChart chart;
        chart.resize(800, 450);
        chart.setChartData(accuracyByDataset(*m_data, m_runs));
        ComparisonReport report;
        report.databasePath = QStringLiteral("/tmp/export.db");
        report.programVersion = QStringLiteral(WB_VERSION);
        report.generatedAt = QStringLiteral("2026-01-01T00:00:00Z");
        report.chartSvgs.push_back(renderChartSvg(chart));
        for (int row = 0; row < accuracy.rowCount(); ++row)
            report.runs.push_back(&accuracy.run(row));
        auto pair = wb::run::comparePaired(m_data->run(m_runs[0])->scored, m_data->run(m_runs[1])->scored);
        QVERIFY(pair);
        report.pair = *pair;
        report.labelA = QStringLiteral("A");
        report.labelB = QStringLiteral("B");
        QVERIFY(writeComparisonReport(report, file("report.html")));
        QFile html(file("report.html"));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(html.readAll());
        QVERIFY(text.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(text.contains(QStringLiteral("<svg")));
        QVERIFY(!text.contains(QStringLiteral("<?xml")));
        QVERIFY(!text.contains(QStringLiteral("src=\"http"))); // nothing to fetch
        for (int row = 0; row < accuracy.rowCount(); ++row) {
            QVERIFY(text.contains(QString::number(accuracy.accuracy(row).value, 'f', 4)));
            QVERIFY(text.contains(QString::number(accuracy.accuracy(row).ci.low, 'f', 4)));
            const RunOutcome& run = accuracy.run(row);
            QVERIFY(text.contains(QString::fromStdString(run.config.methodHash)));
            QVERIFY(text.contains(QString::fromStdString(run.datasetHash)));
            QVERIFY(text.contains(QString::fromStdString(run.config.backend.model)));
        }
        QVERIFY(text.contains(QStringLiteral("p = %1").arg(QString::number(pair->mcnemarP, 'g', 4))));
        QVERIFY(text.contains(QStringLiteral(WB_VERSION)));
        QVERIFY(!text.contains(QString::fromLatin1(kKeySentinel)));
        QVERIFY(!text.contains(QStringLiteral("OPENAI_API_KEY")));
    }
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
