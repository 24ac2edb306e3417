// SPDX-License-Identifier: Apache-2.0
#include "core/dataset/recordconverter.h"

#include "core/common/jsonparse.h"
#include "core/common/text.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace wb::dataset {
namespace {

using nlohmann::json;

/// Thrown only inside this file and turned into an Error by convertRecord: keeps the field getters terse.
struct FieldError {
    std::string field; ///< top-level key or path ("lSolutions[0]"); empty when no single field is at fault
    std::string message;
};

[[noreturn]] void fail(std::string message) { throw FieldError { {}, std::move(message) }; }

/// "field '<field>' <what>", e.g. failField("answer", "is missing").
[[noreturn]] void failField(const std::string& field, const std::string& what)
{
    throw FieldError { field, "field '" + field + "' " + what };
}

/// An index that fits an int; 1e400 or 2^40 is an error naming the field, never a wrapped value.
int asIndex(const json& value, const std::string& name)
{
    auto index = jsonToInt(value, name);
    if (!index)
        failField(name, "must hold indices within the int range, got " + value.dump());
    return *index;
}

const json* find(const json& record, const std::string& name)
{
    const auto it = record.find(name);
    if (it == record.end() || it->is_null())
        return nullptr;
    return &*it;
}

const json& require(const json& record, const std::string& name)
{
    const json* value = find(record, name);
    if (!value)
        failField(name, "is missing");
    return *value;
}

[[noreturn]] void failWrongType(const std::string& name, const char* expected, const json& value)
{
    failField(name, std::string("must be ") + expected + ", got " + value.type_name());
}

std::string asString(const json& value, const std::string& name)
{
    if (!value.is_string())
        failWrongType(name, "a string", value);
    return value.get<std::string>();
}

std::string requireString(const json& record, const std::string& name) { return asString(require(record, name), name); }

/// requireString() without leading and trailing blank space, trimmed straight out of the JSON value (no
/// intermediate copy: this runs for the text of every problem).
std::string requireTrimmed(const json& record, const std::string& name)
{
    const json& value = require(record, name);
    if (!value.is_string())
        failWrongType(name, "a string", value);
    return text::trimmed(value.get_ref<const std::string&>());
}

/// A number keeps the spelling the file used ("51.0"), so goldAnswerText is what the file states.
std::string asAnswerText(const json& value, const std::string& name)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number())
        return value.dump();
    failWrongType(name, "a string or number", value);
}

std::string asId(const json& value, const std::string& name)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number_integer() || value.is_number_unsigned())
        return value.dump();
    failWrongType(name, "a string or integer", value);
}

