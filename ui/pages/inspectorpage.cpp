// SPDX-License-Identifier: Apache-2.0
#include "ui/pages/inspectorpage.h"

#include "core/dataset/loader.h"
#include "ui/delegates/heatdelegate.h"
#include "ui/jobs/asyncjob.h"
#include "ui/models/conditiontablemodel.h"
#include "ui/models/problemtablemodel.h"
#include "ui/prompteditor/runcallsview.h"
#include "ui/settings/settings.h"
#include "ui/views/viewsetup.h"
#include "ui/widgets/colorlegend.h"
#include "ui/widgets/heatmapwidget.h"
#include "ui/widgets/problemtextview.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace wb::ui {

namespace {
constexpr int kSliderSteps = 100;
// Typing a URL should not fire one request per keystroke.
constexpr int kEncoderDelayMs = 600;
constexpr std::size_t kMaxCachedReports = 512;
}

InspectorPage::InspectorPage(Settings& settings, QWidget* parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_title(new QLabel(this))
    , m_encoderKind(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_model(new QLineEdit(this))
    , m_thetaSpin(new QDoubleSpinBox(this))
    , m_thetaSlider(new QSlider(Qt::Horizontal, this))
    , m_status(new QLabel(this))
    , m_text(new ProblemTextView(this))
    , m_legend(new ColorLegend(ColorScale(0.0, 1.0), this))
    , m_heatmap(new HeatmapWidget(this))
    , m_conditions(new ConditionTableModel(this))
    , m_conditionView(new QTableView(this))
    , m_bottomTabs(new QTabWidget(this))
    , m_runCalls(new RunCallsView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_topSplitter(new QSplitter(Qt::Horizontal, this))
    , m_encoderDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("inspectorPage"));
    m_heatmap->setObjectName(QStringLiteral("similarityHeatmap"));
    m_conditionView->setObjectName(QStringLiteral("conditionTable"));
    m_thetaSpin->setObjectName(QStringLiteral("thetaSpinBox"));
    m_encoderKind->setObjectName(QStringLiteral("encoderKind"));
    m_status->setObjectName(QStringLiteral("relevanceStatus"));
    m_url->setObjectName(QStringLiteral("embeddingsUrl"));
    m_model->setObjectName(QStringLiteral("embeddingsModel"));

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    m_conditionView->setModel(m_conditions);
    setupTableView(m_conditionView);
    m_conditionView->setSortingEnabled(false);
    auto* heat = new HeatDelegate(ColorScale(0.0, 1.0), ConditionTableModel::HeatValueRole, this);
    for (int column :
        { ConditionTableModel::SqColumn, ConditionTableModel::ScColumn, ConditionTableModel::ReferenceSqColumn })
        m_conditionView->setItemDelegateForColumn(column, heat);
    QHeaderView* header = m_conditionView->horizontalHeader();
    const int narrow = m_conditionView->fontMetrics().horizontalAdvance(QStringLiteral("paper s(q)")) + 18;
    for (int column = 0; column < ConditionTableModel::TextColumn; ++column)
        header->resizeSection(column, column == ConditionTableModel::LabelColumn ? narrow / 2 : narrow);
    header->setSectionResizeMode(ConditionTableModel::TextColumn, QHeaderView::Stretch);

    auto* textBox = new QWidget(this);
    auto* textLayout = new QVBoxLayout(textBox);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_text, 1);
    textLayout->addWidget(m_legend);
    auto* key = new QLabel(
        tr("Background: s(q) of each condition · <span style=\"color:#a50026\">╌╌╌</span> dashed underline: "
           "candidate · <span style=\"background:#762a83;color:white\">&nbsp;gold&nbsp;</span>: "
           "annotated irrelevant"),
        textBox);
    key->setWordWrap(true);
    textLayout->addWidget(key);

    auto* heatBox = new QGroupBox(tr("Similarity: conditions × {question, conditions}"), this);
    auto* heatLayout = new QVBoxLayout(heatBox);
    heatLayout->setContentsMargins(4, 4, 4, 4);
    heatLayout->addWidget(m_heatmap);

    m_topSplitter->addWidget(textBox);
    m_topSplitter->addWidget(heatBox);
    m_topSplitter->setStretchFactor(0, 3);
    m_topSplitter->setStretchFactor(1, 2);
    m_topSplitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_topSplitter);
    m_bottomTabs->setObjectName(QStringLiteral("inspectorTabs"));
    m_bottomTabs->setDocumentMode(true);
    m_bottomTabs->addTab(m_conditionView, tr("Conditions"));
    m_bottomTabs->addTab(m_runCalls, tr("Runs"));
    m_splitter->addWidget(m_bottomTabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    if (!m_splitter->restoreState(m_settings.bytes(Settings::Key::InspectorSplitter)))
        m_splitter->setSizes({ 440, 260 });
    if (!m_topSplitter->restoreState(m_settings.bytes(Settings::Key::InspectorTopSplitter)))
        m_topSplitter->setSizes({ 470, 400 });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(createControls());
    layout->addWidget(m_status);
    layout->addWidget(m_splitter, 1);

    m_encoderDelay->setSingleShot(true);
    m_encoderDelay->setInterval(kEncoderDelayMs);
    connect(m_encoderDelay, &QTimer::timeout, this, &InspectorPage::onEncoderControlsChanged);
    clearProblem();
}

