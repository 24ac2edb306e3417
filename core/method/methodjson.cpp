// SPDX-License-Identifier: Apache-2.0
#include "core/method/methodjson.h"

#include "core/common/jsonparse.h"
#include "core/common/sha256.h"
#include "core/method/jsonfile.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace wb::method {

using nlohmann::json;

namespace {

/// Reading helpers that turn nlohmann type errors into messages naming the field.
class Reader {
public:
    explicit Reader(std::string source)
        : m_source(std::move(source))
    {
    }

    Error error(const std::string& field, const std::string& message) const
    {
        return makeFieldError(ErrorCode::InvalidInput, field, message, m_source + ": " + field);
    }

    std::optional<Error> onlyKeys(
        const json& obj, const std::string& field, std::initializer_list<const char*> keys) const
    {
        if (!obj.is_object())
            return error(field, "must be an object");
        for (const auto& item : obj.items()) {
            const std::string& key = item.key(); // a named reference: clang 14 cannot capture a structured binding
            if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; }))
                return error(field.empty() ? key : field + "." + key, "unknown key");
        }
        return std::nullopt;
    }

    template <class T>
    std::optional<Error> get(
        const json& obj, const char* key, const std::string& field, T& out, bool required = false) const
    {
        const std::string path = field.empty() ? key : field + "." + key;
        if (!obj.contains(key)) {
            if (required)
                return error(path, "is required");
            return std::nullopt;
        }
        const json& v = obj.at(key);
        if constexpr (std::is_same_v<T, std::string>) {
            if (!v.is_string())
                return error(path, "must be a string");
        } else if constexpr (std::is_same_v<T, bool>) {
            if (!v.is_boolean())
                return error(path, "must be true or false");
        } else if constexpr (std::is_integral_v<T>) {
            if (!v.is_number_integer())
                return error(path, "must be an integer");
            if (std::is_unsigned_v<T> && v.is_number_integer() && !v.is_number_unsigned() && v.get<long long>() < 0)
                return error(path, "must not be negative");
            // get<T>() would wrap a value outside T silently; 1e19 or 2^40 for an int is an error instead.
            const auto wide = jsonToInt64(v, path);
            if (!wide || !std::in_range<T>(*wide))
                return error(path, "is out of range (" + v.dump() + ")");
            out = static_cast<T>(*wide);
            return std::nullopt;
        } else if constexpr (std::is_floating_point_v<T>) {
            if (!v.is_number())
                return error(path, "must be a number");
        }
        out = v.get<T>();
        return std::nullopt;
    }

    template <class T>
    std::optional<Error> getOptional(
        const json& obj, const char* key, const std::string& field, std::optional<T>& out) const
    {
        if (!obj.contains(key) || obj.at(key).is_null())
            return std::nullopt;
        T value {};
        if (auto e = get(obj, key, field, value))
            return e;
        out = value;
        return std::nullopt;
    }

    std::optional<Error> getStrings(
        const json& obj, const char* key, const std::string& field, std::vector<std::string>& out) const
    {
        const std::string path = field + "." + key;
        if (!obj.contains(key))
            return std::nullopt;
        const json& v = obj.at(key);
        if (v.is_string()) {
            out = { v.get<std::string>() };
            return std::nullopt;
        }
        if (!v.is_array())
            return error(path, "must be a list of strings");
        out.clear();
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v[i].is_string())
                return error(path + "[" + std::to_string(i) + "]", "must be a string");
            out.push_back(v[i].get<std::string>());
        }
        return std::nullopt;
    }

private:
    std::string m_source;
};

std::optional<Error> readDecoding(const Reader& r, const json& j, const std::string& f, Decoding& d)
{
    if (auto e = r.onlyKeys(
            j, f, { "temperature", "max_tokens", "top_p", "stop", "seed", "presence_penalty", "frequency_penalty" }))
        return e;
    if (auto e = r.getOptional(j, "temperature", f, d.temperature))
        return e;
    if (auto e = r.getOptional(j, "max_tokens", f, d.maxTokens))
        return e;
    if (auto e = r.getOptional(j, "top_p", f, d.topP))
        return e;
    if (auto e = r.getStrings(j, "stop", f, d.stop))
        return e;
    if (auto e = r.getOptional(j, "seed", f, d.seed))
        return e;
    if (auto e = r.getOptional(j, "presence_penalty", f, d.presencePenalty))
        return e;
    return r.getOptional(j, "frequency_penalty", f, d.frequencyPenalty);
}

