// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wb::relevance {

using Vector = std::vector<float>;

/// A vector kept as its non-zero components, in ascending index order. Lexical encoders fill a few dozen of a
/// thousand dimensions, so cosines over this form cost a fraction of the dense ones.
struct SparseVector {
    std::vector<std::uint32_t> indices;
    std::vector<float> values;
};

/// The non-zero components of `dense`, in index order (exact copies: no value changes).
void toSparse(const Vector& dense, SparseVector& out);

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
    /// The vectors of encode() in sparse form, written into `out` (resized to texts.size(); its buffers are
    /// reused, which is why it is an out-parameter). The default goes through encode(); encoders that produce
    /// sparse vectors natively override it and never build the dense ones.
    virtual Result<void> encodeSparse(const std::vector<std::string_view>& texts, std::vector<SparseVector>& out);
};

} // namespace wb::relevance