InspectorPage::~InspectorPage() = default;

QWidget* InspectorPage::createControls()
{
    auto* box = new QWidget(this);
    auto* rows = new QVBoxLayout(box);
    rows->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    auto* thetaRow = new QHBoxLayout;
    rows->addLayout(row);
    rows->addLayout(thetaRow);

    m_encoderKind->addItem(QIcon::fromTheme(QStringLiteral("computer")), tr("Built-in (offline)"),
        EncoderChoice::nameOf(EncoderChoice::Kind::Builtin));
    m_encoderKind->addItem(QIcon::fromTheme(QStringLiteral("network-server")), tr("Embeddings endpoint"),
        EncoderChoice::nameOf(EncoderChoice::Kind::Embeddings));
    m_encoderKind->setToolTip(tr("Encoder that turns conditions and question into vectors"));
    m_encoderKind->setCurrentIndex(m_encoderKind->findData(m_settings.encoderKind()));
    m_url->setText(m_settings.embeddingsUrl());
    m_url->setPlaceholderText(QStringLiteral("http://localhost:11434/v1"));
    m_url->setToolTip(tr("Base URL of an OpenAI-compatible server offering /embeddings"));
    m_model->setText(m_settings.embeddingsModel());
    m_model->setPlaceholderText(tr("model"));
    m_model->setToolTip(tr("Embeddings model name"));
    m_model->setMinimumWidth(m_model->fontMetrics().horizontalAdvance(QStringLiteral("nomic-embed-text")) + 24);
    m_url->setMinimumWidth(m_url->fontMetrics().horizontalAdvance(QStringLiteral("http://localhost/v1")) + 24);

    m_thetaSpin->setRange(0.0, 1.0);
    m_thetaSpin->setSingleStep(0.01);
    m_thetaSpin->setDecimals(2);
    m_thetaSpin->setValue(m_settings.theta());
    m_thetaSpin->setToolTip(tr("θ: a condition with a digit is a candidate when s(q) < θ or s(c) < θ"));
    m_thetaSlider->setRange(0, kSliderSteps);
    m_thetaSlider->setValue(static_cast<int>(std::lround(m_settings.theta() * kSliderSteps)));
    m_thetaSlider->setToolTip(m_thetaSpin->toolTip());
    m_thetaSlider->setMinimumWidth(120);

    row->addWidget(new QLabel(tr("Encoder:"), box));
    row->addWidget(m_encoderKind);
    row->addWidget(m_url, 2);
    row->addWidget(m_model, 1);
    thetaRow->addWidget(new QLabel(tr("Threshold θ:"), box));
    thetaRow->addWidget(m_thetaSpin);
    thetaRow->addWidget(m_thetaSlider, 1);

    const auto updateEndpointEnabled = [this]() {
        const bool endpoint = encoderChoice().kind == EncoderChoice::Kind::Embeddings;
        m_url->setEnabled(endpoint);
        m_model->setEnabled(endpoint);
    };
    updateEndpointEnabled();
    connect(m_encoderKind, &QComboBox::currentIndexChanged, this, [this, updateEndpointEnabled]() {
        updateEndpointEnabled();
        onEncoderControlsChanged();
    });
    connect(m_url, &QLineEdit::textEdited, m_encoderDelay, qOverload<>(&QTimer::start));
    connect(m_model, &QLineEdit::textEdited, m_encoderDelay, qOverload<>(&QTimer::start));
    connect(m_thetaSpin, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        const QSignalBlocker block(m_thetaSlider);
        m_thetaSlider->setValue(static_cast<int>(std::lround(value * kSliderSteps)));
        m_settings.setTheta(value);
        m_legend->setThreshold(value);
        applyTheta();
        emit thetaChanged(value);
    });
    connect(m_thetaSlider, &QSlider::valueChanged, this,
        [this](int value) { m_thetaSpin->setValue(static_cast<double>(value) / kSliderSteps); });
    m_legend->setThreshold(m_settings.theta());
    return box;
}