std::optional<Error> readStep(const Reader& r, const json& j, const std::string& f, Step& s)
{
    if (auto e
        = r.onlyKeys(j, f, { "id", "kind", "endpoint", "messages", "decoding", "output", "join", "input", "answer" }))
        return e;
    if (auto e = r.get(j, "id", f, s.id, true))
        return e;
    std::string kind;
    if (auto e = r.get(j, "kind", f, kind, true))
        return e;
    const auto k = stepKindFromName(kind);
    if (!k)
        return r.error(f + ".kind", "must be verify, reason, extract or plain (got '" + kind + "')");
    s.kind = *k;
    std::string endpoint = "chat";
    if (auto e = r.get(j, "endpoint", f, endpoint))
        return e;
    if (endpoint != "chat" && endpoint != "completions")
        return r.error(f + ".endpoint", "must be chat or completions (got '" + endpoint + "')");
    s.completions = endpoint == "completions";
    if (j.contains("messages")) {
        const json& ms = j.at("messages");
        if (!ms.is_array())
            return r.error(f + ".messages", "must be a list");
        for (std::size_t i = 0; i < ms.size(); ++i) {
            const std::string mf = f + ".messages[" + std::to_string(i) + "]";
            MessageTemplate m;
            if (auto e = r.onlyKeys(ms[i], mf, { "role", "template" }))
                return e;
            if (auto e = r.get(ms[i], "role", mf, m.role))
                return e;
            if (auto e = r.get(ms[i], "template", mf, m.text, true))
                return e;
            s.messages.push_back(std::move(m));
        }
    }
    if (j.contains("decoding")) {
        if (auto e = readDecoding(r, j.at("decoding"), f + ".decoding", s.decoding))
            return e;
    }
    if (auto e = r.get(j, "output", f, s.output))
        return e;
    if (auto e = r.get(j, "join", f, s.join))
        return e;
    if (auto e = r.get(j, "input", f, s.input))
        return e;
    if (j.contains("answer")) {
        const json& a = j.at("answer");
        if (auto e = r.onlyKeys(a, f + ".answer", { "extractors" }))
            return e;
        if (auto e = r.getStrings(a, "extractors", f + ".answer", s.extractors))
            return e;
    }
    return std::nullopt;
}

std::optional<Error> readDemos(const Reader& r, const json& j, DemoSpec& d)
{
    if (j.is_null())
        return std::nullopt;
    if (auto e = r.onlyKeys(j, "demos", { "source", "set", "k", "seed", "separator", "generator" }))
        return e;
    std::string source = "none";
    if (auto e = r.get(j, "source", "demos", source))
        return e;
    const auto s = demoSourceFromName(source);
    if (!s)
        return r.error(
            "demos.source", "must be none, fixed, complex-cot, auto-cot or i3c-select (got '" + source + "')");
    d.source = *s;
    if (auto e = r.get(j, "set", "demos", d.set))
        return e;
    if (auto e = r.get(j, "k", "demos", d.k))
        return e;
    if (auto e = r.get(j, "seed", "demos", d.seed))
        return e;
    if (auto e = r.get(j, "separator", "demos", d.separator))
        return e;
    return r.get(j, "generator", "demos", d.generator);
}

template <class T> void putOptional(json& j, const char* key, const std::optional<T>& v)
{
    if (v)
        j[key] = *v;
}

} // namespace

