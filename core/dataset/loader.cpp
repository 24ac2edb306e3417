// SPDX-License-Identifier: Apache-2.0
#include "core/dataset/loader.h"

#include "core/common/jsonparse.h"
#include "core/common/text.h"
#include "core/dataset/fastjson.h"
#include "core/dataset/goldmatch.h"
#include "core/dataset/recordconverter.h"
#include "core/dataset/recordreader.h"
#include "core/segment/segmenter.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace wb::dataset {
namespace {

using nlohmann::json;

struct FormatEntry {
    Format format;
    const char* name;
};

constexpr FormatEntry kFormats[] = {
    { Format::Auto, "auto" },
    { Format::Gsm8k, "gsm8k" },
    { Format::GsmIc, "gsm-ic" },
    { Format::GsmIc1k, "gsm-ic-1k" },
    { Format::Svamp, "svamp" },
    { Format::Mawps, "mawps" },
    { Format::Aqua, "aqua" },
    { Format::I3c, "i3c" },
    { Format::I3cDemos, "i3c-demos" },
    { Format::Csv, "csv" },
    { Format::Jsonl, "jsonl" },
};

/// A file of bad records should not turn into a million diagnostics; the count stays exact in skippedRecords.
constexpr std::size_t kMaxListedDiagnostics = 100;

bool mappingIsSet(const ColumnMapping& m)
{
    return !(m.id.empty() && m.text.empty() && m.body.empty() && m.question.empty() && m.answer.empty()
        && m.irrelevant.empty() && m.conditions.empty());
}

/// Whether any record of an I3C file has a non-empty gold_ic_idx. Those files annotate every problem
/// (an empty list then means "no irrelevant condition"); files without any gold annotate none. A byte scan for
/// `"gold_ic_idx": [<digit>` answers this before streaming starts, with constant memory.
bool fileAnnotatesGold(const std::string& path)
{
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file)
        return false;
    static constexpr std::string_view kKey = "\"gold_ic_idx\"";
    std::string window;
    std::vector<char> chunk(1u << 20);
    bool found = false;
    while (!found) {
        const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), file);
        if (n == 0)
            break;
        // keep a tail so a key split across two chunks is still seen
        window.append(chunk.data(), n);
        std::size_t at = 0;
        while ((at = window.find(kKey, at)) != std::string::npos) {
            std::size_t k = at + kKey.size();
            while (k < window.size()
                && (window[k] == ' ' || window[k] == '\n' || window[k] == '\r' || window[k] == '\t' || window[k] == ':'
                    || window[k] == '['))
                ++k;
            if (k < window.size() && window[k] >= '0' && window[k] <= '9') {
                found = true;
                break;
            }
            at = k;
        }
        if (window.size() > 256)
            window.erase(0, window.size() - 256);
    }
    std::fclose(file);
    return found;
}

/// nlohmann parses what the fast parser declined. On failure `errorLine` is the file line of the error.
std::optional<json> parseWithNlohmann(const RawRecord& record, std::uint64_t& errorLine, std::string& message)
{
    JsonParseError error;
    auto parsed = tryParseJson(record.text, error, kMaxNestingDepth);
    if (!parsed) {
        errorLine = record.line + error.line - 1;
        message = "invalid JSON: " + error.message;
    }
    return parsed;
}

/// The line of the record's key that a converter's error field names ("answer", or "lSolutions[0]" for an
/// element), so that errors in pretty-printed arrays point at the field and not at the record's opening brace.
/// The record's first line when there is no field or the key is not found.
std::uint64_t fieldLine(const RawRecord& record, const std::string& field)
{
    const std::string topKey = field.substr(0, field.find('['));
    if (topKey.empty())
        return record.line;
    const std::string key = "\"" + topKey + "\"";
    for (std::size_t at = record.text.find(key); at != std::string::npos; at = record.text.find(key, at + 1)) {
        std::size_t k = at + key.size();
        while (k < record.text.size()
            && (record.text[k] == ' ' || record.text[k] == '\t' || record.text[k] == '\r' || record.text[k] == '\n'))
            ++k;
        if (k < record.text.size() && record.text[k] == ':')
            return record.line + std::uint64_t(std::count(record.text.begin(), record.text.begin() + long(at), '\n'));
    }
    return record.line;
}

