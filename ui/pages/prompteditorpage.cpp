// SPDX-License-Identifier: Apache-2.0
#include "ui/pages/prompteditorpage.h"

#include "core/method/methodjson.h"
#include "core/method/template.h"
#include "ui/prompteditor/linediff.h"
#include "ui/prompteditor/stepeditor.h"
#include "ui/runs/profileentry.h"
#include "ui/settings/settings.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace wb::ui {

namespace {
/// Names a step's templates may use: the built-in variables ({{candidate}} only in the verify step) and the
/// outputs of earlier steps — the rule validateMethod() applies.
QSet<QString> knownVariablesOf(const wb::method::Method& method, std::size_t stepIndex)
{
    QSet<QString> names;
    for (const std::string& name : wb::method::builtinVariables())
        names.insert(QString::fromStdString(name));
    if (stepIndex >= method.steps.size() || method.steps[stepIndex].kind != wb::method::StepKind::Verify)
        names.remove(QStringLiteral("candidate"));
    for (std::size_t si = 0; si < stepIndex && si < method.steps.size(); ++si)
        if (!method.steps[si].output.empty())
            names.insert(QString::fromStdString(method.steps[si].output));
    return names;
}

QString methodLabel(const MethodEntry& entry)
{
    QString label = QString::fromStdString(entry.method.name.empty() ? entry.method.id : entry.method.name);
    if (entry.user)
        label += QObject::tr(" (user)");
    return label;
}

QString diffHtml(const QList<DiffLine>& diff)
{
    QString html
        = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\" style=\"font-family:monospace\">");
    for (const DiffLine& line : diff) {
        const char* colour = line.kind == DiffLine::Kind::Added ? "#d9f2d9"
            : line.kind == DiffLine::Kind::Removed              ? "#f8d7d7"
                                                                : "#ffffff";
        const char* mark = line.kind == DiffLine::Kind::Added ? "+"
            : line.kind == DiffLine::Kind::Removed            ? "−"
                                                              : "&nbsp;";
        html += QStringLiteral(
            "<tr><td bgcolor=\"%1\" width=\"14\">%2</td><td bgcolor=\"%1\"><pre style=\"margin:0\">%3</pre></td></tr>")
                    .arg(QString::fromLatin1(colour), QString::fromUtf8(mark), line.text.toHtmlEscaped());
    }
    return html + QStringLiteral("</table>");
}

/// The model of the backend profile chosen on the Runs page (the first profile when none is chosen).
QString currentBackendModel(const Settings& settings)
{
    const std::vector<ProfileEntry> profiles = loadProfiles(settings);
    const QString current = settings.currentBackendProfile();
    for (const ProfileEntry& profile : profiles)
        if (profile.name() == current)
            return QString::fromStdString(profile.backend.model);
    return profiles.empty() ? QString() : QString::fromStdString(profiles.front().backend.model);
}

QString sanitisedId(const QString& id)
{
    QString out = id.trimmed();
    out.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._+-]")), QStringLiteral("-"));
    return out;
}
} // namespace