std::vector<std::string> asStringList(const json& value, const std::string& name)
{
    if (!value.is_array())
        failWrongType(name, "a list of strings", value);
    std::vector<std::string> out;
    out.reserve(value.size());
    for (const json& item : value) {
        if (!item.is_string())
            failField(name, std::string("must be a list of strings, got a ") + item.type_name() + " element");
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::vector<int> asIndexList(const json& value, const std::string& name)
{
    if (!value.is_array())
        failWrongType(name, "a list of integers", value);
    std::vector<int> out;
    for (const json& item : value) {
        if (!item.is_number_integer() && !item.is_number_unsigned())
            failField(name, std::string("must be a list of integers, got a ") + item.type_name() + " element");
        out.push_back(asIndex(item, name));
    }
    return out;
}

std::vector<double> asNumberList(const json& value, const std::string& name)
{
    if (!value.is_array())
        failWrongType(name, "a list of numbers", value);
    std::vector<double> out;
    out.reserve(value.size());
    for (const json& item : value) {
        if (!item.is_number())
            failField(name, std::string("must be a list of numbers, got a ") + item.type_name() + " element");
        out.push_back(item.get<double>());
    }
    return out;
}

/// Sets the gold answer; `numeric` formats must have a number there.
void setAnswer(Problem& problem, std::string answerText, const std::string& field, bool numeric)
{
    problem.goldAnswerText = text::trimmed(answerText);
    problem.goldNumber = parseNumericAnswer(problem.goldAnswerText);
    if (numeric && !problem.goldNumber)
        failField(field, "is not a number: '" + problem.goldAnswerText + "'");
}

/// GSM8K-style solution: the gold number follows the last "####".
void setRationaleAnswer(Problem& problem, const std::string& solution, const std::string& field)
{
    const std::size_t mark = solution.rfind("####");
    if (mark == std::string::npos)
        failField(field, "has no '#### <answer>' line");
    problem.rationale = solution;
    setAnswer(problem, solution.substr(mark + 4), field, true);
}

void convertGsm8k(const json& r, ConvertedRecord& out)
{
    out.problem.text = requireTrimmed(r, "question");
    setRationaleAnswer(out.problem, requireString(r, "answer"), "answer");
}

void convertI3cDemo(const json& r, ConvertedRecord& out)
{
    convertGsm8k(r, out);
    if (const json* reasoning = find(r, "reasoning"))
        out.problem.reasoning = asString(*reasoning, "reasoning");
    if (const json* score = find(r, "confusion_score")) {
        if (!score->is_number())
            failWrongType("confusion_score", "a number", *score);
        out.problem.confusionScore = score->get<double>();
    }
}

void convertGsmIc(const json& r, ConvertedRecord& out)
{
    out.problem.text = requireTrimmed(r, "new_question");
    out.original = requireString(r, "original_question");
    out.hasOriginal = true;
    setAnswer(out.problem, asAnswerText(require(r, "answer"), "answer"), "answer", true);
    out.problem.hasGoldAnnotation = true;
}

void convertGsmIc1k(const json& r, ConvertedRecord& out)
{
    Problem& p = out.problem;
    p.conditions = asStringList(require(r, "conditions"), "conditions");
    p.question = requireString(r, "question");
    p.segmentationFromSource = true;
    if (const json* whole = find(r, "problem"))
        p.text = text::trimmed(asString(*whole, "problem"));
    else
        p.text = text::join(p.conditions, " ") + " " + p.question;
    setAnswer(p, asAnswerText(require(r, "gold_answer"), "gold_answer"), "gold_answer", true);
    // PRP's "equation" field holds the sentence GSM-IC inserted, i.e. the gold irrelevant condition
    p.goldIrrelevantText.push_back(requireString(r, "equation"));
    p.hasGoldAnnotation = true;
}

void convertSvamp(const json& r, ConvertedRecord& out)
{
    out.body = requireTrimmed(r, "Body");
    out.questionPart = requireTrimmed(r, "Question");
    out.bodyAndQuestion = true;
    out.problem.text = out.body + " " + out.questionPart;
    setAnswer(out.problem, asAnswerText(require(r, "Answer"), "Answer"), "Answer", true);
}

void convertMawps(const json& r, ConvertedRecord& out)
{
    out.problem.text = requireTrimmed(r, "sQuestion");
    const json& solutions = require(r, "lSolutions");
    if (!solutions.is_array())
        failWrongType("lSolutions", "a list", solutions);
    if (solutions.empty())
        failField("lSolutions", "is empty: no gold answer");
    setAnswer(out.problem, asAnswerText(solutions.front(), "lSolutions[0]"), "lSolutions[0]", true);
}

void convertAqua(const json& r, ConvertedRecord& out)
{
    Problem& p = out.problem;
    p.text = requireTrimmed(r, "question");
    const std::string choicesField = find(r, "options") || !find(r, "choices") ? "options" : "choices";
    p.choices = asStringList(require(r, choicesField), choicesField);
    p.goldChoice = requireTrimmed(r, "correct");
    p.goldAnswerText = p.goldChoice;
    if (const json* rationale = find(r, "rationale"))
        p.rationale = asString(*rationale, "rationale");
    for (const std::string& option : p.choices) {
        // "C)600": the numeric value of the correct option helps numeric answer checks
        if (!p.goldChoice.empty() && text::startsWith(option, p.goldChoice + ")")) {
            p.goldNumber = parseNumericAnswer(option.substr(p.goldChoice.size() + 1));
            break;
        }
    }
}

void convertI3c(const json& r, const ConvertContext& context, ConvertedRecord& out)
{
    Problem& p = out.problem;
    // kept verbatim (incl. tokenisation spaces): the reference I3C runs prompt with exactly this text
    p.text = requireString(r, "original_question");
    p.conditions = asStringList(require(r, "condition_sentences"), "condition_sentences");
    p.question = requireString(r, "question_sentence");
    p.segmentationFromSource = true;
    setAnswer(p, asAnswerText(require(r, "gold_answer"), "gold_answer"), "gold_answer", true);
    if (const json* gold = find(r, "gold_ic_idx"))
        p.goldIrrelevant = asIndexList(*gold, "gold_ic_idx");
    if (const json* candidates = find(r, "cand_ic_idx"))
        p.referenceCandidates = asIndexList(*candidates, "cand_ic_idx");
    if (const json* similarity = find(r, "condition_question_similarity"))
        p.referenceSq = asNumberList(*similarity, "condition_question_similarity");
    if (const json* equation = find(r, "equation"); equation && equation->is_string())
        p.rationale = equation->get<std::string>();
    p.hasGoldAnnotation = context.fileAnnotatesGold;
    const int n = int(p.conditions.size());
    for (const auto& [name, list] :
        { std::pair { "gold_ic_idx", &p.goldIrrelevant }, std::pair { "cand_ic_idx", &p.referenceCandidates } })
        for (int index : *list)
            if (index < 0 || index >= n)
                failField(
                    name, "has index " + std::to_string(index) + " but there are " + std::to_string(n) + " conditions");
}

bool looksLikeIndexList(std::string_view s)
{
    bool digit = false;
    for (char c : s) {
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c != ' ' && c != ',' && c != ';' && c != '[' && c != ']')
            return false;
    }
    return digit;
}

/// `irrelevant` may be an index, a list of indices, the sentence itself, a list of sentences, or (CSV) a string
/// of indices "0;2". Present but empty means "annotated: no irrelevant condition".
void readIrrelevant(const json& value, const std::string& name, Problem& p)
{
    p.hasGoldAnnotation = true;
    auto addText = [&](const std::string& s) {
        const std::string_view t = text::trim(s);
        if (t.empty())
            return;
        if (looksLikeIndexList(t)) {
            std::string digits;
            for (char c : std::string(t) + " ") {
                if (c >= '0' && c <= '9') {
                    digits += c;
                } else if (!digits.empty()) {
                    int index = 0;
                    const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), index);
                    if (r.ec != std::errc())
                        failField(name, "must hold indices within the int range, got " + digits);
                    p.goldIrrelevant.push_back(index);
                    digits.clear();
                }
            }
        } else {
            p.goldIrrelevantText.emplace_back(t);
        }
    };
    if (value.is_number_integer() || value.is_number_unsigned()) {
        p.goldIrrelevant.push_back(asIndex(value, name));
    } else if (value.is_string()) {
        addText(value.get<std::string>());
    } else if (value.is_array()) {
        for (const json& item : value) {
            if (item.is_number_integer() || item.is_number_unsigned())
                p.goldIrrelevant.push_back(asIndex(item, name));
            else if (item.is_string())
                p.goldIrrelevantText.push_back(item.get<std::string>());
            else
                failField(name, std::string("must list indices or sentences, got a ") + item.type_name() + " element");
        }
    } else {
        failWrongType(name, "an index, a sentence or a list of them", value);
    }
}

