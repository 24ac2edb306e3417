// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wb::method {

/// Values of template variables by name.
using Variables = std::map<std::string, std::string, std::less<>>;

/// Variables every template may use (see docs/methods.md): problem, problem_spaced, question, question_spaced,
/// conditions, candidate, instruction, demos, reasoning, choices, fallback.
const std::vector<std::string>& builtinVariables();

/// One problem found in a template, positioned for inline display in the prompt editor.
struct TemplateIssue {
    std::size_t offset = 0; ///< byte offset of the offending tag in the template text
    std::size_t length = 0; ///< bytes to underline
    std::string message;
};

/// A parsed prompt template. Syntax: literal text; `{{name}}` substitutes a variable (spaces inside the braces
/// are allowed); `{{#if name}}A{{else}}B{{/if}}` keeps A when the variable is non-empty, else B (`{{else}}` is
/// optional, blocks nest). Everything else, single braces included, is literal and copied byte for byte.
class Template {
public:
    Template();
    /// Parses `text`; the Error names the first issue as "offset N: message".
    static Result<Template> parse(std::string_view text, const std::vector<std::string>& allowed = builtinVariables());
    /// Every issue in `text` (unclosed braces, unknown variables, unbalanced if/else), in text order.
    static std::vector<TemplateIssue> check(
        std::string_view text, const std::vector<std::string>& allowed = builtinVariables());

    /// Substitutes the variables; a missing variable renders as empty.
    std::string render(const Variables& variables) const;
    /// Names the template refers to, in first-use order, without repeats.
    std::vector<std::string> variables() const;
    const std::string& source() const { return m_source; }

    struct Node;

private:
    std::shared_ptr<const std::vector<Node>> m_nodes;
    std::string m_source;
};

/// Template node (exposed only because Template holds a tree of them).
struct Template::Node {
    enum class Kind { Text, Variable, If } kind = Kind::Text;
    std::string text; ///< literal text, or the variable name
    std::vector<Node> then;
    std::vector<Node> otherwise;
};

} // namespace wb::method
