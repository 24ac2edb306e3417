// SPDX-License-Identifier: Apache-2.0
#include "core/method/render.h"

#include "core/common/text.h"

#include <algorithm>
#include <set>

namespace wb::method {

namespace {

std::vector<int> normalisedCandidates(const std::vector<int>& candidates)
{
    std::set<int> unique(candidates.begin(), candidates.end());
    return { unique.begin(), unique.end() };
}

std::string verifyKey(const Step& step, int condition) { return step.id + ":" + std::to_string(condition); }

std::string outputOf(const std::map<std::string, std::string>& outputs, const std::string& key)
{
    const auto it = outputs.find(key);
    return it == outputs.end() ? std::string() : it->second;
}

} // namespace

std::vector<PlannedCall> planCalls(const Method& method, const std::vector<int>& candidates)
{
    std::vector<PlannedCall> calls;
    const std::vector<int> cands = normalisedCandidates(candidates);
    for (std::size_t si = 0; si < method.steps.size(); ++si) {
        const Step& s = method.steps[si];
        if (!s.makesCall())
            continue;
        if (s.kind == StepKind::Verify) {
            for (int c : cands)
                calls.push_back({ verifyKey(s, c), si, c });
        } else {
            calls.push_back({ s.id, si, -1 });
        }
    }
    return calls;
}

std::vector<std::string> planKeys(const Method& method, const std::vector<int>& candidates)
{
    std::vector<std::string> keys;
    for (const PlannedCall& c : planCalls(method, candidates))
        keys.push_back(c.key);
    return keys;
}

std::string formatChoices(const std::vector<std::string>& choices)
{
    std::vector<std::string> parts;
    for (const std::string& raw : choices) {
        const std::string c = text::trimmed(raw);
        if (c.size() >= 2 && c[0] >= 'A' && c[0] <= 'E' && c[1] == ')')
            parts.push_back("(" + c.substr(0, 1) + ") " + text::trimmed(std::string_view(c).substr(2)));
        else
            parts.push_back(c);
    }
    return text::join(parts, " ");
}

std::string formatConditions(const std::vector<std::string>& conditions)
{
    std::string out;
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        if (i > 0)
            out += "\n";
        out += std::to_string(i + 1) + ". " + conditions[i];
    }
    return out;
}

Variables buildVariables(const Method& method, const RenderInput& input, std::size_t stepIndex, int condition)
{
    const dataset::Problem& p = input.problem;
    Variables v;
    v["problem"] = p.text;
    v["problem_spaced"] = text::replaceAll(p.text, "?", " ?");
    v["question"] = p.question;
    v["question_spaced"] = text::replaceAll(p.question, "?", " ?");
    v["conditions"] = formatConditions(p.conditions);
    if (condition >= 0 && static_cast<std::size_t>(condition) < p.conditions.size())
        v["candidate"] = p.conditions[static_cast<std::size_t>(condition)];
    std::vector<DemoItem> demos = input.demos;
    if (method.demos.k > 0 && demos.size() > method.demos.k)
        demos.resize(method.demos.k);
    v["demos"] = formatDemos(demos, method.demos.separator);
    v["choices"] = formatChoices(p.choices);
    v["fallback"] = method.fallbackInstruction;
    const std::vector<int> cands = normalisedCandidates(input.candidates);
    for (std::size_t si = 0; si < stepIndex && si < method.steps.size(); ++si) {
        const Step& s = method.steps[si];
        if (s.output.empty())
            continue;
        if (s.kind == StepKind::Verify) {
            std::vector<std::string> responses;
            for (int c : cands)
                responses.push_back(outputOf(input.outputs, verifyKey(s, c)));
            v[s.output] = text::join(responses, s.join);
        } else {
            v[s.output] = outputOf(input.outputs, s.id);
        }
    }
    return v;
}

Result<RenderedRequest> renderCall(const Method& method, const std::string& key, const RenderInput& input)
{
    const std::string where = "problem " + input.problem.id + ", call " + key;
    for (const PlannedCall& call : planCalls(method, input.candidates)) {
        if (call.key != key)
            continue;
        if (call.condition >= 0 && static_cast<std::size_t>(call.condition) >= input.problem.conditions.size())
            return makeError(ErrorCode::InvalidInput,
                "candidate " + std::to_string(call.condition) + " is outside the problem's "
                    + std::to_string(input.problem.conditions.size()) + " conditions",
                where);
        const Step& step = method.steps[call.step];
        const Variables vars = buildVariables(method, input, call.step, call.condition);
        std::vector<std::string> allowed = builtinVariables();
        for (const auto& [name, value] : vars)
            allowed.push_back(name);
        RenderedRequest out;
        out.key = key;
        out.decoding = step.decoding;
        out.completions = step.completions;
        for (std::size_t mi = 0; mi < step.messages.size(); ++mi) {
            auto t = Template::parse(step.messages[mi].text, allowed);
            if (!t)
                return makeError(ErrorCode::InvalidInput, t.error().message,
                    method.id + ": steps[" + std::to_string(call.step) + "].messages[" + std::to_string(mi)
                        + "].template @ " + t.error().location);
            out.messages.push_back({ step.messages[mi].role, t->render(vars) });
        }
        return out;
    }
    return makeError(ErrorCode::NotFound, "the method '" + method.id + "' plans no such call for this problem", where);
}

llm::ChatRequest toChatRequest(const RenderedRequest& request)
{
    llm::ChatRequest r;
    if (request.completions && request.messages.size() == 1)
        r.prompt = request.messages.front().content;
    else
        r.messages = request.messages;
    r.temperature = request.decoding.temperature;
    r.topP = request.decoding.topP;
    r.maxTokens = request.decoding.maxTokens;
    if (request.decoding.seed)
        r.seed = static_cast<long long>(*request.decoding.seed);
    r.stop = request.decoding.stop;
    if (request.decoding.presencePenalty)
        r.extraParams["presence_penalty"] = *request.decoding.presencePenalty;
    if (request.decoding.frequencyPenalty)
        r.extraParams["frequency_penalty"] = *request.decoding.frequencyPenalty;
    return r;
}

std::string answerSourceText(const Method& method, const RenderInput& input)
{
    for (std::size_t si = 0; si < method.steps.size(); ++si) {
        const Step& s = method.steps[si];
        if (s.kind != StepKind::Extract)
            continue;
        if (s.makesCall())
            return outputOf(input.outputs, s.id);
        const Variables vars = buildVariables(method, input, si);
        const auto it = vars.find(s.input);
        return it == vars.end() ? std::string() : it->second;
    }
    return {};
}

eval::ExtractedAnswer extractAnswerFromOutputs(const Method& method, const RenderInput& input)
{
    const Step* step = method.extractStep();
    if (!step) {
        eval::ExtractedAnswer none;
        none.note = "the method has no extract step";
        return none;
    }
    const bool multipleChoice = !input.problem.choices.empty() || !input.problem.goldChoice.empty();
    return eval::extractAnswer(answerSourceText(method, input), step->extractors, multipleChoice);
}

} // namespace wb::method
