// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/encoderfactory.h"

#include "core/common/text.h"
#include "core/relevance/builtinencoder.h"
#include "core/relevance/embeddingsencoder.h"

namespace wb::relevance {

Result<std::unique_ptr<Encoder>> makeEncoder(const EncoderSpec& spec)
{
    if (spec.source.empty() || spec.source == "builtin")
        return std::unique_ptr<Encoder>(std::make_unique<BuiltinEncoder>());
    if (!text::startsWith(spec.source, "http://") && !text::startsWith(spec.source, "https://"))
        return makeError(ErrorCode::Usage,
            "encoder '" + spec.source + "' is neither 'builtin' nor an http(s) base URL of an embeddings endpoint",
            "--encoder");
    if (spec.model.empty())
        return makeError(ErrorCode::Usage, "an embeddings endpoint needs a model name", "--embedding-model");
    llm::BackendProfile profile;
    profile.name = "embeddings";
    profile.baseUrl = spec.source;
    profile.model = spec.model;
    if (!spec.apiKeyEnv.empty())
        profile.apiKeyEnv = spec.apiKeyEnv;
    EmbeddingsEncoderOptions options;
    options.apiKey = spec.apiKey;
    return std::unique_ptr<Encoder>(std::make_unique<EmbeddingsEncoder>(std::move(profile), std::move(options)));
}

} // namespace wb::relevance