PromptEditorPage::PromptEditorPage(Settings& settings, QWidget* parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_methodBox(new QComboBox(this))
    , m_methodInfo(new QLabel(this))
    , m_modelEdit(new QLineEdit(this))
    , m_revertButton(new QPushButton(tr("Revert"), this))
    , m_saveButton(new QPushButton(tr("Save as User Method…"), this))
    , m_runButton(new QPushButton(tr("Run on This Dataset…"), this))
    , m_diffBox(new QComboBox(this))
    , m_steps(new QTabWidget(this))
    , m_issues(new QListWidget(this))
    , m_context(new QLabel(this))
    , m_callBox(new QComboBox(this))
    , m_callNote(new QLabel(this))
    , m_previewView(new QPlainTextEdit(this))
    , m_messagesView(new QPlainTextEdit(this))
    , m_diffView(new QTextBrowser(this))
    , m_rightTabs(new QTabWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("promptEditorPage"));
    m_methodBox->setObjectName(QStringLiteral("methodBox"));
    m_modelEdit->setObjectName(QStringLiteral("previewModel"));
    m_revertButton->setObjectName(QStringLiteral("revertMethod"));
    m_saveButton->setObjectName(QStringLiteral("saveUserMethod"));
    m_runButton->setObjectName(QStringLiteral("runMethod"));
    m_diffBox->setObjectName(QStringLiteral("diffMethodBox"));
    m_steps->setObjectName(QStringLiteral("stepTabs"));
    m_issues->setObjectName(QStringLiteral("templateIssues"));
    m_context->setObjectName(QStringLiteral("previewContext"));
    m_callBox->setObjectName(QStringLiteral("previewCallBox"));
    m_previewView->setObjectName(QStringLiteral("requestPreview"));
    m_messagesView->setObjectName(QStringLiteral("renderedMessages"));
    m_diffView->setObjectName(QStringLiteral("promptDiff"));

    m_issues->setMaximumHeight(m_issues->fontMetrics().height() * 5 + 8);
    m_issues->setWordWrap(true);
    connect(m_issues, &QListWidget::currentRowChanged, this, &PromptEditorPage::jumpToIssue);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_methodInfo->setWordWrap(true);
    leftLayout->addWidget(m_methodInfo);
    leftLayout->addWidget(m_steps, 1);
    auto* issuesLabel = new QLabel(tr("Template issues:"), this);
    leftLayout->addWidget(issuesLabel);
    leftLayout->addWidget(m_issues);

    m_splitter->addWidget(left);
    m_splitter->addWidget(createPreviewPane());
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createToolbar());
    layout->addWidget(m_splitter, 1);

    connect(m_methodBox, &QComboBox::currentIndexChanged, this,
        [this](int index) { loadMethod(m_methodBox->itemData(index).toInt()); });
    // The preview names the model of the current backend; the field may override it for the preview only.
    m_model = currentBackendModel(m_settings);
    m_modelEdit->setText(m_model);
    connect(&m_settings, &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::BackendProfiles || key == Settings::Key::CurrentBackendProfile)
            setModelName(currentBackendModel(m_settings));
    });
    reloadMethods();
}

PromptEditorPage::~PromptEditorPage() = default;

QWidget* PromptEditorPage::createToolbar()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_methodBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_methodBox->setToolTip(tr("Shipped methods and your own (saved in %1)").arg(MethodLibrary::userMethodsDir()));
    m_modelEdit->setPlaceholderText(QStringLiteral("<model>"));
    m_modelEdit->setToolTip(tr("Model name written into the previewed request bodies"));
    m_modelEdit->setMaximumWidth(m_modelEdit->fontMetrics().horizontalAdvance(QStringLiteral("gpt-4o-mini-2024")) + 24);
    m_revertButton->setToolTip(tr("Discard the edits and reload the method as saved"));
    m_saveButton->setToolTip(tr("Save the edited method under a new id in your methods folder"));
    m_runButton->setToolTip(
        tr("Start a run of this method on the open dataset (edits are saved as a user method first)"));
    m_diffBox->setToolTip(tr("Compare the rendered prompts for this problem with another method's"));
    auto* diffButton = new QPushButton(tr("Diff Against"), bar);
    diffButton->setObjectName(QStringLiteral("diffButton"));

    row->addWidget(new QLabel(tr("Method:"), bar));
    row->addWidget(m_methodBox);
    row->addWidget(m_revertButton);
    row->addWidget(m_saveButton);
    row->addWidget(m_runButton);
    row->addSpacing(12);
    row->addWidget(new QLabel(tr("Model:"), bar));
    row->addWidget(m_modelEdit);
    row->addStretch(1);
    row->addWidget(diffButton);
    row->addWidget(m_diffBox);

    connect(m_revertButton, &QPushButton::clicked, this, &PromptEditorPage::revert);
    connect(m_saveButton, &QPushButton::clicked, this, &PromptEditorPage::showSaveDialog);
    connect(m_runButton, &QPushButton::clicked, this, &PromptEditorPage::requestRun);
    connect(diffButton, &QPushButton::clicked, this, [this]() { diffAgainst(m_diffBox->currentData().toString()); });
    connect(m_modelEdit, &QLineEdit::textChanged, this, [this](const QString& model) { setModelName(model); });
    return bar;
}

