// SPDX-License-Identifier: Apache-2.0
#include "core/dataset/recordreader.h"

#include "core/common/text.h"

#include <cstring>

namespace wb::dataset {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string describeByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f)
        return std::string("'") + c + "'";
    static const char* hex = "0123456789ABCDEF";
    return std::string("byte 0x") + hex[u >> 4] + hex[u & 15];
}

} // namespace

RecordReader::RecordReader(ByteSource& source, std::string path)
    : m_source(source)
    , m_path(std::move(path))
{
}

Error RecordReader::fatal(std::uint64_t line, std::string message) const
{
    return makeError(ErrorCode::InvalidInput, std::move(message), m_path + ":" + std::to_string(line));
}

Result<char> RecordReader::start()
{
    std::string_view head = m_source.available();
    if (head.empty())
        return makeError(ErrorCode::InvalidInput, "file is empty", m_path);
    if (head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF')))
        return fatal(1, "file is UTF-16 encoded; datasets must be UTF-8");
    if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") {
        m_source.consume(3);
        m_offset = 3;
    }
    const int first = skipBlankSpace();
    if (first < 0)
        return makeError(ErrorCode::InvalidInput, "file is empty (only blank space)", m_path);
    if (first == 0)
        return fatal(m_line, "NUL byte at column " + std::to_string(m_offset - m_lineStart + 1) + ": not a text file");
    return static_cast<char>(first);
}

int RecordReader::skipBlankSpace()
{
    for (;;) {
        const std::string_view view = m_source.available();
        if (view.empty())
            return -1;
        std::size_t i = 0;
        for (; i < view.size() && isBlank(view[i]); ++i) {
            if (view[i] == '\n') {
                ++m_line;
                m_lineStart = m_offset + i + 1;
            }
        }
        m_source.consume(i);
        m_offset += i;
        if (i < view.size())
            return static_cast<unsigned char>(view[i]);
    }
}

Result<bool> RecordReader::next(RawRecord& record)
{
    record.text.clear();
    record.fields.clear();
    record.defect.clear();
    record.defectLine = 0;
    switch (m_container) {
    case Container::JsonLines:
        return nextJsonLine(record);
    case Container::JsonArray:
        return nextArrayElement(record);
    case Container::Csv:
        return nextCsvRow(record);
    }
    return false;
}

Result<bool> RecordReader::nextJsonLine(RawRecord& record)
{
    for (;;) {
        record.text.clear();
        const std::uint64_t startLine = m_line;
        bool sawNewline = false;
        bool sawAny = false;
        while (!sawNewline) {
            const std::string_view view = m_source.available();
            if (view.empty())
                break;
            sawAny = true;
            const void* hit = std::memchr(view.data(), '\n', view.size());
            const std::size_t n = hit ? static_cast<const char*>(hit) - view.data() : view.size();
            if (record.text.size() + n > kMaxRecordBytes)
                return fatal(startLine,
                    "line is longer than " + std::to_string(kMaxRecordBytes >> 20)
                        + " MiB; records are capped at that size");
            record.text.append(view.data(), n);
            const std::size_t used = n + (hit ? 1 : 0);
            m_source.consume(used);
            m_offset += used;
            if (hit) {
                sawNewline = true;
                ++m_line;
                m_lineStart = m_offset;
            }
        }
        if (!sawAny)
            return false;
        if (!record.text.empty() && record.text.back() == '\r')
            record.text.pop_back();
        if (text::trim(record.text).empty())
            continue;
        record.line = startLine;
        record.number = ++m_number;
        record.column = 1;
        checkBytes(record);
        return true;
    }
}

Result<bool> RecordReader::nextArrayElement(RawRecord& record)
{
    for (;;) {
        const int c = skipBlankSpace();
        switch (m_arrayState) {
        case ArrayState::BeforeOpen:
            if (c != '[')
                return fatal(m_line, "expected '[' to open the JSON array");
            m_source.consume(1);
            ++m_offset;
            m_arrayState = ArrayState::First;
            continue;
        case ArrayState::First:
            if (c < 0)
                return fatal(m_line, "unexpected end of file: the JSON array is not closed");
            if (c == ']')
                return closeArray();
            return scanArrayElement(record);
        case ArrayState::AfterElement:
            if (c < 0)
                return fatal(m_line,
                    "unexpected end of file after record " + std::to_string(m_number)
                        + ": the JSON array is not closed (truncated file?)");
            if (c == ',') {
                m_source.consume(1);
                ++m_offset;
                m_arrayState = ArrayState::AfterComma;
                continue;
            }
            if (c == ']')
                return closeArray();
            return fatal(m_line,
                "expected ',' or ']' after record " + std::to_string(m_number) + ", found "
                    + describeByte(static_cast<char>(c)));
        case ArrayState::AfterComma:
            if (c < 0)
                return fatal(m_line, "unexpected end of file after ',': the JSON array is truncated");
            if (c == ']')
                return fatal(m_line, "trailing ',' before ']' after record " + std::to_string(m_number));
            return scanArrayElement(record);
        case ArrayState::Done:
            return false;
        }
    }
}