class StreamLoader {
public:
    StreamLoader(const std::string& path, const LoadOptions& options, const ProblemSink& sink)
        : m_path(path)
        , m_options(options)
        , m_sink(sink)
        , m_reader(m_source, path)
    {
    }

    Result<DatasetInfo> run();

private:
    Result<void> handle(RawRecord& record, bool& keepGoing);
    Result<void> handleCsvHeader(const RawRecord& record);
    Result<void> csvRowToJson(const RawRecord& record, json& out);
    Result<void> recordProblem(std::uint64_t line, std::string message);
    Result<void> deliver(ConvertedRecord&& converted, const RawRecord& record, bool& keepGoing);
    void warn(std::uint64_t line, std::string message);
    std::string at(std::uint64_t line) const { return m_path + ":" + std::to_string(line); }

    std::string m_path;
    const LoadOptions& m_options;
    const ProblemSink& m_sink;
    ByteSource m_source;
    RecordReader m_reader;
    DatasetInfo m_info;
    Container m_container = Container::JsonLines;
    ConvertContext m_context;
    bool m_formatKnown = false;
    std::vector<std::string> m_csvHeader;
    std::size_t m_unlisted = 0;
};

Result<DatasetInfo> StreamLoader::run()
{
    m_info.path = m_path;
    m_info.name = std::filesystem::path(m_path).filename().string();
    auto opened = m_source.open(m_path, m_options.hashContent);
    if (!opened)
        return opened.error();
    auto first = m_reader.start();
    if (!first)
        return first.error();

    const char c = *first;
    if (m_options.format == Format::Csv)
        m_container = Container::Csv;
    else if (c == '[')
        m_container = Container::JsonArray;
    else if (c == '{')
        m_container = Container::JsonLines;
    else if (m_options.format == Format::Auto || m_options.format == Format::Jsonl)
        m_container = Container::Csv;
    else
        return makeError(ErrorCode::InvalidInput,
            std::string("expected JSON for format '") + formatName(m_options.format)
                + "' (a '[' array or '{' JSON Lines) but the file starts with '" + c + "'",
            at(m_reader.currentLine()));
    m_reader.setContainer(m_container);

    m_context.mapping = &m_options.mapping;
    if (m_container == Container::Csv) {
        m_context.format = Format::Csv;
        m_formatKnown = true;
    } else if (m_options.format != Format::Auto) {
        m_context.format = m_options.format;
        m_formatKnown = true;
    } else if (mappingIsSet(m_options.mapping)) {
        m_context.format = Format::Jsonl;
        m_formatKnown = true;
    }
    if (m_formatKnown && m_context.format == Format::I3c)
        m_context.fileAnnotatesGold = fileAnnotatesGold(m_path);

    RawRecord record;
    bool keepGoing = true;
    while (keepGoing) {
        auto more = m_reader.next(record);
        if (!more)
            return more.error();
        if (!*more)
            break;
        auto handled = handle(record, keepGoing);
        if (!handled)
            return handled.error();
    }
    m_info.format = m_context.format;
    m_info.contentHash = m_source.finishHash();
    if (m_source.readFailed())
        return makeError(ErrorCode::Io, "reading the file failed", m_path);
    if (m_unlisted > 0)
        m_info.diagnostics.push_back(
            { Diagnostic::Severity::Error, std::to_string(m_unlisted) + " more bad records are not listed", m_path });
    if (m_info.problemCount == 0) {
        if (m_info.skippedRecords > 0)
            return makeError(ErrorCode::InvalidInput,
                "no usable problem: all " + std::to_string(m_info.skippedRecords)
                    + " records are bad; the first: " + m_info.diagnostics.front().toString());
        if (m_container == Container::Csv && !m_csvHeader.empty())
            return makeError(ErrorCode::InvalidInput, "CSV file has a header but no rows", m_path);
        return makeError(ErrorCode::InvalidInput, "file holds no problems", m_path);
    }
    return m_info;
}

void StreamLoader::warn(std::uint64_t line, std::string message)
{
    if (m_info.diagnostics.size() < kMaxListedDiagnostics)
        m_info.diagnostics.push_back({ Diagnostic::Severity::Warning, std::move(message), at(line) });
}

