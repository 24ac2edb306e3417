// SPDX-License-Identifier: Apache-2.0
#include "core/llm/sseassembler.h"

#include "core/common/jsonparse.h"
#include "core/llm/replystatus.h"
#include "core/llm/responseparser.h"

#include <nlohmann/json.hpp>

namespace wb::llm {

void SseAssembler::feed(std::string_view bytes)
{
    m_pending.append(bytes);
    std::size_t start = 0;
    for (;;) {
        const std::size_t eol = m_pending.find('\n', start);
        if (eol == std::string::npos)
            break;
        std::string_view line(m_pending.data() + start, eol - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        handleLine(line);
        start = eol + 1;
    }
    m_pending.erase(0, start);
}

void SseAssembler::handleLine(std::string_view line)
{
    // Only "data:" fields carry payload; comments (":"), "event:" and "id:" lines are ignored.
    if (line.substr(0, 5) != "data:")
        return;
    line.remove_prefix(5);
    if (!line.empty() && line.front() == ' ')
        line.remove_prefix(1);
    if (line == "[DONE]") {
        m_done = true;
        return;
    }
    auto parsed = parseJson(line, "chunk");
    if (!parsed) {
        m_error = "a streamed chunk is not JSON: " + parsed.error().message;
        return;
    }
    try {
        const nlohmann::json& chunk = *parsed;
        if (const auto error = chunk.find("error"); error != chunk.end()) {
            m_error = error->dump();
            return;
        }
        if (m_model.empty())
            m_model = chunk.value("model", std::string());
        if (m_id.empty())
            m_id = chunk.value("id", std::string());
        if (const auto usage = chunk.find("usage"); usage != chunk.end() && usage->is_object()) {
            auto counts = parseUsage(*usage);
            if (!counts) {
                m_error = counts.error().message;
                return;
            }
            m_promptTokens = counts->promptTokens;
            m_completionTokens = counts->completionTokens;
            if (const auto details = usage->find("completion_tokens_details");
                details != usage->end() && details->is_object())
                m_completionDetails = *details;
        }
        const auto choices = chunk.find("choices");
        if (choices == chunk.end() || !choices->is_array())
            return;
        for (const nlohmann::json& choice : *choices) {
            const auto rawIndex = choice.contains("index") ? jsonToInt64(choice.at("index"), "index") : std::int64_t(0);
            if (!rawIndex || *rawIndex < 0 || *rawIndex > 1024)
                continue;
            const auto index = std::size_t(*rawIndex);
            if (m_choices.size() <= index)
                m_choices.resize(index + 1);
            Choice& assembled = m_choices[index];
            if (const auto delta = choice.find("delta"); delta != choice.end() && delta->is_object()) {
                const auto content = delta->find("content");
                if (content != delta->end() && content->is_string())
                    assembled.text += content->get<std::string>();
                assembled.reasoning += reasoningOf(*delta);
                const auto refusal = delta->find("refusal");
                if (refusal != delta->end() && refusal->is_string())
                    assembled.refusal += refusal->get<std::string>();
            }
            // A streamed /v1/completions chunk carries its piece as choices[i].text, with no delta.
            if (const auto text = choice.find("text"); text != choice.end() && text->is_string())
                assembled.text += text->get<std::string>();
            if (const auto filter = choice.find("content_filter_results");
                filter != choice.end() && filter->is_object() && !filter->empty())
                assembled.contentFilterResults = *filter;
            const auto finish = choice.find("finish_reason");
            if (finish != choice.end() && finish->is_string())
                m_choices[index].finishReason = finish->get<std::string>();
        }
    } catch (const std::exception& e) {
        m_error = std::string("a streamed chunk has an unexpected shape: ") + e.what();
    }
}

Result<std::string> SseAssembler::finish(const std::string& url) const
{
    if (!m_error.empty())
        return makeError(ErrorCode::InvalidInput, "malformed stream: " + m_error, url);
    const bool finished = !m_choices.empty() && !m_choices.front().finishReason.empty();
    if (!m_done && !finished)
        return makeError(ErrorCode::InvalidInput, "malformed stream: it ended before [DONE]", url);
    if (m_choices.empty())
        return makeError(ErrorCode::InvalidInput, "malformed stream: no choices", url);
    nlohmann::json choices = nlohmann::json::array();
    for (std::size_t i = 0; i < m_choices.size(); ++i) {
        const Choice& c = m_choices[i];
        nlohmann::json message { { "role", "assistant" }, { "content", c.text } };
        if (!c.reasoning.empty())
            message["reasoning_content"] = c.reasoning;
        if (!c.refusal.empty())
            message["refusal"] = c.refusal;
        nlohmann::json choice { { "index", i }, { "message", std::move(message) },
            { "finish_reason", c.finishReason } };
        if (c.contentFilterResults.is_object())
            choice["content_filter_results"] = c.contentFilterResults;
        choices.push_back(std::move(choice));
    }
    nlohmann::json usage { { "prompt_tokens", m_promptTokens }, { "completion_tokens", m_completionTokens } };
    if (m_completionDetails.is_object())
        usage["completion_tokens_details"] = m_completionDetails;
    const nlohmann::json body {
        { "id", m_id },
        { "object", "chat.completion" },
        { "model", m_model },
        { "choices", std::move(choices) },
        { "usage", std::move(usage) },
    };
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace wb::llm
