// SPDX-License-Identifier: Apache-2.0
#include "ui/prompteditor/promptpreview.h"

#include "core/llm/canonical.h"
#include "core/method/methodlibrary.h"
#include "core/method/render.h"

#include <QFileInfo>

#include <map>

namespace wb::ui {

std::string outputPlaceholder(const std::string& key) { return "<output of " + key + ">"; }

std::vector<wb::method::DemoItem> previewDemos(const wb::method::Method& method)
{
    using wb::method::DemoSource;
    if (method.demos.source == DemoSource::None)
        return {};
    const auto methodsDir = wb::method::defaultMethodsDir();
    if (!method.demos.set.empty() && methodsDir) {
        const std::string path = wb::method::demoSetPath(*methodsDir, method.demos.set);
        if (QFileInfo::exists(QString::fromStdString(path))) {
            if (auto set = wb::method::loadDemoSetFile(path))
                return set->items;
        }
    }
    // Selected demonstrations exist only once a run (or `i3c select-demos`) has made them.
    const std::size_t k = method.demos.k > 0 ? method.demos.k : 1;
    std::vector<wb::method::DemoItem> items;
    for (std::size_t i = 1; i <= k; ++i) {
        wb::method::DemoItem item;
        item.question = "<demonstration " + std::to_string(i) + ": question ("
            + wb::method::demoSourceName(method.demos.source) + ", chosen when a run starts)>";
        item.reasoning = "<demonstration " + std::to_string(i) + ": reasoning path>";
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<PreviewCall> renderPreview(const wb::method::Method& method, const wb::dataset::Problem& problem,
    const std::vector<int>& candidates, const std::vector<wb::method::DemoItem>& demos, const QString& model)
{
    const std::vector<wb::method::PlannedCall> plan = wb::method::planCalls(method, candidates);
    std::map<std::string, std::string> outputs;
    for (const wb::method::PlannedCall& call : plan)
        outputs[call.key] = outputPlaceholder(call.key);
    const wb::method::RenderInput input { problem, candidates, outputs, demos };

    wb::llm::BackendProfile profile;
    profile.model = model.trimmed().isEmpty() ? std::string("<model>") : model.trimmed().toStdString();

    std::vector<PreviewCall> out;
    for (std::size_t ci = 0; ci < plan.size(); ++ci) {
        const wb::method::PlannedCall& call = plan[ci];
        PreviewCall preview;
        preview.key = QString::fromStdString(call.key);
        preview.step = call.step;
        preview.title = preview.key;
        if (call.condition >= 0 && static_cast<std::size_t>(call.condition) < problem.conditions.size())
            preview.title
                += QStringLiteral(" — c%1: %2")
                       .arg(call.condition + 1)
                       .arg(QString::fromStdString(problem.conditions[static_cast<std::size_t>(call.condition)]));
        for (std::size_t earlier = 0; earlier < ci; ++earlier)
            if (plan[earlier].step < call.step)
                preview.placeholders << QString::fromStdString(plan[earlier].key);
        auto rendered = wb::method::renderCall(method, call.key, input);
        if (!rendered) {
            preview.error = QString::fromStdString(rendered.error().toString());
            out.push_back(std::move(preview));
            continue;
        }
        preview.body = wb::llm::canonicalRequestJson(profile, wb::method::toChatRequest(*rendered));
        // Parsed without exceptions and dumped with replacement, so odd bytes in a dataset cannot throw here.
        const nlohmann::json parsed = nlohmann::json::parse(preview.body, nullptr, false);
        preview.pretty = parsed.is_discarded()
            ? QString::fromStdString(preview.body)
            : QString::fromStdString(parsed.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
        QStringList blocks;
        for (const wb::llm::ChatMessage& message : rendered->messages)
            blocks << QStringLiteral("[%1]\n%2")
                          .arg(QString::fromStdString(message.role), QString::fromStdString(message.content));
        preview.promptText = blocks.join(QLatin1Char('\n'));
        out.push_back(std::move(preview));
    }
    return out;
}

QString previewPromptText(const std::vector<PreviewCall>& calls)
{
    QStringList parts;
    for (const PreviewCall& call : calls)
        parts << QStringLiteral("### %1\n%2").arg(call.key, call.error.isEmpty() ? call.promptText : call.error);
    return parts.join(QLatin1Char('\n'));
}

} // namespace wb::ui