QWidget* PromptEditorPage::createPreviewPane()
{
    auto* previewTab = new QWidget(this);
    auto* layout = new QVBoxLayout(previewTab);
    layout->setContentsMargins(4, 4, 4, 4);
    m_context->setWordWrap(true);
    m_context->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_callNote->setWordWrap(true);
    m_previewView->setReadOnly(true);
    m_previewView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_previewView->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    auto* callRow = new QHBoxLayout;
    callRow->addWidget(new QLabel(tr("Call:"), previewTab));
    callRow->addWidget(m_callBox, 1);
    layout->addWidget(m_context);
    layout->addLayout(callRow);
    layout->addWidget(m_callNote);
    m_messagesView->setReadOnly(true);
    m_messagesView->setFont(m_previewView->font());
    m_messagesView->setPlaceholderText(tr("The selected call's messages, line breaks shown"));
    auto* bodyBox = new QWidget(previewTab);
    auto* bodyLayout = new QVBoxLayout(bodyBox);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_previewView);
    auto* messagesBox = new QWidget(previewTab);
    auto* messagesLayout = new QVBoxLayout(messagesBox);
    messagesLayout->setContentsMargins(0, 0, 0, 0);
    messagesLayout->addWidget(new QLabel(tr("Messages as the model reads them:"), messagesBox));
    messagesLayout->addWidget(m_messagesView);
    auto* split = new QSplitter(Qt::Vertical, previewTab);
    split->addWidget(bodyBox);
    split->addWidget(messagesBox);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);
    connect(m_callBox, &QComboBox::currentIndexChanged, this, &PromptEditorPage::showCall);

    m_diffView->setOpenLinks(false);
    m_diffView->setPlaceholderText(tr("Choose a method and press “Diff Against” to compare the rendered prompts."));
    m_rightTabs->addTab(previewTab, tr("Request Preview"));
    m_rightTabs->addTab(m_diffView, tr("Prompt Diff"));
    return m_rightTabs;
}

void PromptEditorPage::reloadMethods(const QString& builtinDir)
{
    const QString current = currentMethodId();
    m_library.reload(builtinDir);
    {
        const QSignalBlocker block(m_methodBox);
        m_methodBox->clear();
        m_diffBox->clear();
        for (std::size_t i = 0; i < m_library.entries().size(); ++i) {
            const MethodEntry& entry = m_library.entries()[i];
            m_methodBox->addItem(methodLabel(entry), static_cast<int>(i));
            m_methodBox->setItemData(m_methodBox->count() - 1, entry.path, Qt::ToolTipRole);
            m_diffBox->addItem(methodLabel(entry), QString::fromStdString(entry.method.id));
        }
    }
    if (!m_library.problems().isEmpty())
        m_methodInfo->setText(
            tr("Some method files could not be read: %1").arg(m_library.problems().join(QStringLiteral("; "))));
    int index = m_library.indexOf(current);
    if (index < 0)
        index = m_library.indexOf(QStringLiteral("zero-shot-cot+i3c"));
    if (index < 0 && !m_library.entries().empty())
        index = 0;
    if (index >= 0) {
        const int row = m_methodBox->findData(index);
        const QSignalBlocker block(m_methodBox);
        m_methodBox->setCurrentIndex(row);
        loadMethod(index);
    }
}

bool PromptEditorPage::selectMethod(const QString& id)
{
    const int index = m_library.indexOf(id);
    if (index < 0)
        return false;
    const int row = m_methodBox->findData(index);
    if (row == m_methodBox->currentIndex())
        loadMethod(index);
    else
        m_methodBox->setCurrentIndex(row);
    return true;
}

QString PromptEditorPage::currentMethodId() const
{
    return m_hasMethod ? QString::fromStdString(m_original.id) : QString();
}