Result<void> StreamLoader::recordProblem(std::uint64_t line, std::string message)
{
    if (m_options.strict)
        return makeError(ErrorCode::InvalidInput, std::move(message), at(line));
    ++m_info.skippedRecords;
    if (m_info.diagnostics.size() < kMaxListedDiagnostics)
        m_info.diagnostics.push_back(
            { Diagnostic::Severity::Error, std::move(message) + " (record skipped)", at(line) });
    else
        ++m_unlisted;
    return {};
}

Result<void> StreamLoader::handleCsvHeader(const RawRecord& record)
{
    json columns = json::object();
    for (std::string& name : m_csvHeader = record.fields) {
        name = text::trimmed(name);
        columns[name] = "";
    }
    const ColumnMapping& m = m_options.mapping;
    for (const std::string* wanted : { &m.id, &m.text, &m.body, &m.question, &m.answer, &m.irrelevant, &m.conditions })
        if (!wanted->empty() && !columns.contains(*wanted))
            return makeError(ErrorCode::InvalidInput,
                "column '" + *wanted + "' named in the column mapping is not in the CSV header ("
                    + text::join(m_csvHeader, ", ") + ")",
                at(record.line));
    if (m.text.empty() && m.body.empty() && defaultTextField(columns).empty())
        return makeError(ErrorCode::InvalidInput,
            "CSV header (" + text::join(m_csvHeader, ", ")
                + ") has no 'problem', 'question' or 'text' column; give a column mapping such as text=<column>",
            at(record.line));
    return {};
}

Result<void> StreamLoader::csvRowToJson(const RawRecord& record, json& out)
{
    if (record.fields.size() != m_csvHeader.size())
        return makeError(ErrorCode::InvalidInput,
            "CSV row has " + std::to_string(record.fields.size()) + " fields but the header has "
                + std::to_string(m_csvHeader.size()));
    const std::string conditionsColumn
        = m_options.mapping.conditions.empty() ? "conditions" : m_options.mapping.conditions;
    out = json::object();
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const std::string& name = m_csvHeader[i];
        const std::string& cell = record.fields[i];
        if (name != conditionsColumn) {
            out[name] = cell;
            continue;
        }
        // a cell holds the condition list as JSON ["a","b"] or as "a | b"
        if (text::startsWith(text::trim(cell), "[")) {
            out[name] = json::parse(cell, nullptr, false);
            if (out[name].is_discarded())
                return makeError(ErrorCode::InvalidInput, "column '" + name + "' is not a valid JSON list");
        } else if (!text::trim(cell).empty()) {
            json list = json::array();
            for (const std::string& part : text::split(cell, '|'))
                list.push_back(text::trimmed(part));
            out[name] = std::move(list);
        }
    }
    return {};
}

Result<void> StreamLoader::handle(RawRecord& record, bool& keepGoing)
{
    if (!record.defect.empty()) {
        if (m_container == Container::Csv && m_csvHeader.empty()) // without a header no row can be read
            return makeError(ErrorCode::InvalidInput, "CSV header: " + record.defect, at(record.defectLine));
        return recordProblem(record.defectLine, record.defect);
    }

    json parsed;
    if (m_container == Container::Csv) {
        if (m_csvHeader.empty())
            return handleCsvHeader(record);
        auto row = csvRowToJson(record, parsed);
        if (!row)
            return recordProblem(record.line, row.error().message);
    } else {
        if (!parseJsonFast(record.text, parsed, kMaxNestingDepth)) {
            // the slow path: check the nesting first so that nlohmann's recursive parser never sees a deep record
            const std::size_t deep = jsonNestingExceededAt(record.text, kMaxNestingDepth);
            if (deep != std::string::npos) {
                m_reader.markDefect(
                    record, deep, "JSON nested deeper than " + std::to_string(kMaxNestingDepth) + " levels");
                return recordProblem(record.defectLine, record.defect);
            }
            std::uint64_t errorLine = record.line;
            std::string message;
            auto slow = parseWithNlohmann(record, errorLine, message);
            if (!slow)
                return recordProblem(errorLine, std::move(message));
            parsed = std::move(*slow);
        }
    }

    if (!m_formatKnown) {
        const auto sniffed = sniffRecordFormat(parsed);
        if (!parsed.is_object())
            return recordProblem(record.line, std::string("record must be a JSON object, got ") + parsed.type_name());
        if (!sniffed) {
            std::vector<std::string> names;
            for (const auto& item : parsed.items())
                names.push_back(item.key());
            return makeError(ErrorCode::InvalidInput,
                "cannot tell the dataset format: record " + std::to_string(record.number) + " has the fields "
                    + text::join(names, ", ") + ", which fit no known format; choose a format or give a column mapping",
                at(record.line));
        }
        m_context.format = *sniffed;
        m_formatKnown = true;
        if (m_context.format == Format::I3c)
            m_context.fileAnnotatesGold = fileAnnotatesGold(m_path);
    }

    auto converted = convertRecord(parsed, m_context, record.number);
    if (!converted)
        return recordProblem(fieldLine(record, converted.error().field), converted.error().message);
    return deliver(std::move(converted.value()), record, keepGoing);
}

