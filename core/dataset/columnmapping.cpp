// SPDX-License-Identifier: Apache-2.0
#include "core/dataset/loader.h"

#include "core/common/text.h"

namespace wb::dataset {

Result<ColumnMapping> ColumnMapping::parse(std::string_view spec)
{
    ColumnMapping mapping;
    if (text::trim(spec).empty())
        return mapping;
    for (const std::string& part : text::split(spec, ',')) {
        const std::string_view item = text::trim(part);
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos)
            return makeError(ErrorCode::Usage,
                "column mapping entry '" + std::string(item)
                    + "' is not key=column (e.g. \"text=problem,answer=gold\")",
                "--map");
        const std::string key = text::trimmed(item.substr(0, eq));
        const std::string column = text::trimmed(item.substr(eq + 1));
        if (column.empty())
            return makeError(ErrorCode::Usage, "column mapping key '" + key + "' has no column name", "--map");
        std::string* target = key == "id" ? &mapping.id
            : key == "text"               ? &mapping.text
            : key == "body"               ? &mapping.body
            : key == "question"           ? &mapping.question
            : key == "answer"             ? &mapping.answer
            : key == "irrelevant"         ? &mapping.irrelevant
            : key == "conditions"         ? &mapping.conditions
                                          : nullptr;
        if (!target)
            return makeError(ErrorCode::Usage,
                "unknown column mapping key '" + key
                    + "'; expected one of id, text, body, question, answer, irrelevant, conditions",
                "--map");
        *target = column;
    }
    if (!mapping.body.empty() && !mapping.text.empty())
        return makeError(
            ErrorCode::Usage, "column mapping: give either text= or body= (with question=), not both", "--map");
    return mapping;
}

} // namespace wb::dataset
