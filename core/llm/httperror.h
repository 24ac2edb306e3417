// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/llm/backendprofile.h"

#include <string>

namespace wb::llm {

/// How the client should react to a failed attempt.
enum class FailureKind {
    Fatal, ///< report at once (401, 404, other 4xx, TLS, DNS)
    Retry, ///< back off and retry within maxRetries (5xx, connection, timeout, malformed body)
    RateLimited, ///< 429: wait (Retry-After), lower concurrency, retry within maxRateLimitRetries
};

struct Failure {
    FailureKind kind = FailureKind::Fatal;
    Error error;
};

/// Turns an HTTP error status into a message a user can act on. The server's own message is quoted only after
/// `apiKey` has been masked out of it (some providers echo part of a rejected key). `retryHint`: the answer
/// carried Retry-After or x-ratelimit-reset-* headers, which makes a 413 that speaks of a rate limit (Groq's
/// tokens-per-minute allowance) throttling rather than a permanent refusal.
Failure describeHttpFailure(long status, const std::string& body, const std::string& url, const BackendProfile& profile,
    const std::string& apiKey, bool retryHint = false);

/// Turns a libcurl result code into a message naming the URL and what went wrong.
Failure describeTransportFailure(
    int curlCode, const std::string& curlMessage, const std::string& url, const BackendProfile& profile);

/// `text` with every occurrence of `secret` (and of its 8+ character prefixes/suffixes) replaced by "***".
std::string redact(std::string text, const std::string& secret);

} // namespace wb::llm
