// SPDX-License-Identifier: Apache-2.0
#include "core/llm/httperror.h"

#include "core/common/text.h"

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>

namespace wb::llm {

namespace {

constexpr std::size_t kMaxQuoted = 300;

/// error.message (or the start of the body when it is not the usual {"error":{...}} shape).
std::string serverMessage(const std::string& body)
{
    try {
        const nlohmann::json json = nlohmann::json::parse(body);
        const auto error = json.find("error");
        if (error != json.end()) {
            if (error->is_string())
                return error->get<std::string>();
            if (error->is_object() && error->contains("message") && (*error)["message"].is_string())
                return (*error)["message"].get<std::string>();
        }
        if (json.contains("message") && json["message"].is_string())
            return json["message"].get<std::string>();
        return {}; // JSON without a message says nothing a user could act on
    } catch (const nlohmann::json::exception&) {
    }
    std::string quoted = text::trimmed(body.substr(0, kMaxQuoted));
    return quoted;
}

std::string withServerSays(std::string message, const std::string& said)
{
    if (!said.empty())
        message += " (server says: " + said + ")";
    return message;
}

bool mentionsRateLimit(const std::string& lowerBody)
{
    return lowerBody.find("rate limit") != std::string::npos || lowerBody.find("rate_limit") != std::string::npos
        || lowerBody.find("tokens per minute") != std::string::npos;
}

/// Groq's "Limit 6000, Requested 14810" (no "Used"): this request alone exceeds the per-minute allowance, so no
/// amount of waiting lets it through.
bool exceedsAllowance(const std::string& lowerBody)
{
    static const std::regex pattern("limit (\\d+), requested (\\d+)");
    std::smatch match;
    if (!std::regex_search(lowerBody, match, pattern))
        return false;
    return std::stoll(match[2].str()) > std::stoll(match[1].str());
}

Failure azureNotFound(const std::string& lowerBody, const std::string& said, const std::string& statusText,
    const std::string& url, const BackendProfile& profile)
{
    const std::string base = profile.effectiveBaseUrl();
    const std::string resource = base.substr(0, base.find("/openai/"));
    if (lowerBody.find("deploymentnotfound") != std::string::npos
        || lowerBody.find("deployment for this resource does not exist") != std::string::npos)
        return { FailureKind::Fatal,
            makeError(ErrorCode::NotFound,
                withServerSays("Azure deployment \"" + profile.azureDeployment() + "\" does not exist at " + resource
                        + " (" + statusText + "); check the deployment name (not the model name) in the base URL",
                    said),
                url) };
    return { FailureKind::Fatal,
        makeError(ErrorCode::NotFound,
            withServerSays("no such endpoint at " + resource + " (" + statusText
                    + "); check the resource URL and api-version " + profile.apiVersion,
                said),
            url) };
}

std::string seconds(double s)
{
    std::ostringstream out;
    out << s << " s";
    return out.str();
}

} // namespace

std::string redact(std::string text, const std::string& secret)
{
    if (secret.empty())
        return text;
    text = text::replaceAll(text, secret, "***");
    // Providers often quote a rejected key as "sk-abc***wxyz": mask any long enough piece of it too.
    constexpr std::size_t kPiece = 8;
    if (secret.size() > kPiece) {
        text = text::replaceAll(text, secret.substr(0, kPiece), "***");
        text = text::replaceAll(text, secret.substr(secret.size() - kPiece), "***");
    }
    return text;
}

Failure describeHttpFailure(long status, const std::string& body, const std::string& url, const BackendProfile& profile,
    const std::string& apiKey, bool retryHint)
{
    const std::string said = redact(serverMessage(body), apiKey);
    const std::string statusText = "HTTP " + std::to_string(status);
    const std::string base = profile.effectiveBaseUrl();
    if (status == 401 || status == 403) {
        std::string message;
        if (apiKey.empty())
            message = "no API key was sent: environment variable " + profile.apiKeyEnv + " is not set, and " + base
                + " requires one (" + statusText + ")";
        else
            message = "the API key from environment variable " + profile.apiKeyEnv + " was rejected by " + base + " ("
                + statusText + ")";
        return { FailureKind::Fatal, makeError(ErrorCode::Auth, withServerSays(message, said), url) };
    }
    const std::string lowerBody = text::asciiLower(body);
    if (status == 404 && profile.isAzureDeployment())
        return azureNotFound(lowerBody, said, statusText, url, profile);
    if (status == 404 || lowerBody.find("model_not_found") != std::string::npos) {
        if (lowerBody.find("model") != std::string::npos)
            return { FailureKind::Fatal,
                makeError(ErrorCode::NotFound,
                    withServerSays("model \"" + profile.model + "\" is not known to " + base + " (" + statusText
                            + "); check the model name (GET " + base + "/models lists them)",
                        said),
                    url) };
        if (status == 404)
            return { FailureKind::Fatal,
                makeError(ErrorCode::NotFound,
                    "no such endpoint (" + statusText + "); check the base URL " + base
                        + " (OpenAI-compatible servers usually expect it to end in /v1)",
                    url) };
    }
    if (status == 413 && mentionsRateLimit(lowerBody)) {
        if (exceedsAllowance(lowerBody))
            return { FailureKind::Fatal,
                makeError(ErrorCode::Http,
                    withServerSays("this request alone is larger than the per-minute token allowance of " + base + " ("
                            + statusText + "); lower max_tokens or shorten the prompt",
                        said),
                    url) };
        if (retryHint)
            return { FailureKind::RateLimited,
                makeError(ErrorCode::Http,
                    withServerSays("rate limited by " + base + " (" + statusText + ", tokens per minute)", said),
                    url) };
    }
    if (status == 429)
        return { FailureKind::RateLimited,
            makeError(
                ErrorCode::Http, withServerSays("rate limited by " + base + " (" + statusText + ")", said), url) };
    if (status >= 500 || status == 408)
        return { FailureKind::Retry,
            makeError(ErrorCode::Http, withServerSays("server error (" + statusText + ")", said), url) };
    return { FailureKind::Fatal,
        makeError(ErrorCode::Http, withServerSays("request rejected (" + statusText + ")", said), url) };
}

Failure describeTransportFailure(
    int curlCode, const std::string& curlMessage, const std::string& url, const BackendProfile& profile)
{
    const std::string detail = curlMessage.empty() ? curl_easy_strerror(CURLcode(curlCode)) : curlMessage;
    switch (CURLcode(curlCode)) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return { FailureKind::Fatal,
            makeError(ErrorCode::Network, "could not resolve the host name (DNS): " + detail, url) };
    case CURLE_COULDNT_CONNECT:
        return { FailureKind::Retry,
            makeError(ErrorCode::Network,
                "connection refused or unreachable; is the server running at " + profile.effectiveBaseUrl() + "? ("
                    + detail + ")",
                url) };
    case CURLE_OPERATION_TIMEDOUT:
        return { FailureKind::Retry,
            makeError(ErrorCode::Network,
                "timed out (connect timeout " + seconds(profile.connectTimeoutS) + ", request timeout "
                    + seconds(profile.requestTimeoutS) + "; both can be raised in the backend profile): " + detail,
                url) };
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        return { FailureKind::Fatal,
            makeError(ErrorCode::Network, "TLS certificate verification failed: " + detail, url) };
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return { FailureKind::Fatal, makeError(ErrorCode::Usage, "bad base URL: " + detail, url) };
    default:
        return { FailureKind::Retry, makeError(ErrorCode::Network, "transfer failed: " + detail, url) };
    }
}

} // namespace wb::llm
