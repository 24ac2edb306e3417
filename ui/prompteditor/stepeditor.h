// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/method/method.h"
#include "ui/prompteditor/templatehighlighter.h"

#include <QList>
#include <QWidget>

class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace wb::ui {

/// Editor of one method step: a highlighted text editor per message template and the decoding parameters.
/// It holds the edited values; applyTo() writes them into a Step.
class StepEditor : public QWidget {
    Q_OBJECT
public:
    StepEditor(const wb::method::Step& step, int stepIndex, QWidget* parent = nullptr);

    int messageCount() const { return static_cast<int>(m_templates.size()); }
    QPlainTextEdit* templateEdit(int message) const { return m_templates.value(message); }
    TemplateHighlighter* highlighter(int message) const { return m_highlighters.value(message); }

    /// Writes the edited templates and decoding into `step` (id, kind and extractors stay as they are).
    /// Returns a message when a decoding field cannot be read (the stop list is not a JSON array of strings).
    QString applyTo(wb::method::Step& step) const;

    void setKnownVariables(const QSet<QString>& names);
    void setIssueSpans(int message, const QList<TemplateHighlighter::Span>& spans);

signals:
    void edited();

private:
    QWidget* createDecodingForm(const wb::method::Decoding& decoding);

    QList<QPlainTextEdit*> m_templates;
    QList<TemplateHighlighter*> m_highlighters;
    QDoubleSpinBox* m_temperature = nullptr;
    QSpinBox* m_maxTokens = nullptr;
    QDoubleSpinBox* m_topP = nullptr;
    QLineEdit* m_seed = nullptr;
    QLineEdit* m_stop = nullptr;
};

} // namespace wb::ui
