// SPDX-License-Identifier: Apache-2.0
#include "ui/prompteditor/runcallsview.h"

#include "core/run/outcomecounts.h"
#include "core/store/store.h"
#include "ui/jobs/asyncjob.h"
#include "ui/jobs/storereader.h"
#include "ui/widgets/reasoningblock.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace wb::ui {

namespace {
enum Column { KeyColumn, StatusColumn, ResponseColumn, ColumnCount };

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

QString firstLine(const QString& text)
{
    const QString line = text.trimmed().section(QLatin1Char('\n'), 0, 0);
    return line.size() > 160 ? line.left(157) + QStringLiteral("…") : line;
}

/// The chat messages of a stored request body; a body that is not chat JSON is shown raw.
QString requestHtml(const std::string& requestJson)
{
    const nlohmann::json body = nlohmann::json::parse(requestJson, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("messages") || !body["messages"].is_array())
        return QStringLiteral("<pre>%1</pre>").arg(fromStd(requestJson).toHtmlEscaped());
    QString html;
    for (const nlohmann::json& message : body["messages"]) {
        const std::string role = message.is_object() ? message.value("role", std::string("?")) : std::string("?");
        const nlohmann::json content
            = message.is_object() && message.contains("content") ? message["content"] : nlohmann::json();
        const std::string text = content.is_string()
            ? content.get<std::string>()
            : content.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
        html += QStringLiteral("<p><b>%1</b></p><pre style=\"white-space:pre-wrap\">%2</pre>")
                    .arg(fromStd(role).toHtmlEscaped(), fromStd(text).toHtmlEscaped());
    }
    QStringList params;
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != "messages")
            params << QStringLiteral("%1=%2").arg(
                fromStd(it.key()), fromStd(it.value().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    if (!params.isEmpty())
        html
            += QStringLiteral("<p style=\"color:gray\">%1</p>").arg(params.join(QStringLiteral(" · ")).toHtmlEscaped());
    return html;
}
} // namespace

RunCallsView::RunCallsView(QWidget* parent)
    : QWidget(parent)
    , m_runBox(new QComboBox(this))
    , m_result(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_detail(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("runCallsView"));
    m_runBox->setObjectName(QStringLiteral("storedRunBox"));
    m_result->setObjectName(QStringLiteral("storedRunResult"));
    m_tree->setObjectName(QStringLiteral("storedCallTree"));
    m_detail->setObjectName(QStringLiteral("storedCallDetail"));

    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({ tr("Call"), tr("Status"), tr("Response / verdict") });
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(ResponseColumn, QHeaderView::Stretch);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Run:"), this));
    row->addWidget(m_runBox, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_result);
    layout->addWidget(split, 1);

    connect(m_runBox, &QComboBox::currentIndexChanged, this, [this]() { loadProblem(); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
        [this](QTreeWidgetItem* item) { showCall(item ? m_tree->indexOfTopLevelItem(item) : -1); });
    // The reasoning text is collapsed by default; its link expands or collapses it for every call.
    keepLinksInPlace(m_detail);
    connect(m_detail, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (!isReasoningToggle(url))
            return;
        m_reasoningExpanded = !m_reasoningExpanded;
        QTreeWidgetItem* item = m_tree->currentItem();
        showCall(item ? m_tree->indexOfTopLevelItem(item) : -1);
    });
    clearDatabase();
}

RunCallsView::~RunCallsView() = default;

void RunCallsView::setMessage(const QString& message)
{
    m_tree->clear();
    m_detail->clear();
    m_result->setText(message);
}

void RunCallsView::forgetRuns()
{
    m_generation.next();
    m_loading = false;
    m_runs.clear();
    m_results.reset();
    m_resultsRun = 0;
    m_record.reset();
    const QSignalBlocker block(m_runBox);
    m_runBox->clear();
    m_runBox->setEnabled(false);
}

void RunCallsView::clearDatabase()
{
    m_path.clear();
    loadRuns();
}

void RunCallsView::setDatabase(const QString& path)
{
    m_path = path;
    loadRuns();
}

void RunCallsView::setDataset(const QString& contentHash, const QString& name)
{
    m_datasetHash = contentHash.toStdString();
    m_datasetName = name;
    clearProblem();
    loadRuns();
}

void RunCallsView::clearDataset() { setDataset(QString(), QString()); }

void RunCallsView::loadRuns()
{
    forgetRuns();
    if (m_path.isEmpty()) {
        setMessage(tr("Open a results database (File ▸ Open Results Database…) to see what stored runs sent and "
                      "received for this problem."));
        return;
    }
    if (m_datasetName.isEmpty()) {
        setMessage(tr("Open a dataset to see its stored runs."));
        return;
    }
    if (m_datasetHash.empty()) {
        setMessage(tr("%1 has no content hash, so no stored run can be known to be of it.")
                       .arg(m_datasetName.toHtmlEscaped()));
        return;
    }
    m_loading = true;
    setMessage(tr("Reading runs…"));
    const quint64 generation = m_generation.current();
    const std::string file = m_path.toStdString();
    const std::string hash = m_datasetHash;
    runAsync<wb::Result<std::vector<wb::store::RunRecord>>>(
        this, [file, hash]() { return readRunsOfDataset(file, hash); },
        [this, generation](wb::Result<std::vector<wb::store::RunRecord>>&& runs) {
            if (!m_generation.isCurrent(generation))
                return;
            m_loading = false;
            if (!runs)
                setMessage(tr("Could not read the runs: %1").arg(fromStd(runs.error().toString())));
            else
                showRuns(std::move(*runs));
            emit loaded();
        });
}

void RunCallsView::showRuns(std::vector<wb::store::RunRecord>&& runs)
{
    m_runs = std::move(runs);
    if (m_runs.empty()) {
        setMessage(tr("No runs of %1 in %2: this database holds no run of a dataset with the same content.")
                       .arg(m_datasetName.toHtmlEscaped(), QFileInfo(m_path).fileName().toHtmlEscaped()));
        return;
    }
    {
        const QSignalBlocker block(m_runBox);
        for (const wb::store::RunRecord& run : m_runs) {
            // The stored results stand for the planned problems here: the list shows what the run ended with.
            const auto counts = wb::run::OutcomeCounts::of(run, run.results);
            QString label = QStringLiteral("#%1 %2 · %3")
                                .arg(run.id)
                                .arg(fromStd(run.name), fromStd(wb::run::statusText(run.status, counts)));
            if (run.results > 0)
                label += tr(" · %1/%2 correct of answered").arg(run.correct).arg(run.answered());
            m_runBox->addItem(label, QVariant::fromValue<qlonglong>(run.id));
        }
        m_runBox->setEnabled(true);
        m_runBox->setCurrentIndex(0);
    }
    loadProblem();
}

void RunCallsView::setProblem(std::int64_t problemIndex, const QString& problemId)
{
    m_problemIndex = problemIndex;
    m_problemId = problemId.toStdString();
    loadProblem();
}

void RunCallsView::clearProblem() { setProblem(-1, QString()); }

void RunCallsView::loadProblem()
{
    if (m_path.isEmpty() || m_runs.empty() || m_runBox->currentIndex() < 0)
        return;
    m_record.reset();
    if (m_problemIndex < 0) {
        m_generation.next();
        m_loading = false;
        setMessage(tr("Select a problem to see the calls of this run."));
        return;
    }
    EvidenceRequest request;
    request.path = m_path.toStdString();
    request.datasetHash = m_datasetHash;
    request.runId = m_runBox->currentData().toLongLong();
    request.problemIndex = m_problemIndex;
    request.problemId = m_problemId;
    request.cachedResults = m_resultsRun == request.runId ? m_results : nullptr;
    const quint64 generation = m_generation.next();
    m_loading = true;
    runAsync<wb::Result<ProblemEvidence>>(
        this, [request]() { return readProblemEvidence(request); },
        [this, generation, runId = request.runId](wb::Result<ProblemEvidence>&& read) {
            if (!m_generation.isCurrent(generation))
                return;
            m_loading = false;
            if (!read) {
                setMessage(tr("Could not read the run: %1").arg(fromStd(read.error().toString())));
            } else {
                if (read->results) {
                    m_results = read->results;
                    m_resultsRun = runId;
                }
                showEvidence(std::make_shared<const ProblemEvidence>(std::move(*read)));
            }
            emit loaded();
        });
}

void RunCallsView::showEvidence(std::shared_ptr<const ProblemEvidence> evidence)
{
    if (!evidence->matches) {
        showMismatch(*evidence);
        return;
    }
    m_record = std::move(evidence);
    showRecord(*m_record);
}

void RunCallsView::showMismatch(const ProblemEvidence& evidence)
{
    const QString shown = fromStd(m_problemId).toHtmlEscaped();
    if (!evidence.storedId)
        setMessage(tr("The stored dataset has no problem %1, so nothing stored is evidence of problem “%2”.")
                       .arg(m_problemIndex + 1)
                       .arg(shown));
    else
        setMessage(tr("Problem %1 of the stored dataset is “%2”, not the shown “%3”: its calls are not shown.")
                       .arg(m_problemIndex + 1)
                       .arg(fromStd(*evidence.storedId).toHtmlEscaped(), shown));
}

void RunCallsView::showRecord(const ProblemEvidence& record)
{
    m_tree->clear();
    m_detail->clear();
    QString result;
    if (!record.result) {
        result = tr("No result stored for this problem in this run.");
    } else {
        const wb::store::ResultRecord& r = *record.result;
        using wb::store::ProblemStatus;
        const QString verdict = r.status == ProblemStatus::Correct
            ? tr("<span style=\"color:#1a7f37\">✓ correct</span>")
            : r.status == ProblemStatus::Wrong ? tr("<span style=\"color:#c01010\">✗ wrong</span>")
            : r.status == ProblemStatus::NoAnswer
            ? tr("<span style=\"color:#8a6d00\">– no answer</span> (not counted in accuracy)")
            : tr("<span style=\"color:#c01010\">! error</span> (not counted in accuracy)");
        result
            = tr("Extracted answer: <b>%1</b> · %2")
                  .arg(r.extractedAnswer.empty() ? tr("(none)") : fromStd(r.extractedAnswer).toHtmlEscaped(), verdict);
        if (!r.reason.empty())
            result += QStringLiteral(" · %1").arg(fromStd(r.reason).toHtmlEscaped());
    }
    m_result->setText(result + tr(" · %Ln call(s)", nullptr, static_cast<int>(record.calls.size())));
    for (const wb::store::CallRecord& call : record.calls) {
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(KeyColumn, fromStd(call.step));
        item->setText(StatusColumn, callStatusLabel(wb::store::callStatusName(call.status), call.fromCache));
        const bool hasText = !call.responseText.empty();
        item->setText(ResponseColumn, hasText ? firstLine(fromStd(call.responseText)) : fromStd(call.error));
        item->setToolTip(ResponseColumn, hasText ? fromStd(call.responseText) : fromStd(call.error));
        if (wb::store::callFailed(call.status))
            item->setForeground(StatusColumn, QColor(0xc0, 0x10, 0x10));
        else if (call.status != wb::store::CallStatus::Done)
            item->setForeground(StatusColumn, QColor(0x8a, 0x6d, 0x00));
    }
    m_tree->resizeColumnToContents(KeyColumn);
    m_tree->resizeColumnToContents(StatusColumn);
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
}

void RunCallsView::showCall(int row)
{
    if (!m_record || row < 0 || static_cast<std::size_t>(row) >= m_record->calls.size()) {
        m_detail->clear();
        return;
    }
    const wb::store::CallRecord& call = m_record->calls[static_cast<std::size_t>(row)];
    const bool verify = call.step.rfind("verify:", 0) == 0;
    QString html = QStringLiteral("<h4>%1</h4>").arg(tr("Request of %1").arg(fromStd(call.step).toHtmlEscaped()));
    html += requestHtml(call.requestJson);
    html += QStringLiteral("<h4>%1</h4>").arg(verify ? tr("Verdict (response)") : tr("Response"));
    if (call.status != wb::store::CallStatus::Done)
        html += QStringLiteral("<p style=\"color:%1\"><b>%2</b>: %3</p>")
                    .arg(wb::store::callFailed(call.status) ? QStringLiteral("#c01010") : QStringLiteral("#8a6d00"),
                        QString::fromLatin1(wb::store::callStatusName(call.status)),
                        fromStd(call.error).toHtmlEscaped());
    html += reasoningBlockHtml(fromStd(call.reasoningText), m_reasoningExpanded);
    html += QStringLiteral("<pre style=\"white-space:pre-wrap\">%1</pre>")
                .arg(fromStd(call.responseText).toHtmlEscaped());
    QStringList facts;
    if (!call.finishReason.empty())
        facts << tr("finish reason %1").arg(fromStd(call.finishReason));
    if (call.promptTokens)
        facts << tr("%1 prompt tokens").arg(*call.promptTokens);
    if (call.completionTokens)
        facts << tr("%1 completion tokens").arg(*call.completionTokens);
    if (call.reasoningTokens && *call.reasoningTokens > 0)
        facts << tr("of which %1 reasoning").arg(*call.reasoningTokens);
    if (call.latencyMs)
        facts << tr("%1 ms").arg(*call.latencyMs, 0, 'f', 0);
    facts << tr("%Ln attempt(s)", nullptr, call.attempts);
    html += QStringLiteral("<p style=\"color:gray\">%1</p>").arg(facts.join(QStringLiteral(" · ")));
    m_detail->setHtml(html);
}

} // namespace wb::ui
