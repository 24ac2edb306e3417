// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/problem.h"
#include "core/relevance/relevance.h"
#include "ui/inspector/encoderchoice.h"
#include "ui/jobs/generation.h"

#include <QWidget>

#include <map>
#include <memory>
#include <optional>
#include <string>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace wb::dataset {
struct Dataset;
}

namespace wb::ui {

class ColorLegend;
class ConditionTableModel;
class HeatmapWidget;
class ProblemTextView;
class RunCallsView;
class Settings;

/// Everything about one problem: highlighted text, per-condition scores and marks, the similarity heat map,
/// and the encoder / θ controls. Encoding runs off the GUI thread; θ only re-applies the candidate rule.
class InspectorPage : public QWidget {
    Q_OBJECT
public:
    explicit InspectorPage(Settings& settings, QWidget* parent = nullptr);
    ~InspectorPage() override;

    void setProblem(const wb::dataset::Problem& problem);
    void clearProblem();

    double theta() const;
    void setTheta(double theta);
    EncoderChoice encoderChoice() const;

    /// The report for the current problem at the current θ; nullopt while computing or after an error.
    const std::optional<wb::relevance::RelevanceReport>& report() const { return m_report; }
    bool isComputing() const { return m_computing; }

    ConditionTableModel* conditionModel() const { return m_conditions; }
    QTableView* conditionView() const { return m_conditionView; }
    HeatmapWidget* heatmap() const { return m_heatmap; }
    ProblemTextView* textView() const { return m_text; }
    QDoubleSpinBox* thetaSpinBox() const { return m_thetaSpin; }
    /// The "Runs" tab: prompts and responses of the stored runs for the current problem.
    RunCallsView* runCallsView() const { return m_runCalls; }
    /// The results database whose stored runs the "Runs" tab shows.
    void setDatabase(const QString& path);
    /// The dataset whose problems are shown next: the "Runs" tab lists the stored runs of the dataset with the
    /// same content hash. Call it before the first setProblem() of the dataset.
    void setDataset(std::shared_ptr<const wb::dataset::Dataset> dataset);

    void saveState();

signals:
    /// A report (or an error) arrived for the current problem.
    void reportUpdated();
    void thetaChanged(double theta);
    void encoderChanged();

private:
    QWidget* createControls();
    void recompute();
    void onReport(quint64 generation, wb::Result<wb::relevance::RelevanceReport>&& result);
    void applyTheta();
    void refreshViews();
    void onEncoderControlsChanged();
    std::string cacheKey() const;

    Settings& m_settings;
    wb::dataset::Problem m_problem;
    bool m_hasProblem = false;
    std::optional<wb::relevance::RelevanceReport> m_report;
    Generation m_generation;
    bool m_computing = false;
    /// Reports by encoder + problem content, so that stepping back to a problem does not call an endpoint again.
    std::map<std::string, wb::relevance::RelevanceReport> m_cache;

    QLabel* m_title;
    QComboBox* m_encoderKind;
    QLineEdit* m_url;
    QLineEdit* m_model;
    QDoubleSpinBox* m_thetaSpin;
    QSlider* m_thetaSlider;
    QLabel* m_status;
    ProblemTextView* m_text;
    ColorLegend* m_legend;
    HeatmapWidget* m_heatmap;
    ConditionTableModel* m_conditions;
    QTableView* m_conditionView;
    QTabWidget* m_bottomTabs;
    RunCallsView* m_runCalls;
    QSplitter* m_splitter;
    QSplitter* m_topSplitter;
    QTimer* m_encoderDelay;
};

} // namespace wb::ui
