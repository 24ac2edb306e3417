// SPDX-License-Identifier: Apache-2.0
#include "ui/inspector/encoderchoice.h"

#include "core/relevance/encoderfactory.h"

namespace wb::ui {

QString EncoderChoice::nameOf(Kind kind)
{
    return kind == Kind::Embeddings ? QStringLiteral("embeddings") : QStringLiteral("builtin");
}

EncoderChoice::Kind EncoderChoice::kindFromName(const QString& name)
{
    return name == QLatin1String("embeddings") ? Kind::Embeddings : Kind::Builtin;
}

wb::Result<std::unique_ptr<wb::relevance::Encoder>> createEncoder(const EncoderChoice& choice)
{
    wb::relevance::EncoderSpec spec;
    if (choice.kind == EncoderChoice::Kind::Embeddings) {
        // An empty source means "builtin" to the factory; the user asked for an endpoint, so say what is missing.
        if (choice.url.isEmpty())
            return wb::makeError(wb::ErrorCode::Usage, "enter the base URL of an embeddings endpoint", "encoder URL");
        spec.source = choice.url.toStdString();
        spec.model = choice.model.toStdString();
    }
    return wb::relevance::makeEncoder(spec);
}

} // namespace wb::ui
