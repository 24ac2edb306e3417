// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/relevance/encoder.h"

#include <QString>

#include <memory>

namespace wb::ui {

/// Which encoder the user picked in the inspector, as plain values that can cross threads.
struct EncoderChoice {
    enum class Kind { Builtin, Embeddings };
    Kind kind = Kind::Builtin;
    QString url; ///< OpenAI-compatible base URL, e.g. http://localhost:11434/v1 (Embeddings only)
    QString model; ///< embeddings model name (Embeddings only)

    bool operator==(const EncoderChoice&) const = default;
    /// "builtin" / "embeddings" as stored in the settings.
    QString kindName() const { return nameOf(kind); }
    static QString nameOf(Kind kind);
    static Kind kindFromName(const QString& name);
};

/// Creates a fresh encoder for one job. Encoders are not thread-safe, so every background job gets its own.
wb::Result<std::unique_ptr<wb::relevance::Encoder>> createEncoder(const EncoderChoice& choice);

} // namespace wb::ui