std::string firstPresent(const json& r, std::initializer_list<const char*> names)
{
    for (const char* name : names)
        if (find(r, name))
            return name;
    return {};
}

void convertGeneric(const json& r, const ColumnMapping& m, ConvertedRecord& out)
{
    Problem& p = out.problem;
    std::string textField;
    if (!m.body.empty()) {
        const std::string questionField = m.question.empty() ? "question" : m.question;
        out.body = text::trimmed(requireString(r, m.body));
        out.questionPart = text::trimmed(requireString(r, questionField));
        out.bodyAndQuestion = true;
        p.text = out.body + " " + out.questionPart;
    } else {
        textField = m.text.empty() ? defaultTextField(r) : m.text;
        if (textField.empty())
            fail("no problem text: none of the fields 'problem', 'question', 'text' is present (use a column mapping)");
        p.text = text::trimmed(requireString(r, textField));
    }

    const std::string conditionsField = m.conditions.empty() ? "conditions" : m.conditions;
    if (const json* conditions = find(r, conditionsField)) {
        p.conditions = asStringList(*conditions, conditionsField);
        p.segmentationFromSource = true;
        std::string questionField = m.question;
        if (questionField.empty() && textField != "question" && find(r, "question"))
            questionField = "question";
        if (!questionField.empty())
            p.question = text::trimmed(requireString(r, questionField));
        out.bodyAndQuestion = false;
    } else if (!m.conditions.empty()) {
        failField(m.conditions, "is missing");
    }

    const std::string answerField = m.answer.empty() ? firstPresent(r, { "answer", "gold_answer", "gold" }) : m.answer;
    if (answerField.empty())
        failField("answer", "is missing");
    const std::string answer = asAnswerText(require(r, answerField), answerField);
    if (text::trim(answer).empty())
        failField(answerField, "is empty: no gold answer");
    if (answer.find("####") != std::string::npos)
        setRationaleAnswer(p, answer, answerField);
    else
        setAnswer(p, answer, answerField, false);
    if (const json* rationale = find(r, "rationale"); rationale && rationale->is_string())
        p.rationale = rationale->get<std::string>();

    const std::string irrelevantField = m.irrelevant.empty() ? "irrelevant" : m.irrelevant;
    if (const json* irrelevant = find(r, irrelevantField))
        readIrrelevant(*irrelevant, irrelevantField, p);
    else if (!m.irrelevant.empty() && !r.contains(m.irrelevant))
        failField(m.irrelevant, "is missing");
}

