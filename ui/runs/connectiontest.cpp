// SPDX-License-Identifier: Apache-2.0
#include "ui/runs/connectiontest.h"

#include "core/llm/client.h"
#include "ui/jobs/asyncjob.h"

#include <QCoreApplication>

#include <algorithm>

namespace wb::ui {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("wb::ui::ConnectionTest", text); }
} // namespace

ConnectionReport describeConnection(
    const wb::Result<std::vector<std::string>>& models, const std::string& model, const std::string& url)
{
    ConnectionReport report;
    const QString where = QString::fromStdString(url);
    if (!models) {
        const wb::Error& error = models.error();
        const QString detail = QString::fromStdString(error.message);
        switch (error.code) {
        case wb::ErrorCode::Auth:
            report.message
                = tr("The key was rejected by %1 (%2). Check the key variable or keychain entry.").arg(where, detail);
            break;
        case wb::ErrorCode::Network:
            report.message = tr("Could not reach %1: %2").arg(where, detail);
            break;
        case wb::ErrorCode::NotFound:
            // Azure URLs end in /openai/deployments/NAME or /openai/v1: the core's message says what to check.
            report.message = where.contains(QLatin1String("/openai/"))
                ? tr("%1 has no model list: %2").arg(where, detail)
                : tr("%1 has no model list (is the base URL right? it usually ends in /v1): %2").arg(where, detail);
            break;
        default:
            report.message = tr("%1 answered with an error: %2").arg(where, detail);
            break;
        }
        return report;
    }
    report.ok = true;
    report.models = static_cast<int>(models->size());
    report.modelListed = std::find(models->begin(), models->end(), model) != models->end();
    const QString count = tr("OK: %1 lists %2 model(s)").arg(where).arg(report.models);
    if (model.empty())
        report.message = count + QLatin1Char('.');
    else if (report.modelListed)
        report.message = count + tr(", including %1.").arg(QString::fromStdString(model));
    else
        report.message = count + tr(", but not %1 — check the model name.").arg(QString::fromStdString(model));
    return report;
}

void testConnection(const wb::llm::BackendProfile& profile, const QString& secret, QObject* context,
    std::function<void(const ConnectionReport&)> done)
{
    using Answer = wb::Result<std::vector<std::string>>;
    runAsync<Answer>(
        context,
        [profile, secret]() -> Answer {
            wb::llm::ClientOptions options;
            options.apiKey = wb::llm::fixedKey(secret.toStdString());
            wb::llm::Client client(profile, options);
            return client.listModels();
        },
        [done, model = profile.model, url = profile.endpoint("models")](
            Answer&& models) { done(describeConnection(models, model, url)); });
}

} // namespace wb::ui