Result<bool> RecordReader::closeArray()
{
    m_source.consume(1);
    ++m_offset;
    m_arrayState = ArrayState::Done;
    const int c = skipBlankSpace();
    if (c >= 0)
        return fatal(
            m_line, "unexpected " + describeByte(static_cast<char>(c)) + " after the closing ']' of the JSON array");
    return false;
}

Result<bool> RecordReader::scanArrayElement(RawRecord& record)
{
    record.line = m_line;
    record.number = ++m_number;
    record.column = m_offset - m_lineStart + 1;
    int depth = 0;
    bool inString = false;
    bool escape = false;
    for (;;) {
        const std::string_view view = m_source.available();
        if (view.empty())
            return fatal(m_line,
                "unexpected end of file inside record " + std::to_string(record.number) + " (which starts at line "
                    + std::to_string(record.line) + "): the JSON is truncated");
        std::size_t i = 0;
        bool done = false;
        std::size_t end = view.size();
        for (; i < view.size(); ++i) {
            const char c = view[i];
            if (c == '\n') {
                ++m_line;
                m_lineStart = m_offset + i + 1;
            }
            if (inString) {
                if (escape)
                    escape = false;
                else if (c == '\\')
                    escape = true;
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (depth == 0) { // a scalar element ended by the array's closing bracket
                    end = i;
                    done = true;
                    break;
                }
                if (--depth == 0) {
                    end = i + 1;
                    done = true;
                    break;
                }
            } else if (c == ',' && depth == 0) {
                end = i;
                done = true;
                break;
            }
        }
        if (record.text.size() + end > kMaxRecordBytes)
            return fatal(record.line,
                "record " + std::to_string(record.number) + " is longer than " + std::to_string(kMaxRecordBytes >> 20)
                    + " MiB; records are capped at that size");
        record.text.append(view.data(), end);
        m_source.consume(end);
        m_offset += end;
        if (done)
            break;
    }
    m_arrayState = ArrayState::AfterElement;
    checkBytes(record);
    return true;
}

Result<bool> RecordReader::nextCsvRow(RawRecord& record)
{
    if (!m_csv)
        m_csv.emplace(csv::Position { m_line, m_offset, m_lineStart });
    while (!m_csv->hasRow()) {
        const std::string_view view = m_source.available();
        if (view.empty()) {
            if (auto finished = m_csv->finish(m_path); !finished)
                return finished.error();
            break;
        }
        m_source.consume(m_csv->feed(view));
        takeCsvPosition();
        if (m_csv->pendingBytes() > kMaxRecordBytes)
            return fatal(m_csv->pendingLine(),
                "CSV row is longer than " + std::to_string(kMaxRecordBytes >> 20)
                    + " MiB; records are capped at that size");
    }
    if (!m_csv->hasRow())
        return false;
    csv::Row row = m_csv->takeRow();
    record.text = std::move(row.raw);
    record.fields = std::move(row.fields);
    record.line = row.line;
    record.number = ++m_number;
    record.column = 1;
    checkBytes(record);
    return true;
}

void RecordReader::takeCsvPosition()
{
    const csv::Position& position = m_csv->position();
    m_line = position.line;
    m_offset = position.offset;
    m_lineStart = position.lineStart;
}

void RecordReader::markDefect(RawRecord& record, std::size_t offset, std::string what) const
{
    std::uint64_t line = record.line;
    std::size_t lineBegin = 0;
    for (std::size_t k = 0; k < offset && k < record.text.size(); ++k) {
        if (record.text[k] == '\n') {
            ++line;
            lineBegin = k + 1;
        }
    }
    // the record's first line may start mid-line in the file (array elements)
    const std::uint64_t column = (line == record.line ? record.column - 1 : 0) + (offset - lineBegin) + 1;
    record.defect = std::move(what) + " at byte column " + std::to_string(column);
    record.defectLine = line;
}

void RecordReader::checkBytes(RawRecord& record) const
{
    const std::string& s = record.text;
    if (const void* nul = std::memchr(s.data(), '\0', s.size())) {
        markDefect(record, std::size_t(static_cast<const char*>(nul) - s.data()), "NUL byte");
        return;
    }
    // Most records are plain ASCII: skip that prefix eight bytes at a time and validate only from the first
    // block with a high bit (its start is a character boundary, since everything before it is ASCII).
    std::size_t ascii = 0;
    for (; ascii + 8 <= s.size(); ascii += 8) {
        std::uint64_t block;
        std::memcpy(&block, s.data() + ascii, 8);
        if ((block & 0x8080808080808080ULL) != 0)
            break;
    }
    const std::size_t bad = text::firstInvalidUtf8(std::string_view(s).substr(ascii));
    if (bad != std::string::npos)
        markDefect(record, ascii + bad, "invalid UTF-8");
}

} // namespace wb::dataset