std::string idFieldFor(Format format, const ColumnMapping* mapping)
{
    switch (format) {
    case Format::Svamp:
        return "ID";
    case Format::Mawps:
        return "iIndex";
    case Format::Csv:
    case Format::Jsonl:
        return mapping && !mapping->id.empty() ? mapping->id : "id";
    default:
        return "id";
    }
}

} // namespace

std::string defaultTextField(const nlohmann::json& record)
{
    return firstPresent(record, { "problem", "question", "text" });
}

std::optional<Format> sniffRecordFormat(const nlohmann::json& r)
{
    if (!r.is_object())
        return std::nullopt;
    // the fields that identify each format, most specific first (I3C and GSM-IC records also have "question"-like
    // fields that would match a looser signature)
    struct Signature {
        Format format;
        std::array<const char*, 3> fields;
    };
    static constexpr Signature kSignatures[] = {
        { Format::I3c, { "original_question", "condition_sentences", nullptr } },
        { Format::GsmIc, { "new_question", "original_question", nullptr } },
        { Format::GsmIc1k, { "conditions", "equation", "gold_answer" } },
        { Format::Svamp, { "Body", "Question", nullptr } },
        { Format::Mawps, { "sQuestion", "lSolutions", nullptr } },
        { Format::Aqua, { "options", "correct", nullptr } },
        { Format::Aqua, { "choices", "correct", nullptr } },
        { Format::I3cDemos, { "question", "reasoning", "confusion_score" } },
    };
    auto has = [&](const char* name) { return r.contains(name); };
    for (const Signature& signature : kSignatures)
        if (std::all_of(signature.fields.begin(), signature.fields.end(), [&](const char* f) { return !f || has(f); }))
            return signature.format;
    if (has("question") && has("answer") && !has("conditions")) {
        const json& answer = r["answer"];
        if (answer.is_string() && answer.get_ref<const std::string&>().find("####") != std::string::npos)
            return Format::Gsm8k;
    }
    if (!defaultTextField(r).empty())
        return Format::Jsonl;
    return std::nullopt;
}

Result<ConvertedRecord> convertRecord(const nlohmann::json& record, const ConvertContext& context, std::size_t number)
{
    if (!record.is_object())
        return makeError(
            ErrorCode::InvalidInput, std::string("record must be a JSON object, got ") + record.type_name());
    static const ColumnMapping kDefaultMapping;
    const ColumnMapping& mapping = context.mapping ? *context.mapping : kDefaultMapping;
    ConvertedRecord out;
    try {
        switch (context.format) {
        case Format::Gsm8k:
            convertGsm8k(record, out);
            break;
        case Format::I3cDemos:
            convertI3cDemo(record, out);
            break;
        case Format::GsmIc:
            convertGsmIc(record, out);
            break;
        case Format::GsmIc1k:
            convertGsmIc1k(record, out);
            break;
        case Format::Svamp:
            convertSvamp(record, out);
            break;
        case Format::Mawps:
            convertMawps(record, out);
            break;
        case Format::Aqua:
            convertAqua(record, out);
            break;
        case Format::I3c:
            convertI3c(record, context, out);
            break;
        case Format::Auto:
        case Format::Csv:
        case Format::Jsonl:
            convertGeneric(record, mapping, out);
            break;
        }
        const std::string idField = idFieldFor(context.format, context.mapping);
        if (const json* id = find(record, idField))
            out.problem.id = asId(*id, idField);
        else if (!mapping.id.empty() && (context.format == Format::Jsonl || context.format == Format::Csv))
            failField(mapping.id, "is missing");
    } catch (const FieldError& e) {
        return makeFieldError(ErrorCode::InvalidInput, e.field, e.message);
    } catch (const std::exception& e) {
        // any nlohmann or standard exception a field getter missed: report, never let it escape the loader
        return makeError(ErrorCode::InvalidInput, std::string("unexpected value: ") + e.what());
    }
    if (out.problem.id.empty())
        out.problem.id = std::to_string(number);
    return out;
}

} // namespace wb::dataset
