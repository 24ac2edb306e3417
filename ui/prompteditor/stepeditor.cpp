// SPDX-License-Identifier: Apache-2.0
#include "ui/prompteditor/stepeditor.h"

#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace wb::ui {

namespace {
// Spin boxes show their minimum as "server default": the value is then left out of the request.
constexpr double kUnsetReal = -0.01;

QString stopToText(const std::vector<std::string>& stop)
{
    if (stop.empty())
        return {};
    return QString::fromStdString(nlohmann::json(stop).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}
}

StepEditor::StepEditor(const wb::method::Step& step, int stepIndex, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("stepEditor%1").arg(stepIndex));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    QString about = tr("Step <b>%1</b> · kind %2")
                        .arg(QString::fromStdString(step.id).toHtmlEscaped(),
                            QString::fromLatin1(wb::method::stepKindName(step.kind)));
    if (step.kind == wb::method::StepKind::Verify)
        about += tr(" · one call per candidate");
    if (!step.output.empty())
        about += tr(" · later steps read its response as <code>{{%1}}</code>")
                     .arg(QString::fromStdString(step.output).toHtmlEscaped());
    if (!step.extractors.empty()) {
        QStringList names;
        for (const std::string& e : step.extractors)
            names << QString::fromStdString(e);
        about += tr(" · extractors: %1").arg(names.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    auto* aboutLabel = new QLabel(about, this);
    aboutLabel->setWordWrap(true);
    layout->addWidget(aboutLabel);

    if (step.messages.empty())
        layout->addWidget(new QLabel(tr("This step makes no call: it applies the answer extractors to {{%1}}.")
                                         .arg(QString::fromStdString(step.input)),
            this));

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (std::size_t mi = 0; mi < step.messages.size(); ++mi) {
        const wb::method::MessageTemplate& message = step.messages[mi];
        layout->addWidget(
            new QLabel(tr("Message %1 · role <b>%2</b>").arg(mi + 1).arg(QString::fromStdString(message.role)), this));
        auto* edit = new QPlainTextEdit(this);
        edit->setObjectName(QStringLiteral("templateEdit_%1_%2").arg(stepIndex).arg(mi));
        edit->setFont(mono);
        edit->setPlainText(QString::fromStdString(message.text));
        edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        edit->setTabChangesFocus(true);
        m_highlighters << new TemplateHighlighter(edit->document());
        m_templates << edit;
        layout->addWidget(edit, 1);
        connect(edit, &QPlainTextEdit::textChanged, this, &StepEditor::edited);
    }
    layout->addWidget(createDecodingForm(step.decoding));
    if (step.messages.empty())
        layout->addStretch(1);
}

QWidget* StepEditor::createDecodingForm(const wb::method::Decoding& decoding)
{
    auto* box = new QGroupBox(tr("Decoding"), this);
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    const QString unset = tr("server default");

    m_temperature = new QDoubleSpinBox(box);
    m_temperature->setObjectName(QStringLiteral("temperature"));
    m_temperature->setRange(kUnsetReal, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setSpecialValueText(unset);
    m_temperature->setValue(decoding.temperature.value_or(kUnsetReal));

    m_maxTokens = new QSpinBox(box);
    m_maxTokens->setObjectName(QStringLiteral("maxTokens"));
    m_maxTokens->setRange(0, 1 << 20);
    m_maxTokens->setSpecialValueText(unset);
    m_maxTokens->setValue(decoding.maxTokens.value_or(0));

    m_topP = new QDoubleSpinBox(box);
    m_topP->setObjectName(QStringLiteral("topP"));
    m_topP->setRange(kUnsetReal, 1.0);
    m_topP->setSingleStep(0.05);
    m_topP->setSpecialValueText(unset);
    m_topP->setValue(decoding.topP.value_or(kUnsetReal));

    m_seed = new QLineEdit(box);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setPlaceholderText(unset);
    if (decoding.seed)
        m_seed->setText(QString::number(*decoding.seed));

    m_stop = new QLineEdit(box);
    m_stop->setObjectName(QStringLiteral("stop"));
    m_stop->setPlaceholderText(tr("JSON array, e.g. [\"\\n\\nQ:\"]"));
    m_stop->setText(stopToText(decoding.stop));
    m_stop->setMinimumWidth(
        m_stop->fontMetrics().horizontalAdvance(QStringLiteral("[\"\\n\\nQ:\", \"Question:\"]")) + 24);

    form->addRow(tr("temperature"), m_temperature);
    form->addRow(tr("max_tokens"), m_maxTokens);
    form->addRow(tr("top_p"), m_topP);
    form->addRow(tr("seed"), m_seed);
    form->addRow(tr("stop"), m_stop);

    for (QDoubleSpinBox* spin : { m_temperature, m_topP })
        connect(spin, &QDoubleSpinBox::valueChanged, this, &StepEditor::edited);
    connect(m_maxTokens, &QSpinBox::valueChanged, this, &StepEditor::edited);
    connect(m_seed, &QLineEdit::textChanged, this, &StepEditor::edited);
    connect(m_stop, &QLineEdit::textChanged, this, &StepEditor::edited);
    return box;
}

QString StepEditor::applyTo(wb::method::Step& step) const
{
    for (int mi = 0; mi < m_templates.size() && mi < static_cast<int>(step.messages.size()); ++mi)
        step.messages[static_cast<std::size_t>(mi)].text = m_templates.at(mi)->toPlainText().toStdString();

    wb::method::Decoding& d = step.decoding;
    const auto real = [](const QDoubleSpinBox* spin) -> std::optional<double> {
        if (spin->value() <= spin->minimum())
            return std::nullopt;
        return spin->value();
    };
    d.temperature = real(m_temperature);
    d.topP = real(m_topP);
    d.maxTokens = m_maxTokens->value() > 0 ? std::optional<int>(m_maxTokens->value()) : std::nullopt;

    QString problem;
    const QString seedText = m_seed->text().trimmed();
    bool ok = true;
    const qlonglong seed = seedText.toLongLong(&ok);
    if (seedText.isEmpty())
        d.seed.reset();
    else if (ok)
        d.seed = seed;
    else
        problem = tr("seed: \"%1\" is not an integer").arg(seedText);

    const QString stopText = m_stop->text().trimmed();
    d.stop.clear();
    if (!stopText.isEmpty()) {
        const nlohmann::json stop = nlohmann::json::parse(stopText.toStdString(), nullptr, false);
        bool valid = stop.is_array();
        if (valid) {
            for (const nlohmann::json& item : stop) {
                if (!item.is_string()) {
                    valid = false;
                    break;
                }
                d.stop.push_back(item.get<std::string>());
            }
        }
        if (!valid) {
            d.stop.clear();
            problem = tr("stop: write a JSON array of strings, e.g. [\"\\n\\nQ:\"]");
        }
    }
    return problem;
}

void StepEditor::setKnownVariables(const QSet<QString>& names)
{
    for (TemplateHighlighter* h : m_highlighters)
        h->setKnownVariables(names);
}

void StepEditor::setIssueSpans(int message, const QList<TemplateHighlighter::Span>& spans)
{
    if (TemplateHighlighter* h = m_highlighters.value(message))
        h->setIssueSpans(spans);
}

} // namespace wb::ui
