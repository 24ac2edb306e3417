// SPDX-License-Identifier: Apache-2.0
#include "app/cli/datasetoptions.h"

#include "core/common/text.h"

namespace wb::cli {

Result<dataset::LoadOptions> datasetLoadOptions(const Args& args)
{
    dataset::LoadOptions options;
    if (const auto format = args.value("format")) {
        const auto parsed = dataset::formatFromName(*format);
        if (!parsed)
            return makeError(ErrorCode::Usage,
                "unknown --format '" + *format + "'; known formats: " + text::join(dataset::formatNames(), ", "));
        options.format = *parsed;
    }
    if (const auto map = args.value("map")) {
        auto mapping = dataset::ColumnMapping::parse(*map);
        if (!mapping)
            return mapping.error();
        options.mapping = *mapping;
    }
    options.strict = args.has("strict");
    return options;
}

} // namespace wb::cli
