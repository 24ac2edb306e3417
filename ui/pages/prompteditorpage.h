// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/dataset/problem.h"
#include "core/method/method.h"
#include "ui/prompteditor/methodlibrary.h"
#include "ui/prompteditor/promptpreview.h"

#include <QSet>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTextBrowser;

namespace wb::ui {

class Settings;
class StepEditor;

/// Edits a method's prompt program: per step its message templates (variables highlighted, template errors
/// listed and underlined in place) and decoding; previews the exact request body of every call for the problem
/// selected in the datasets page; diffs the rendered prompts against another method; saves user methods.
class PromptEditorPage : public QWidget {
    Q_OBJECT
public:
    explicit PromptEditorPage(Settings& settings, QWidget* parent = nullptr);
    ~PromptEditorPage() override;

    /// Reloads shipped and user methods, keeping the current method selected when it still exists.
    void reloadMethods(const QString& builtinDir = {});
    bool selectMethod(const QString& id);
    QString currentMethodId() const;

    void setProblem(const wb::dataset::Problem& problem);
    void clearProblem();
    /// Candidates of the current problem as the inspector computed them; `context` describes θ and encoder.
    void setCandidates(std::optional<std::vector<int>> candidates, const QString& context);
    void setModelName(const QString& model);

    /// The method with the editors' changes applied.
    wb::method::Method editedMethod() const;
    /// Issues of the edited method as shown in the list: "step <id>, message <n>, offset <k>: <message>".
    QStringList issueTexts() const;
    const std::vector<PreviewCall>& preview() const { return m_preview; }
    QString previewText() const;
    QString diffText() const;

    /// Saves the edited method as a user method with a new id and name; it is then listed and selected.
    wb::Result<QString> saveAsUserMethod(const QString& id, const QString& name);
    void revert();
    /// True when the editors hold changes that are not saved as a method.
    bool isEdited() const;
    /// "Run on This Dataset…": a method with template issues is refused; edits are saved as a user method
    /// first (asking for its id), so that the run and its stored configuration name a method that exists.
    void requestRun();
    /// Diffs the rendered prompts of the edited method against the method `id` and shows the diff.
    bool diffAgainst(const QString& id);

    StepEditor* stepEditor(int step) const;
    QTabWidget* stepTabs() const { return m_steps; }
    QComboBox* methodBox() const { return m_methodBox; }
    QListWidget* issueList() const { return m_issues; }
    QPlainTextEdit* previewView() const { return m_previewView; }
    /// The selected call's messages with their line breaks, for reading (the body above is what is sent).
    QPlainTextEdit* messagesView() const { return m_messagesView; }
    QComboBox* callBox() const { return m_callBox; }
    const MethodLibrary& library() const { return m_library; }

signals:
    /// The preview (and issue list) was re-rendered.
    void previewUpdated();
    /// The user asked to run the saved method `methodId` on the open dataset.
    void runRequested(const QString& methodId);

private:
    QWidget* createToolbar();
    QWidget* createPreviewPane();
    void loadMethod(int libraryIndex);
    void onEdited();
    void updateIssues(const wb::method::Method& method);
    void updatePreview(const wb::method::Method& method);
    void showCall(int index);
    void jumpToIssue(int row);
    /// Asks for an id and saves the edits; true when saved.
    bool showSaveDialog();
    void updateContextLabel();

    Settings& m_settings;
    MethodLibrary m_library;
    wb::method::Method m_original;
    bool m_hasMethod = false;
    std::optional<wb::dataset::Problem> m_problem;
    std::optional<std::vector<int>> m_candidates;
    QString m_candidateContext;
    QString m_model;
    std::vector<PreviewCall> m_preview;
    std::vector<wb::method::DemoItem> m_demos;
    QString m_diffAgainst;
    bool m_loading = false;

    struct IssueTarget {
        int step = -1;
        int message = -1;
        int position = 0;
    };
    std::vector<IssueTarget> m_issueTargets;
    QStringList m_issueTextList;
    /// Steps with template issues: their calls are not previewed, so a mistake cannot pass for a request.
    QSet<std::size_t> m_badSteps;

    QComboBox* m_methodBox;
    QLabel* m_methodInfo;
    QLineEdit* m_modelEdit;
    QPushButton* m_revertButton;
    QPushButton* m_saveButton;
    QPushButton* m_runButton;
    QComboBox* m_diffBox;
    QTabWidget* m_steps;
    QListWidget* m_issues;
    QLabel* m_context;
    QComboBox* m_callBox;
    QLabel* m_callNote;
    QPlainTextEdit* m_previewView;
    QPlainTextEdit* m_messagesView;
    QTextBrowser* m_diffView;
    QTabWidget* m_rightTabs;
    QSplitter* m_splitter;
};

} // namespace wb::ui
