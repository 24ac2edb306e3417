// SPDX-License-Identifier: Apache-2.0
#include "core/method/template.h"

#include <algorithm>

namespace wb::method {

const std::vector<std::string>& builtinVariables()
{
    static const std::vector<std::string> kNames { "problem", "problem_spaced", "question", "question_spaced",
        "conditions", "candidate", "instruction", "demos", "reasoning", "choices", "fallback" };
    return kNames;
}

namespace {

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string_view trimSpaces(std::string_view s)
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

bool validName(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), isNameChar); }

/// Builds the node tree and records every issue; parsing continues after an issue so that the editor can
/// underline all of them at once.
class Parser {
public:
    Parser(std::string_view text, const std::vector<std::string>& allowed)
        : m_text(text)
        , m_allowed(allowed)
    {
    }

    std::vector<Template::Node> run()
    {
        std::vector<Template::Node> root;
        struct Open {
            std::size_t offset;
            std::size_t length;
            Template::Node node;
            bool inElse = false;
        };
        std::vector<Open> stack;
        const auto current = [&]() -> std::vector<Template::Node>& {
            if (stack.empty())
                return root;
            return stack.back().inElse ? stack.back().node.otherwise : stack.back().node.then;
        };
        std::size_t pos = 0;
        while (pos < m_text.size()) {
            const std::size_t open = m_text.find("{{", pos);
            if (open == std::string_view::npos) {
                appendText(current(), m_text.substr(pos));
                break;
            }
            appendText(current(), m_text.substr(pos, open - pos));
            const std::size_t close = m_text.find("}}", open + 2);
            if (close == std::string_view::npos) {
                issue(open, m_text.size() - open, "unclosed '{{' (no matching '}}')");
                appendText(current(), m_text.substr(open));
                break;
            }
            const std::size_t tagLength = close + 2 - open;
            const std::string_view inner = trimSpaces(m_text.substr(open + 2, close - open - 2));
            pos = close + 2;
            if (inner.find("{{") != std::string_view::npos) {
                issue(open, tagLength, "'{{' inside a tag: a tag was not closed");
                continue;
            }
            if (inner.substr(0, 4) == "#if ") {
                const std::string_view name = trimSpaces(inner.substr(4));
                checkName(name, open, tagLength);
                Template::Node node;
                node.kind = Template::Node::Kind::If;
                node.text = std::string(name);
                stack.push_back({ open, tagLength, std::move(node), false });
            } else if (inner == "else") {
                if (stack.empty())
                    issue(open, tagLength, "{{else}} outside an {{#if}} block");
                else if (stack.back().inElse)
                    issue(open, tagLength, "second {{else}} in the same {{#if}} block");
                else
                    stack.back().inElse = true;
            } else if (inner == "/if") {
                if (stack.empty()) {
                    issue(open, tagLength, "{{/if}} without an open {{#if}}");
                } else {
                    Template::Node node = std::move(stack.back().node);
                    stack.pop_back();
                    current().push_back(std::move(node));
                }
            } else {
                if (checkName(inner, open, tagLength)) {
                    Template::Node node;
                    node.kind = Template::Node::Kind::Variable;
                    node.text = std::string(inner);
                    current().push_back(std::move(node));
                }
            }
        }
        while (!stack.empty()) {
            issue(stack.back().offset, stack.back().length,
                "{{#if " + stack.back().node.text + "}} is never closed by {{/if}}");
            Template::Node node = std::move(stack.back().node);
            stack.pop_back();
            current().push_back(std::move(node));
        }
        std::sort(m_issues.begin(), m_issues.end(),
            [](const TemplateIssue& a, const TemplateIssue& b) { return a.offset < b.offset; });
        return root;
    }

    std::vector<TemplateIssue> issues() const { return m_issues; }

private:
    static void appendText(std::vector<Template::Node>& nodes, std::string_view text)
    {
        if (text.empty())
            return;
        if (!nodes.empty() && nodes.back().kind == Template::Node::Kind::Text) {
            nodes.back().text += text;
            return;
        }
        Template::Node node;
        node.text = std::string(text);
        nodes.push_back(std::move(node));
    }

    bool checkName(std::string_view name, std::size_t offset, std::size_t length)
    {
        if (name.empty()) {
            issue(offset, length, "empty tag '{{}}'");
            return false;
        }
        if (!validName(name)) {
            issue(offset, length, "invalid variable name '" + std::string(name) + "'");
            return false;
        }
        if (std::find(m_allowed.begin(), m_allowed.end(), name) == m_allowed.end()) {
            issue(offset, length, "unknown variable '" + std::string(name) + "'");
            return false;
        }
        return true;
    }

    void issue(std::size_t offset, std::size_t length, std::string message)
    {
        m_issues.push_back({ offset, length, std::move(message) });
    }

    std::string_view m_text;
    const std::vector<std::string>& m_allowed;
    std::vector<TemplateIssue> m_issues;
};

void renderNodes(const std::vector<Template::Node>& nodes, const Variables& vars, std::string& out)
{
    for (const Template::Node& n : nodes) {
        switch (n.kind) {
        case Template::Node::Kind::Text:
            out += n.text;
            break;
        case Template::Node::Kind::Variable: {
            const auto it = vars.find(n.text);
            if (it != vars.end())
                out += it->second;
            break;
        }
        case Template::Node::Kind::If: {
            const auto it = vars.find(n.text);
            const bool truthy = it != vars.end() && !it->second.empty();
            renderNodes(truthy ? n.then : n.otherwise, vars, out);
            break;
        }
        }
    }
}

void collectNames(const std::vector<Template::Node>& nodes, std::vector<std::string>& names)
{
    for (const Template::Node& n : nodes) {
        if (n.kind != Template::Node::Kind::Text && std::find(names.begin(), names.end(), n.text) == names.end())
            names.push_back(n.text);
        collectNames(n.then, names);
        collectNames(n.otherwise, names);
    }
}

} // namespace

Template::Template()
    : m_nodes(std::make_shared<const std::vector<Node>>())
{
}

Result<Template> Template::parse(std::string_view text, const std::vector<std::string>& allowed)
{
    Parser parser(text, allowed);
    std::vector<Node> nodes = parser.run();
    const auto issues = parser.issues();
    if (!issues.empty())
        return makeError(
            ErrorCode::InvalidInput, issues.front().message, "offset " + std::to_string(issues.front().offset));
    Template t;
    t.m_nodes = std::make_shared<const std::vector<Node>>(std::move(nodes));
    t.m_source = std::string(text);
    return t;
}

std::vector<TemplateIssue> Template::check(std::string_view text, const std::vector<std::string>& allowed)
{
    Parser parser(text, allowed);
    parser.run();
    return parser.issues();
}

std::string Template::render(const Variables& variables) const
{
    std::string out;
    renderNodes(*m_nodes, variables, out);
    return out;
}

std::vector<std::string> Template::variables() const
{
    std::vector<std::string> names;
    collectNames(*m_nodes, names);
    return names;
}

} // namespace wb::method
