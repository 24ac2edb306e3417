// SPDX-License-Identifier: Apache-2.0
#include "core/common/csv.h"

namespace wb::csv {

RowReader::RowReader(Position start)
    : m_position(start)
{
    resetRow();
}

void RowReader::resetRow()
{
    m_row = Row {};
    m_row.line = m_position.line;
    m_field.clear();
    m_inQuotes = false;
    m_quoteSeen = false;
    m_rowHasContent = false;
    m_rowReady = false;
}

void RowReader::endField()
{
    m_row.fields.push_back(std::move(m_field));
    m_field.clear();
}

void RowReader::endRow()
{
    endField();
    m_rowReady = true;
}

Row RowReader::takeRow()
{
    Row row = std::move(m_row);
    resetRow();
    return row;
}

std::size_t RowReader::feed(std::string_view input)
{
    std::size_t i = 0;
    while (i < input.size() && !m_rowReady) {
        const char c = input[i++];
        ++m_position.offset;
        if (c == '\n') {
            ++m_position.line;
            m_position.lineStart = m_position.offset;
        }
        if (m_quoteSeen) {
            m_quoteSeen = false;
            if (c == '"') { // a doubled quote stands for one
                m_field += '"';
                m_row.raw += c;
                continue;
            }
            m_inQuotes = false;
        }
        if (m_inQuotes) {
            if (c == '"')
                m_quoteSeen = true;
            else
                m_field += c;
            m_row.raw += c;
            continue;
        }
        if (c == '\n') {
            if (m_rowHasContent)
                endRow();
            else
                resetRow(); // a blank line
            continue;
        }
        m_row.raw += c;
        if (c == '\r')
            continue;
        m_rowHasContent = true;
        if (c == ',') {
            endField();
        } else if (c == '"' && m_field.empty()) {
            m_inQuotes = true;
            m_quoteLine = m_position.line;
        } else {
            m_field += c;
        }
    }
    return i;
}

Result<void> RowReader::finish(const std::string& name)
{
    if (m_rowReady)
        return {};
    if (m_inQuotes && !m_quoteSeen)
        return makeError(ErrorCode::InvalidInput, "unterminated quoted CSV field (end of file reached inside quotes)",
            name + ":" + std::to_string(m_quoteLine));
    if (m_rowHasContent)
        endRow();
    return {};
}

std::string formatField(const Cell& cell)
{
    std::string text;
    // Characters that make Excel or LibreOffice read a cell as a formula (OWASP, "CSV Injection").
    constexpr std::string_view formulaStarts = "=+-@\t\r";
    if (cell.origin == Cell::Origin::Untrusted && !cell.text.empty()
        && formulaStarts.find(cell.text.front()) != std::string_view::npos)
        text = "'";
    text += cell.text;
    const bool quote = text.find_first_of(",\"\r\n") != std::string::npos
        || (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote)
        return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string formatRow(const std::vector<Cell>& cells)
{
    std::string row;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0)
            row += ',';
        row += formatField(cells[i]);
    }
    return row + "\r\n";
}

} // namespace wb::csv