void PromptEditorPage::loadMethod(int libraryIndex)
{
    if (libraryIndex < 0 || libraryIndex >= static_cast<int>(m_library.entries().size()))
        return;
    const MethodEntry& entry = m_library.entries()[static_cast<std::size_t>(libraryIndex)];
    m_original = entry.method;
    m_hasMethod = true;
    m_demos = previewDemos(m_original);
    m_loading = true;
    const int shownStep = std::max(m_steps->currentIndex(), 0);
    while (m_steps->count() > 0) {
        QWidget* page = m_steps->widget(0);
        m_steps->removeTab(0);
        delete page; // at once: a stale editor must not linger among the page's children
    }
    for (std::size_t si = 0; si < m_original.steps.size(); ++si) {
        const wb::method::Step& step = m_original.steps[si];
        auto* editor = new StepEditor(step, static_cast<int>(si), m_steps);
        editor->setKnownVariables(knownVariablesOf(m_original, si));
        connect(editor, &StepEditor::edited, this, &PromptEditorPage::onEdited);
        m_steps->addTab(editor, QStringLiteral("%1 · %2").arg(si + 1).arg(QString::fromStdString(step.id)));
    }
    m_steps->setCurrentIndex(std::min(shownStep, m_steps->count() - 1));
    m_loading = false;
    QString info = QStringLiteral("<b>%1</b> <span style=\"color:gray\">%2%3</span><br>%4")
                       .arg(QString::fromStdString(m_original.name).toHtmlEscaped(),
                           QString::fromStdString(m_original.id).toHtmlEscaped(),
                           entry.user ? tr(" · user method") : tr(" · shipped"),
                           QString::fromStdString(m_original.description).toHtmlEscaped());
    if (m_original.demos.source != wb::method::DemoSource::None)
        info += tr("<br>Demonstrations: %1%2")
                    .arg(QString::fromLatin1(wb::method::demoSourceName(m_original.demos.source)),
                        m_original.demos.set.empty()
                            ? QString()
                            : QStringLiteral(" (%1)").arg(QString::fromStdString(m_original.demos.set)));
    m_methodInfo->setText(info);
    m_methodInfo->setToolTip(entry.path);
    onEdited();
}

wb::method::Method PromptEditorPage::editedMethod() const
{
    wb::method::Method method = m_original;
    for (std::size_t si = 0; si < method.steps.size(); ++si)
        if (const StepEditor* editor = stepEditor(static_cast<int>(si)))
            editor->applyTo(method.steps[si]);
    return method;
}

StepEditor* PromptEditorPage::stepEditor(int step) const { return qobject_cast<StepEditor*>(m_steps->widget(step)); }

void PromptEditorPage::onEdited()
{
    if (m_loading || !m_hasMethod)
        return;
    const wb::method::Method method = editedMethod();
    m_revertButton->setEnabled(wb::method::canonicalMethodJson(method) != wb::method::canonicalMethodJson(m_original));
    updateIssues(method);
    updatePreview(method);
    if (!m_diffAgainst.isEmpty())
        diffAgainst(m_diffAgainst);
    emit previewUpdated();
}

