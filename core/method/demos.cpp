// SPDX-License-Identifier: Apache-2.0
#include "core/method/demos.h"

#include "core/method/jsonfile.h"

namespace wb::method {

using nlohmann::json;

Result<std::vector<DemoItem>> demoItemsFromJson(const json& j, const std::string& source)
{
    if (!j.is_array())
        return makeError(ErrorCode::InvalidInput, "demonstrations must be a JSON array", source);
    std::vector<DemoItem> items;
    for (std::size_t i = 0; i < j.size(); ++i) {
        const json& o = j[i];
        const std::string f = source + ": [" + std::to_string(i) + "]";
        if (!o.is_object())
            return makeError(ErrorCode::InvalidInput, "must be an object", f);
        DemoItem item;
        for (const char* key : { "question", "reasoning" }) {
            if (!o.contains(key) || !o.at(key).is_string())
                return makeError(ErrorCode::InvalidInput, "is required and must be a string", f + "." + key);
        }
        item.question = o.at("question").get<std::string>();
        item.reasoning = o.at("reasoning").get<std::string>();
        if (o.contains("answer")) {
            const json& a = o.at("answer");
            if (a.is_string())
                item.answer = a.get<std::string>();
            else if (a.is_number())
                item.answer = a.dump();
            else if (!a.is_null())
                return makeError(ErrorCode::InvalidInput, "must be a string or a number", f + ".answer");
        }
        for (const char* key : { "score", "confusion_score" }) {
            if (o.contains(key) && !o.at(key).is_null()) {
                if (!o.at(key).is_number())
                    return makeError(ErrorCode::InvalidInput, "must be a number", f + "." + key);
                item.score = o.at(key).get<double>();
            }
        }
        items.push_back(std::move(item));
    }
    return items;
}

Result<DemoSet> demoSetFromJson(const json& j, const std::string& source)
{
    DemoSet set;
    if (j.is_array()) {
        auto items = demoItemsFromJson(j, source);
        if (!items)
            return items.error();
        set.items = std::move(items.value());
        set.howMade = "imported from " + source;
        return set;
    }
    if (!j.is_object() || !j.contains("items"))
        return makeError(
            ErrorCode::InvalidInput, "a demo set is an array of items or an object with \"items\"", source);
    if (j.contains("name") && j.at("name").is_string())
        set.name = j.at("name").get<std::string>();
    if (j.contains("how_made") && j.at("how_made").is_string())
        set.howMade = j.at("how_made").get<std::string>();
    auto items = demoItemsFromJson(j.at("items"), source + ": items");
    if (!items)
        return items.error();
    set.items = std::move(items.value());
    return set;
}

Result<DemoSet> loadDemoSetFile(const std::string& path)
{
    auto j = readJsonFile(path, "demo set file");
    if (!j)
        return j.error();
    auto set = demoSetFromJson(j.value(), path);
    if (set && set->name.empty()) {
        const std::size_t slash = path.find_last_of('/');
        std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
        if (file.size() > 5 && file.compare(file.size() - 5, 5, ".json") == 0)
            file.resize(file.size() - 5);
        set->name = file;
    }
    return set;
}

json demoItemsToJson(const std::vector<DemoItem>& items)
{
    json arr = json::array();
    for (const DemoItem& it : items) {
        json o = { { "question", it.question }, { "reasoning", it.reasoning }, { "answer", it.answer } };
        if (it.score)
            o["score"] = *it.score;
        arr.push_back(o);
    }
    return arr;
}

json demoSetToJson(const DemoSet& set)
{
    return { { "name", set.name }, { "how_made", set.howMade }, { "items", demoItemsToJson(set.items) } };
}

std::string demoSetPath(const std::string& methodsDir, const std::string& name)
{
    return methodsDir + "/demos/" + name + ".json";
}

std::string formatDemos(const std::vector<DemoItem>& items, const std::string& separator)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += separator;
        out += "Q: " + items[i].question + "\nA: " + items[i].reasoning;
    }
    return out;
}

} // namespace wb::method