Result<void> StreamLoader::deliver(ConvertedRecord&& converted, const RawRecord& record, bool& keepGoing)
{
    Problem& p = converted.problem;
    if (m_options.segment && !p.segmentationFromSource && p.conditions.empty()) {
        segment::Segmentation s = converted.bodyAndQuestion
            ? segment::segmentBodyAndQuestion(converted.body, converted.questionPart)
            : segment::segmentText(p.text);
        p.conditions = std::move(s.conditions);
        p.question = std::move(s.question);
    }
    if (converted.hasOriginal) {
        if (p.conditions.empty()) {
            p.hasGoldAnnotation = false; // the inserted sentence can only be indexed once the problem is segmented
        } else {
            p.goldIrrelevant = conditionsAbsentFrom(p.conditions, converted.original);
            for (int index : p.goldIrrelevant)
                p.goldIrrelevantText.push_back(p.conditions[std::size_t(index)]);
            if (p.goldIrrelevant.empty())
                warn(record.line, "new_question adds no condition to original_question: no inserted sentence found");
        }
    } else if (!p.goldIrrelevantText.empty() && !p.conditions.empty()) {
        for (const std::string& sentence : p.goldIrrelevantText) {
            const int index = findConditionIndex(p.conditions, sentence);
            if (index < 0)
                warn(record.line, "irrelevant sentence \"" + sentence + "\" matches no condition");
            else
                p.goldIrrelevant.push_back(index);
        }
    }
    std::sort(p.goldIrrelevant.begin(), p.goldIrrelevant.end());
    p.goldIrrelevant.erase(std::unique(p.goldIrrelevant.begin(), p.goldIrrelevant.end()), p.goldIrrelevant.end());
    if (!p.conditions.empty())
        for (int index : p.goldIrrelevant)
            if (index < 0 || std::size_t(index) >= p.conditions.size())
                return recordProblem(record.line,
                    "irrelevant-condition index " + std::to_string(index) + " is out of range: the problem has "
                        + std::to_string(p.conditions.size()) + " conditions");

    p.index = m_info.problemCount;
    p.sourceLine = record.line;
    ++m_info.problemCount;
    keepGoing = m_sink(std::move(p));
    if (m_options.limit > 0 && m_info.problemCount >= m_options.limit)
        keepGoing = false;
    return {};
}

} // namespace

const char* formatName(Format format)
{
    for (const FormatEntry& entry : kFormats)
        if (entry.format == format)
            return entry.name;
    return "unknown";
}

std::optional<Format> formatFromName(std::string_view name)
{
    for (const FormatEntry& entry : kFormats)
        if (name == entry.name)
            return entry.format;
    return std::nullopt;
}

std::vector<std::string> formatNames()
{
    std::vector<std::string> names;
    for (const FormatEntry& entry : kFormats)
        names.emplace_back(entry.name);
    return names;
}

Result<DatasetInfo> streamDataset(const std::string& path, const LoadOptions& options, const ProblemSink& sink)
{
    StreamLoader loader(path, options, sink);
    return loader.run();
}

Result<Dataset> loadDataset(const std::string& path, const LoadOptions& options)
{
    Dataset dataset;
    auto info = streamDataset(path, options, [&](Problem&& problem) {
        dataset.problems.push_back(std::move(problem));
        return true;
    });
    if (!info)
        return info.error();
    dataset.info = std::move(info.value());
    return dataset;
}

} // namespace wb::dataset