void PromptEditorPage::updateIssues(const wb::method::Method& method)
{
    static const QRegularExpression templateField(QStringLiteral(R"(^steps\[(\d+)\]\.messages\[(\d+)\])"));
    static const QRegularExpression stepField(QStringLiteral(R"(^steps\[(\d+)\])"));
    m_issues->clear();
    m_issueTargets.clear();
    m_issueTextList.clear();
    m_badSteps.clear();
    std::vector<QList<QList<TemplateHighlighter::Span>>> spans(method.steps.size());
    for (std::size_t si = 0; si < method.steps.size(); ++si)
        spans[si].resize(static_cast<qsizetype>(method.steps[si].messages.size()));

    const auto addIssue = [this](const QString& text, IssueTarget target) {
        auto* item = new QListWidgetItem(QIcon::fromTheme(QStringLiteral("dialog-error")), text, m_issues);
        item->setForeground(TemplateHighlighter::unknownColor());
        m_issueTargets.push_back(target);
        m_issueTextList << text;
    };
    for (std::size_t si = 0; si < method.steps.size(); ++si) {
        if (const StepEditor* editor = stepEditor(static_cast<int>(si))) {
            wb::method::Step scratch = method.steps[si];
            const QString problem = editor->applyTo(scratch);
            if (!problem.isEmpty())
                addIssue(tr("step %1: %2").arg(QString::fromStdString(method.steps[si].id), problem),
                    { static_cast<int>(si), -1, 0 });
        }
    }
    for (const wb::method::MethodIssue& issue : wb::method::validateMethod(method)) {
        const QString field = QString::fromStdString(issue.field);
        const QString message = QString::fromStdString(issue.message);
        IssueTarget target;
        QString where = field;
        if (const auto m = templateField.match(field); m.hasMatch()) {
            target.step = m.captured(1).toInt();
            target.message = m.captured(2).toInt();
            const auto step = static_cast<std::size_t>(target.step);
            if (step < method.steps.size()
                && static_cast<std::size_t>(target.message) < method.steps[step].messages.size()) {
                const QString text = QString::fromStdString(
                    method.steps[step].messages[static_cast<std::size_t>(target.message)].text);
                const std::size_t offset = issue.offset == std::string::npos ? 0 : issue.offset;
                target.position = utf8OffsetToPosition(text, offset);
                const int end = utf8OffsetToPosition(text, offset + std::max<std::size_t>(issue.length, 1));
                spans[step][target.message].append({ target.position, std::max(end - target.position, 1) });
                m_badSteps.insert(step);
                where = tr("step %1, message %2")
                            .arg(QString::fromStdString(method.steps[step].id))
                            .arg(target.message + 1);
                if (issue.offset != std::string::npos)
                    where += tr(", offset %1").arg(target.position);
            }
        } else if (const auto s = stepField.match(field); s.hasMatch()) {
            target.step = s.captured(1).toInt();
        }
        addIssue(QStringLiteral("%1: %2").arg(where, message), target);
    }
    m_loading = true; // re-highlighting must not count as an edit
    for (std::size_t si = 0; si < method.steps.size(); ++si) {
        StepEditor* editor = stepEditor(static_cast<int>(si));
        if (!editor)
            continue;
        for (int mi = 0; mi < editor->messageCount(); ++mi)
            editor->setIssueSpans(mi, spans[si].value(mi));
        const bool bad
            = std::any_of(spans[si].begin(), spans[si].end(), [](const auto& list) { return !list.isEmpty(); });
        m_steps->tabBar()->setTabTextColor(static_cast<int>(si), bad ? TemplateHighlighter::unknownColor() : QColor());
    }
    m_loading = false;
    if (m_issues->count() == 0) {
        auto* ok = new QListWidgetItem(tr("No issues: every template is valid."), m_issues);
        ok->setFlags(Qt::NoItemFlags);
        m_issueTargets.push_back({});
    }
}

QStringList PromptEditorPage::issueTexts() const { return m_issueTextList; }

void PromptEditorPage::jumpToIssue(int row)
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_issueTargets.size())
        return;
    const IssueTarget target = m_issueTargets[static_cast<std::size_t>(row)];
    if (target.step < 0)
        return;
    m_steps->setCurrentIndex(target.step);
    StepEditor* editor = stepEditor(target.step);
    if (!editor || target.message < 0)
        return;
    QPlainTextEdit* edit = editor->templateEdit(target.message);
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(std::min(target.position, edit->document()->characterCount() - 1));
    edit->setTextCursor(cursor);
    edit->setFocus();
}

void PromptEditorPage::setProblem(const wb::dataset::Problem& problem)
{
    m_problem = problem;
    m_candidates.reset();
    m_candidateContext.clear();
    onEdited();
}

void PromptEditorPage::clearProblem()
{
    m_problem.reset();
    m_candidates.reset();
    onEdited();
}

