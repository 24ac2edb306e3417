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
        spec.source = choice.url.toStdString();
        spec.model = choice.model.toStdString();
    }
    return wb::relevance::makeEncoder(spec);
}

} // namespace wb::ui
