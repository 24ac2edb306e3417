// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/llm/keyprovider.h"
#include "core/relevance/encoder.h"

#include <memory>
#include <string>

namespace wb::relevance {

/// How the user chose an encoder: "builtin", or the base URL of an OpenAI-compatible embeddings endpoint.
struct EncoderSpec {
    std::string source = "builtin"; ///< "builtin" or a base URL such as http://localhost:8080/v1
    std::string model; ///< embedding model name; required with a URL
    std::string apiKeyEnv; ///< environment variable with the key; empty = OPENAI_API_KEY
    llm::KeyProvider apiKey; ///< the key as a value; when set, apiKeyEnv is not read
};

/// Builds the encoder the spec names. Errors name the offending option (a URL without a model, an unknown name).
Result<std::unique_ptr<Encoder>> makeEncoder(const EncoderSpec& spec);

} // namespace wb::relevance