void PromptEditorPage::setCandidates(std::optional<std::vector<int>> candidates, const QString& context)
{
    m_candidates = std::move(candidates);
    m_candidateContext = context;
    onEdited();
}

void PromptEditorPage::setModelName(const QString& model)
{
    if (m_modelEdit->text() != model) {
        m_modelEdit->setText(model); // re-enters through textChanged
        return;
    }
    m_model = model;
    onEdited();
}

void PromptEditorPage::updateContextLabel()
{
    if (!m_problem) {
        m_context->setText(tr("Select a problem in the datasets page to preview the requests for it."));
        return;
    }
    QString text = tr("Problem %1").arg(m_problem->index + 1);
    if (!m_original.usesCandidates())
        text += tr(" · this method does not verify candidates");
    else if (!m_candidates)
        text += tr(" · candidates not computed yet (shown without verify calls)");
    else if (m_candidates->empty())
        text += tr(" · no candidates: the fallback instruction applies");
    else {
        QStringList names;
        for (int c : *m_candidates)
            names << QStringLiteral("c%1").arg(c + 1);
        text += tr(" · candidates %1").arg(names.join(QStringLiteral(", ")));
    }
    if (!m_candidateContext.isEmpty() && m_original.usesCandidates())
        text += QStringLiteral(" (%1)").arg(m_candidateContext);
    text += tr(" · %Ln call(s)", nullptr, static_cast<int>(m_preview.size()));
    m_context->setText(text);
}

void PromptEditorPage::updatePreview(const wb::method::Method& method)
{
    const QString shownKey = m_callBox->currentIndex() >= 0 ? m_callBox->currentData().toString() : QString();
    m_preview.clear();
    if (m_problem) {
        static const std::vector<int> kNone;
        m_preview = renderPreview(method, *m_problem, m_candidates ? *m_candidates : kNone, m_demos, m_model);
        for (PreviewCall& call : m_preview) {
            if (call.error.isEmpty() && m_badSteps.contains(call.step)) {
                call.error = tr("the step's templates have issues (listed under the editor)");
                call.body.clear();
                call.pretty.clear();
            }
        }
    }
    updateContextLabel();
    const QSignalBlocker block(m_callBox);
    m_callBox->clear();
    for (const PreviewCall& call : m_preview)
        m_callBox->addItem(call.error.isEmpty() ? call.title : call.title + tr(" — cannot render"), call.key);
    int row = m_callBox->findData(shownKey);
    if (row < 0 && m_callBox->count() > 0)
        row = 0;
    m_callBox->setCurrentIndex(row);
    showCall(row);
}

void PromptEditorPage::showCall(int index)
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_preview.size()) {
        m_callNote->clear();
        m_previewView->setPlainText(m_problem ? tr("This method makes no calls.") : QString());
        m_messagesView->clear();
        return;
    }
    const PreviewCall& call = m_preview[static_cast<std::size_t>(index)];
    if (!call.error.isEmpty()) {
        m_callNote->setText(QStringLiteral("<span style=\"color:#c01010\">%1</span>")
                                .arg(tr("Cannot render this call: %1").arg(call.error.toHtmlEscaped())));
        m_previewView->setPlainText(QString());
        m_messagesView->clear();
        return;
    }
    QString note = tr("Exact request body of POST /chat/completions (indented here; sent compact with sorted keys).");
    if (!call.placeholders.isEmpty()) {
        QStringList marks;
        for (const QString& key : call.placeholders)
            marks << QString::fromStdString(outputPlaceholder(key.toStdString()));
        note += QStringLiteral("<br><b>%1</b>")
                    .arg(tr("Placeholders, not results: %1 stand for responses that exist only once the run makes "
                            "those calls.")
                             .arg(marks.join(QStringLiteral(", ")).toHtmlEscaped()));
    }
    m_callNote->setText(note);
    m_previewView->setPlainText(call.pretty);
    m_messagesView->setPlainText(call.promptText);
}

QString PromptEditorPage::previewText() const { return m_previewView->toPlainText(); }

QString PromptEditorPage::diffText() const { return m_diffView->toPlainText(); }

