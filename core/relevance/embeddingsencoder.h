// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/llm/backendprofile.h"
#include "core/llm/keyprovider.h"
#include "core/llm/responsecache.h"
#include "core/relevance/encoder.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace wb::llm {
class Client;
}

namespace wb::relevance {

struct EmbeddingsEncoderOptions {
    int batchSize = 64; ///< texts per /v1/embeddings request
    /// Vectors by text; shared between encoders it is still safe, because the key includes id() (base URL and
    /// model), so two models never see each other's vectors. Null = a private in-memory cache.
    std::shared_ptr<llm::ResponseCache> cache;
    /// The endpoint's key; unset = the environment variable named by the profile's apiKeyEnv.
    llm::KeyProvider apiKey;
};

/// Encoder over any OpenAI-compatible /v1/embeddings endpoint (OpenAI, text-embeddings-inference, Ollama, vLLM).
/// Texts already seen are answered from the cache; the rest are deduplicated and sent in batches that run
/// concurrently up to the profile's concurrency. The backend profile supplies base URL, model, key variable,
/// timeouts and retries.
class EmbeddingsEncoder final : public Encoder {
public:
    explicit EmbeddingsEncoder(llm::BackendProfile profile, EmbeddingsEncoderOptions options = {});
    ~EmbeddingsEncoder() override;

    /// "embeddings:<baseUrl>#<model>"
    std::string id() const override;
    Result<std::vector<Vector>> encode(const std::vector<std::string>& texts) override;

    std::uint64_t requestsSent() const; ///< /v1/embeddings calls made so far (retries included)

private:
    std::string memoKey(const std::string& text) const;

    llm::BackendProfile m_profile;
    EmbeddingsEncoderOptions m_options;
    std::unique_ptr<llm::Client> m_client;
};

} // namespace wb::relevance