Result<Method> methodFromJson(const json& j, const std::string& source)
{
    const Reader r(source);
    Method m;
    m.sourcePath = source;
    if (auto e = r.onlyKeys(j, "",
            { "format", "id", "name", "order", "description", "family", "base", "demos", "fallback_instruction",
                "steps" }))
        return *e;
    if (auto e = r.get(j, "format", "", m.format))
        return *e;
    if (auto e = r.get(j, "id", "", m.id, true))
        return *e;
    if (auto e = r.get(j, "name", "", m.name, true))
        return *e;
    if (auto e = r.getOptional(j, "order", "", m.order))
        return *e;
    if (auto e = r.get(j, "description", "", m.description))
        return *e;
    std::string family = "baseline";
    if (auto e = r.get(j, "family", "", family))
        return *e;
    const auto fam = familyFromName(family);
    if (!fam)
        return r.error("family", "must be baseline or +I3C (got '" + family + "')");
    m.family = *fam;
    if (auto e = r.get(j, "base", "", m.base))
        return *e;
    if (j.contains("demos")) {
        if (auto e = readDemos(r, j.at("demos"), m.demos))
            return *e;
    }
    if (auto e = r.get(j, "fallback_instruction", "", m.fallbackInstruction))
        return *e;
    if (!j.contains("steps") || !j.at("steps").is_array())
        return r.error("steps", "is required and must be a list");
    for (std::size_t i = 0; i < j.at("steps").size(); ++i) {
        Step s;
        if (auto e = readStep(r, j.at("steps")[i], "steps[" + std::to_string(i) + "]", s))
            return *e;
        m.steps.push_back(std::move(s));
    }
    const auto issues = validateMethod(m);
    if (!issues.empty()) {
        const MethodIssue& first = issues.front();
        std::string location = source + ": " + first.field;
        if (first.offset != std::string::npos)
            location += " @ offset " + std::to_string(first.offset);
        return makeFieldError(ErrorCode::InvalidInput, first.field, first.message, location);
    }
    return m;
}

Result<Method> parseMethod(const std::string& text, const std::string& source)
{
    auto j = parseJsonText(text, source);
    if (!j)
        return j.error();
    return methodFromJson(j.value(), source);
}

Result<Method> loadMethodFile(const std::string& path)
{
    auto j = readJsonFile(path, "method file");
    if (!j)
        return j.error();
    return methodFromJson(j.value(), path);
}

json methodToJson(const Method& m)
{
    json j;
    j["format"] = m.format;
    j["id"] = m.id;
    j["name"] = m.name;
    putOptional(j, "order", m.order);
    j["description"] = m.description;
    j["family"] = familyName(m.family);
    j["base"] = m.base;
    j["demos"] = { { "source", demoSourceName(m.demos.source) }, { "set", m.demos.set }, { "k", m.demos.k },
        { "seed", m.demos.seed }, { "separator", m.demos.separator }, { "generator", m.demos.generator } };
    j["fallback_instruction"] = m.fallbackInstruction;
    json steps = json::array();
    for (const Step& s : m.steps) {
        json js;
        js["id"] = s.id;
        js["kind"] = stepKindName(s.kind);
        if (s.completions) // written only when set, so the canonical form (and hash) of chat methods is unchanged
            js["endpoint"] = "completions";
        json messages = json::array();
        for (const MessageTemplate& msg : s.messages)
            messages.push_back({ { "role", msg.role }, { "template", msg.text } });
        js["messages"] = messages;
        json d = json::object();
        putOptional(d, "temperature", s.decoding.temperature);
        putOptional(d, "max_tokens", s.decoding.maxTokens);
        putOptional(d, "top_p", s.decoding.topP);
        if (!s.decoding.stop.empty())
            d["stop"] = s.decoding.stop;
        putOptional(d, "seed", s.decoding.seed);
        putOptional(d, "presence_penalty", s.decoding.presencePenalty);
        putOptional(d, "frequency_penalty", s.decoding.frequencyPenalty);
        js["decoding"] = d;
        js["output"] = s.output;
        js["join"] = s.join;
        js["input"] = s.input;
        js["answer"] = { { "extractors", s.extractors } };
        steps.push_back(js);
    }
    j["steps"] = steps;
    return j;
}

std::string canonicalMethodJson(const Method& method)
{
    json j = methodToJson(method);
    j.erase("order");
    return j.dump();
}

std::string methodSha256(const Method& method) { return Sha256::hex(canonicalMethodJson(method)); }

} // namespace wb::method