double InspectorPage::theta() const { return m_thetaSpin->value(); }

void InspectorPage::setTheta(double theta) { m_thetaSpin->setValue(theta); }

EncoderChoice InspectorPage::encoderChoice() const
{
    EncoderChoice choice;
    choice.kind = EncoderChoice::kindFromName(m_encoderKind->currentData().toString());
    choice.url = m_url->text().trimmed();
    choice.model = m_model->text().trimmed();
    return choice;
}

void InspectorPage::onEncoderControlsChanged()
{
    const EncoderChoice choice = encoderChoice();
    m_settings.setEncoderKind(choice.kindName());
    m_settings.setEmbeddingsUrl(choice.url);
    m_settings.setEmbeddingsModel(choice.model);
    emit encoderChanged();
    recompute();
}

void InspectorPage::setProblem(const wb::dataset::Problem& problem)
{
    m_problem = problem;
    m_hasProblem = true;
    m_report.reset();
    m_conditions->setProblem(problem);
    // Columns without data for this dataset would only be empty: the paper's scores exist for I3C files only.
    const bool hasReference = !problem.referenceSq.empty() || !problem.referenceCandidates.empty();
    m_conditionView->setColumnHidden(ConditionTableModel::ReferenceSqColumn, !hasReference);
    m_conditionView->setColumnHidden(ConditionTableModel::ReferenceCandidateColumn, !hasReference);
    m_conditionView->setColumnHidden(ConditionTableModel::GoldColumn, !problem.hasGoldAnnotation);
    QString title = tr("Problem %1").arg(problem.index + 1);
    if (!problem.id.empty() && problem.id != std::to_string(problem.index + 1))
        title += QStringLiteral(" · ") + QString::fromStdString(problem.id);
    const QString gold
        = QString::fromStdString(problem.goldChoice.empty() ? problem.goldAnswerText : problem.goldChoice);
    if (!gold.isEmpty())
        title += QStringLiteral(" · ") + tr("gold answer %1").arg(gold);
    m_title->setText(title);
    m_runCalls->setProblem(static_cast<std::int64_t>(problem.index), QString::fromStdString(problem.id));
    recompute();
}

void InspectorPage::clearProblem()
{
    m_hasProblem = false;
    m_problem = {};
    m_report.reset();
    m_generation.next();
    m_computing = false;
    m_conditions->clear();
    m_runCalls->clearProblem();
    m_title->setText(tr("No problem selected"));
    m_status->clear();
    m_text->showMessage(tr("Select a problem in the table to inspect its conditions."));
    m_heatmap->clear(tr("No problem selected"));
}

void InspectorPage::recompute()
{
    if (!m_hasProblem)
        return;
    const quint64 generation = m_generation.next();
    m_report.reset();
    m_conditions->setReport(std::nullopt);
    refreshViews();
    if (m_problem.conditions.empty()) {
        m_computing = false;
        m_status->setText(tr("This problem has no segmented conditions."));
        emit reportUpdated();
        return;
    }
    const std::string key = cacheKey();
    if (const auto cached = m_cache.find(key); cached != m_cache.end()) {
        m_computing = false;
        m_report = cached->second;
        applyTheta();
        emit reportUpdated();
        return;
    }
    m_computing = true;
    m_status->setText(tr("Computing similarities…"));
    const EncoderChoice choice = encoderChoice();
    const std::vector<std::string> conditions = m_problem.conditions;
    const std::string question = m_problem.question;
    const double theta = this->theta();
    runAsync<wb::Result<wb::relevance::RelevanceReport>>(
        this,
        [choice, conditions, question, theta]() -> wb::Result<wb::relevance::RelevanceReport> {
            auto encoder = createEncoder(choice);
            if (!encoder)
                return encoder.error();
            return wb::relevance::analyse(**encoder, conditions, question, theta);
        },
        [this, generation, key](wb::Result<wb::relevance::RelevanceReport>&& result) {
            if (result && m_generation.isCurrent(generation)) {
                if (m_cache.size() >= kMaxCachedReports)
                    m_cache.clear(); // crude bound; a session rarely revisits more problems than this
                m_cache.emplace(key, result.value());
            }
            onReport(generation, std::move(result));
        });
}

