// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wb::method {

/// What a step does. Verify runs once per irrelevant-condition candidate (ascending index); the others once.
enum class StepKind { Verify, Reason, Extract, Plain };
const char* stepKindName(StepKind kind);
std::optional<StepKind> stepKindFromName(std::string_view name);

/// One chat message of a step: a role and a template (see template.h).
struct MessageTemplate {
    std::string role = "user"; ///< "system", "user" or "assistant"
    std::string text;
};

/// Sampling parameters of a step's call. Unset values are left out of the request (server defaults).
struct Decoding {
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    std::optional<double> topP;
    std::vector<std::string> stop;
    std::optional<std::int64_t> seed;
    std::optional<double> presencePenalty;
    std::optional<double> frequencyPenalty;
};

struct Step {
    std::string id; ///< unique within the method, no ':'; names the call ("reason", "verify:<i>")
    StepKind kind = StepKind::Plain;
    std::vector<MessageTemplate> messages; ///< empty only for an extract step that only applies rule extractors
    Decoding decoding;
    std::string output; ///< variable that later steps read this step's response as ("reasoning")
    std::string join = "\n"; ///< verify: separator between the candidates' responses
    std::string input = "reasoning"; ///< extract without messages: the variable the extractors read
    std::vector<std::string> extractors; ///< extract: answer extractors in order (eval/extractors.h)
    /// "endpoint": "completions" — a base model's /v1/completions call: the one message's rendered text is sent
    /// as the prompt string. Default false: /v1/chat/completions with the messages.
    bool completions = false;

    bool makesCall() const { return !messages.empty(); }
};

/// Where a method's demonstrations come from.
enum class DemoSource {
    None,
    Fixed, ///< a named demo set (resources/methods/demos/<set>.json or a stored/imported set)
    ComplexCot, ///< the k pool problems with the most reasoning steps (Fu et al. 2023)
    AutoCot, ///< one representative per k-means cluster of the pool (Zhang et al. 2023)
    I3cSelect, ///< the k pool problems with the lowest confusion score (i3c-method.md §6)
};
const char* demoSourceName(DemoSource source);
std::optional<DemoSource> demoSourceFromName(std::string_view name);

struct DemoSpec {
    DemoSource source = DemoSource::None;
    std::string set; ///< demo set name: required for Fixed, the default made/imported set otherwise
    std::size_t k = 0; ///< number of demonstrations (selection methods)
    std::uint64_t seed = 0; ///< k-means seed (Auto-CoT)
    std::string separator = "\n"; ///< between "Q: ...\nA: ..." blocks in {{demos}}
    std::string generator; ///< id of the method whose reasoning step writes the demos' reasoning paths
};

enum class Family { Baseline, I3c };
const char* familyName(Family family);
std::optional<Family> familyFromName(std::string_view name);

/// A method: a prompt program of ordered steps plus where its demonstrations come from.
struct Method {
    int format = 1; ///< file format version
    std::string id; ///< "zero-shot-cot+i3c"
    std::string name; ///< "Zero-Shot-CoT + I3C"
    /// Position in method lists (ascending; unset = after the numbered ones). Not part of the canonical form:
    /// where a method is listed does not change what it does.
    std::optional<int> order;
    std::string description;
    Family family = Family::Baseline;
    std::string base; ///< for "X + I3C": the id of X (informational)
    DemoSpec demos;
    std::string fallbackInstruction; ///< {{fallback}}: used when a problem has no candidates (§5.3)
    std::vector<Step> steps;

    std::string sourcePath; ///< file it was loaded from (not part of the canonical form)

    /// The verify step, or nullptr when the method does not verify candidates.
    const Step* verifyStep() const;
    /// The step holding the answer extractors (kind Extract), or nullptr.
    const Step* extractStep() const;
    const Step* findStep(std::string_view id) const;
    bool usesCandidates() const { return verifyStep() != nullptr; }
};

} // namespace wb::method