bool PromptEditorPage::diffAgainst(const QString& id)
{
    const int index = m_library.indexOf(id);
    if (index < 0 || !m_problem) {
        m_diffView->setPlainText(m_problem ? tr("Unknown method %1").arg(id) : tr("Select a problem first."));
        return false;
    }
    m_diffAgainst = id;
    const wb::method::Method& other = m_library.entries()[static_cast<std::size_t>(index)].method;
    static const std::vector<int> kNone;
    const std::vector<int>& candidates = m_candidates ? *m_candidates : kNone;
    const std::vector<PreviewCall> theirs = renderPreview(other, *m_problem, candidates, previewDemos(other), m_model);
    const QList<DiffLine> diff = diffLines(
        previewPromptText(theirs).split(QLatin1Char('\n')), previewPromptText(m_preview).split(QLatin1Char('\n')));
    const auto count = [&diff](DiffLine::Kind kind) {
        return std::count_if(diff.begin(), diff.end(), [kind](const DiffLine& l) { return l.kind == kind; });
    };
    const QString heading = tr("<p><b>%1</b> (−, red) → <b>edited %2</b> (+, green): %3 line(s) removed, %4 added</p>")
                                .arg(QString::fromStdString(other.id).toHtmlEscaped(),
                                    QString::fromStdString(m_original.id).toHtmlEscaped())
                                .arg(count(DiffLine::Kind::Removed))
                                .arg(count(DiffLine::Kind::Added));
    m_diffView->setHtml(heading + diffHtml(diff));
    m_rightTabs->setCurrentWidget(m_diffView);
    return true;
}

wb::Result<QString> PromptEditorPage::saveAsUserMethod(const QString& id, const QString& name)
{
    const QString cleanId = sanitisedId(id);
    if (cleanId.isEmpty())
        return makeError(ErrorCode::InvalidInput, "the method id is empty", "id");
    const int existing = m_library.indexOf(cleanId);
    if (existing >= 0 && !m_library.entries()[static_cast<std::size_t>(existing)].user)
        return makeError(
            ErrorCode::InvalidInput, "a shipped method has this id; choose another", cleanId.toStdString());
    wb::method::Method method = editedMethod();
    method.id = cleanId.toStdString();
    method.name = name.trimmed().isEmpty() ? method.id : name.trimmed().toStdString();
    method.sourcePath.clear();
    auto saved = MethodLibrary::saveUserMethod(method);
    if (!saved)
        return saved;
    reloadMethods();
    selectMethod(cleanId);
    return saved;
}

bool PromptEditorPage::isEdited() const
{
    return m_hasMethod
        && wb::method::canonicalMethodJson(editedMethod()) != wb::method::canonicalMethodJson(m_original);
}

void PromptEditorPage::requestRun()
{
    if (!m_hasMethod)
        return;
    if (!m_issueTextList.isEmpty()) {
        QMessageBox::warning(this, tr("Run Method"),
            tr("The method has template issues; fix them before running it:\n%1").arg(m_issueTextList.first()));
        return;
    }
    if (isEdited() && !showSaveDialog())
        return;
    emit runRequested(currentMethodId());
}

bool PromptEditorPage::showSaveDialog()
{
    bool ok = false;
    const QString suggestion = QString::fromStdString(m_original.id) + QStringLiteral("-edited");
    const QString id = QInputDialog::getText(this, tr("Save as User Method"),
        tr("Id of the new method (letters, digits, . _ + -):"), QLineEdit::Normal, suggestion, &ok);
    if (!ok)
        return false;
    auto saved = saveAsUserMethod(
        id, QString::fromStdString(m_original.name) + QStringLiteral(" (") + sanitisedId(id) + QLatin1Char(')'));
    if (!saved)
        QMessageBox::warning(this, tr("Save as User Method"), QString::fromStdString(saved.error().toString()));
    return bool(saved);
}

void PromptEditorPage::revert()
{
    const int index = m_methodBox->currentData().toInt();
    loadMethod(index);
}

} // namespace wb::ui