std::string InspectorPage::cacheKey() const
{
    const EncoderChoice choice = encoderChoice();
    std::string key = choice.kindName().toStdString();
    if (choice.kind == EncoderChoice::Kind::Embeddings)
        key += '\x1f' + choice.url.toStdString() + '\x1f' + choice.model.toStdString();
    key += '\x1e' + m_problem.question;
    for (const std::string& condition : m_problem.conditions)
        key += '\x1f' + condition;
    return key;
}

void InspectorPage::onReport(quint64 generation, wb::Result<wb::relevance::RelevanceReport>&& result)
{
    if (!m_generation.isCurrent(generation))
        return;
    m_computing = false;
    if (!result) {
        m_status->setText(QStringLiteral("<span style=\"color:#a50026\">%1</span>")
                              .arg(tr("Could not compute similarities: %1")
                                       .arg(QString::fromStdString(result.error().toString()).toHtmlEscaped())));
        refreshViews();
        emit reportUpdated();
        return;
    }
    m_report = std::move(result.value());
    applyTheta();
    emit reportUpdated();
}

void InspectorPage::applyTheta()
{
    if (!m_report)
        return;
    // θ only changes which conditions pass the candidate rule, so the vectors are not encoded again.
    m_report->theta = theta();
    m_report->candidates = wb::relevance::selectCandidates(m_problem.conditions, m_report->sq, m_report->sc, theta());
    m_conditions->setReport(m_report);
    QString status = tr("Encoder %1 · θ = %2 · candidates: %3 · confusion score %4")
                         .arg(QString::fromStdString(m_report->encoderId))
                         .arg(theta(), 0, 'f', 2)
                         .arg(m_report->candidates.empty() ? tr("none") : conditionList(m_report->candidates))
                         .arg(m_report->confusionScore, 0, 'f', 3);
    if (!m_problem.referenceCandidates.empty() || !m_problem.referenceSq.empty())
        status += QStringLiteral(" · ")
            + tr("paper's candidates: %1")
                  .arg(m_problem.referenceCandidates.empty() ? tr("none")
                                                             : conditionList(m_problem.referenceCandidates));
    m_status->setText(status.toHtmlEscaped());
    refreshViews();
}

void InspectorPage::refreshViews()
{
    static const std::vector<double> kNoScores;
    static const std::vector<int> kNoCandidates;
    m_text->showProblem(
        m_problem, m_report ? m_report->sq : kNoScores, m_report ? m_report->candidates : kNoCandidates);
    if (!m_report) {
        m_heatmap->clear(m_computing ? tr("Computing…") : tr("No similarities"));
        return;
    }
    const std::size_t n = m_problem.conditions.size();
    QStringList rows;
    QStringList details;
    QStringList columns { QStringLiteral("q") };
    QStringList columnDetails { QString::fromStdString(m_problem.question) };
    std::vector<std::vector<double>> values(n);
    for (std::size_t i = 0; i < n; ++i) {
        rows << QStringLiteral("c%1").arg(i + 1);
        columns << rows.back();
        details << QString::fromStdString(m_problem.conditions[i]);
        columnDetails << details.back();
        values[i].push_back(i < m_report->sq.size() ? m_report->sq[i] : std::nan(""));
        for (std::size_t j = 0; j < n; ++j) {
            const bool present = i < m_report->matrix.size() && j < m_report->matrix[i].size();
            values[i].push_back(present ? m_report->matrix[i][j] : std::nan(""));
        }
    }
    m_heatmap->setMatrix(rows, columns, values, details, columnDetails);
}

void InspectorPage::setDatabase(const QString& path) { m_runCalls->setDatabase(path); }

void InspectorPage::setDataset(std::shared_ptr<const wb::dataset::Dataset> dataset)
{
    if (!dataset) {
        m_runCalls->clearDataset();
        return;
    }
    m_runCalls->setDataset(
        QString::fromStdString(dataset->info.contentHash), QString::fromStdString(dataset->info.name));
}

void InspectorPage::saveState()
{
    m_settings.setBytes(Settings::Key::InspectorSplitter, m_splitter->saveState());
    m_settings.setBytes(Settings::Key::InspectorTopSplitter, m_topSplitter->saveState());
}

} // namespace wb::ui
