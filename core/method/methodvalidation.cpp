// SPDX-License-Identifier: Apache-2.0
#include "core/method/methodvalidation.h"

#include "core/eval/extractors.h"
#include "core/method/template.h"

#include <algorithm>
#include <set>
#include <string_view>

namespace wb::method {

std::string MethodIssue::toString() const
{
    std::string s = field;
    if (offset != std::string::npos)
        s += " @ offset " + std::to_string(offset);
    return s + ": " + message;
}

namespace {

const std::set<std::string, std::less<>> kRoles { "system", "user", "assistant" };

bool validId(std::string_view id)
{
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '_' || c == '.';
    });
}

} // namespace

std::vector<MethodIssue> validateMethod(const Method& m)
{
    std::vector<MethodIssue> issues;
    const auto add = [&](std::string field, std::string message) {
        issues.push_back({ std::move(field), std::string::npos, 0, std::move(message) });
    };
    if (m.format != 1)
        add("format", "unsupported format version " + std::to_string(m.format) + " (expected 1)");
    if (!validId(m.id))
        add("id", "must be non-empty lower-case letters, digits and - + _ . (got '" + m.id + "')");
    if (m.name.empty())
        add("name", "must not be empty");
    if (m.order && *m.order < 1)
        add("order", "must be a positive integer (got " + std::to_string(*m.order) + ")");
    if (m.demos.source == DemoSource::Fixed && m.demos.set.empty())
        add("demos.set", "a fixed demo source needs a set name");
    if ((m.demos.source == DemoSource::ComplexCot || m.demos.source == DemoSource::AutoCot
            || m.demos.source == DemoSource::I3cSelect)
        && m.demos.k == 0)
        add("demos.k", "a selected demo source needs k > 0");
    if (m.steps.empty())
        add("steps", "a method needs at least one step");

    std::vector<std::string> allowed = builtinVariables();
    allowed.erase(std::find(allowed.begin(), allowed.end(), "candidate"));
    std::set<std::string, std::less<>> ids;
    int verifySteps = 0;
    int extractSteps = 0;
    for (std::size_t si = 0; si < m.steps.size(); ++si) {
        const Step& s = m.steps[si];
        const std::string f = "steps[" + std::to_string(si) + "]";
        if (!validId(s.id) || s.id.find(':') != std::string::npos)
            add(f + ".id", "must be non-empty lower-case letters, digits and - + _ . (got '" + s.id + "')");
        else if (!ids.insert(s.id).second)
            add(f + ".id", "duplicate step id '" + s.id + "'");
        if (s.kind == StepKind::Verify && ++verifySteps > 1)
            add(f + ".kind", "only one verify step is allowed");
        if (s.kind == StepKind::Extract) {
            ++extractSteps;
            if (s.extractors.empty())
                add(f + ".answer.extractors", "an extract step needs at least one extractor");
            if (si + 1 != m.steps.size())
                add(f + ".kind", "the extract step must be the last step");
            if (!s.makesCall() && std::find(allowed.begin(), allowed.end(), s.input) == allowed.end())
                add(f + ".input", "unknown variable '" + s.input + "'");
        } else if (!s.extractors.empty()) {
            add(f + ".answer", "only the extract step has answer extractors");
        }
        for (std::size_t ei = 0; ei < s.extractors.size(); ++ei) {
            if (!eval::isKnownExtractor(s.extractors[ei]))
                add(f + ".answer.extractors[" + std::to_string(ei) + "]",
                    "unknown extractor '" + s.extractors[ei] + "'");
        }
        if (s.completions && s.messages.size() != 1)
            add(f + ".messages", "a completions step sends one prompt string: it needs exactly one message");
        if (!s.makesCall() && s.kind != StepKind::Extract)
            add(f + ".messages", "a " + std::string(stepKindName(s.kind)) + " step needs at least one message");
        const Decoding& d = s.decoding;
        if (d.temperature && (*d.temperature < 0.0 || *d.temperature > 2.0))
            add(f + ".decoding.temperature", "must be within [0, 2]");
        if (d.maxTokens && *d.maxTokens <= 0)
            add(f + ".decoding.max_tokens", "must be positive");
        if (d.topP && (*d.topP <= 0.0 || *d.topP > 1.0))
            add(f + ".decoding.top_p", "must be within (0, 1]");

        std::vector<std::string> stepAllowed = allowed;
        if (s.kind == StepKind::Verify)
            stepAllowed.push_back("candidate");
        for (std::size_t mi = 0; mi < s.messages.size(); ++mi) {
            const std::string mf = f + ".messages[" + std::to_string(mi) + "]";
            if (!kRoles.count(s.messages[mi].role))
                add(mf + ".role", "must be system, user or assistant (got '" + s.messages[mi].role + "')");
            for (const TemplateIssue& ti : Template::check(s.messages[mi].text, stepAllowed)) {
                std::string message = ti.message;
                if (message.rfind("unknown variable 'candidate'", 0) == 0)
                    message += " (only the verify step has a candidate)";
                issues.push_back({ mf + ".template", ti.offset, ti.length, message });
            }
        }
        // Later steps may read this step's response by its output name.
        if (!s.output.empty()) {
            if (std::find(allowed.begin(), allowed.end(), s.output) == allowed.end())
                allowed.push_back(s.output);
        }
    }
    if (extractSteps != 1)
        add("steps", "a method needs exactly one extract step (found " + std::to_string(extractSteps) + ")");
    return issues;
}

} // namespace wb::method
