// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/embeddingsencoder.h"

#include "core/common/sha256.h"
#include "core/llm/client.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <future>
#include <unordered_map>

namespace wb::relevance {

EmbeddingsEncoder::EmbeddingsEncoder(llm::BackendProfile profile, EmbeddingsEncoderOptions options)
    : m_profile(std::move(profile))
    , m_options(std::move(options))
{
    m_options.batchSize = std::max(1, m_options.batchSize);
    if (!m_options.cache)
        m_options.cache = std::make_shared<llm::MemoryResponseCache>();
    // The per-text cache below replaces the client's per-batch cache: a batch rarely repeats, a text often does.
    llm::ClientOptions clientOptions;
    clientOptions.apiKey = m_options.apiKey ? m_options.apiKey : llm::environmentKey(m_profile.apiKeyEnv);
    m_client = std::make_unique<llm::Client>(m_profile, clientOptions);
}

EmbeddingsEncoder::~EmbeddingsEncoder() = default;

std::string EmbeddingsEncoder::id() const
{
    return "embeddings:" + m_profile.effectiveBaseUrl() + "#" + m_profile.model;
}

std::string EmbeddingsEncoder::memoKey(const std::string& text) const
{
    Sha256 hash;
    hash.update("embedding\n");
    hash.update(id());
    hash.update("\n");
    hash.update(text);
    return hash.finishHex();
}

std::uint64_t EmbeddingsEncoder::requestsSent() const { return m_client->stats().httpRequests; }

Result<std::vector<Vector>> EmbeddingsEncoder::encode(const std::vector<std::string>& texts)
{
    std::vector<Vector> vectors(texts.size());
    // Unique texts still to fetch, each with the positions it fills.
    std::vector<std::string> missing;
    std::unordered_map<std::string, std::vector<std::size_t>> positions;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        auto [it, fresh] = positions.try_emplace(texts[i]);
        it->second.push_back(i);
        if (!fresh)
            continue;
        if (std::optional<std::string> hit = m_options.cache->get(memoKey(texts[i]))) {
            try {
                vectors[i] = nlohmann::json::parse(*hit).get<Vector>();
                continue;
            } catch (const nlohmann::json::exception&) {
                // A damaged entry is fetched again.
            }
        }
        missing.push_back(texts[i]);
    }

    std::vector<std::future<Result<llm::EmbeddingsResponse>>> batches;
    for (std::size_t start = 0; start < missing.size(); start += std::size_t(m_options.batchSize)) {
        llm::EmbeddingsRequest request;
        const std::size_t end = std::min(missing.size(), start + std::size_t(m_options.batchSize));
        request.inputs.assign(missing.begin() + std::ptrdiff_t(start), missing.begin() + std::ptrdiff_t(end));
        request.noCache = true;
        auto promise = std::make_shared<std::promise<Result<llm::EmbeddingsResponse>>>();
        batches.push_back(promise->get_future());
        m_client->submitEmbeddings(std::move(request),
            [promise](Result<llm::EmbeddingsResponse> result) { promise->set_value(std::move(result)); });
    }

    std::optional<Error> firstError;
    for (std::size_t b = 0; b < batches.size(); ++b) {
        Result<llm::EmbeddingsResponse> result = batches[b].get();
        if (!result.ok()) {
            if (!firstError)
                firstError = result.error();
            continue;
        }
        const std::size_t start = b * std::size_t(m_options.batchSize);
        for (std::size_t k = 0; k < result->vectors.size(); ++k) {
            const std::string& text = missing[start + k];
            m_options.cache->put(memoKey(text), nlohmann::json(result->vectors[k]).dump());
            vectors[positions[text].front()] = std::move(result->vectors[k]);
        }
    }
    if (firstError)
        return *firstError;
    for (const auto& [text, where] : positions)
        for (std::size_t k = 1; k < where.size(); ++k)
            vectors[where[k]] = vectors[where.front()];
    return vectors;
}

} // namespace wb::relevance
