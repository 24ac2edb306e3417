// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/llm/backendprofile.h"
#include "core/llm/request.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace wb::llm {

/// Rewrites a chat body for what the backend accepts: max_tokens → max_completion_tokens and no sampling
/// parameters for a reasoning model, the learned omitParams removed, reasoning_effort added. Part of the
/// canonical body, so the cache key follows whatever is actually sent.
void adaptToBackend(nlohmann::json& body, const BackendProfile& profile);

/// The endpoint `request` goes to, relative to the base URL: "chat/completions", or "completions" for a prompt.
const char* chatEndpointPath(const ChatRequest& request);

/// The exact body sent for `request`: compact JSON with sorted keys, so equal requests give equal bytes.
/// `stream` adds "stream":true; the cache key ignores it because a streamed answer is assembled to the same text.
std::string canonicalRequestJson(const BackendProfile& profile, const ChatRequest& request);
std::string canonicalEmbeddingsJson(const BackendProfile& profile, const EmbeddingsRequest& request);

/// sha256 (hex) of {base URL, canonical body without "stream", request.sampleIndex}. The model and every
/// sampling parameter are in the body, so two models or two temperatures never share an entry. The key is
/// derived only from what is sent, never from the API key.
std::string cacheKey(const BackendProfile& profile, const ChatRequest& request);
std::string cacheKey(const BackendProfile& profile, const EmbeddingsRequest& request);

} // namespace wb::llm
