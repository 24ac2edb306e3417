// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <memory>
#include <string>
#include <vector>

namespace wb::relevance {

using Vector = std::vector<float>;

/// Turns texts into vectors whose cosine similarity measures semantic relatedness.
/// Implementations: the built-in offline encoder and the OpenAI-compatible /v1/embeddings encoder.
/// Not required to be thread-safe; use one instance per thread.
class Encoder {
public:
    virtual ~Encoder() = default;
    /// Stable identifier, part of cache keys and stored with results ("builtin-v1", "embeddings:<url>#<model>").
    virtual std::string id() const = 0;
    /// One vector per input text, in order. Errors name the endpoint or the failing input.
    virtual Result<std::vector<Vector>> encode(const std::vector<std::string>& texts) = 0;
};

} // namespace wb::relevance
