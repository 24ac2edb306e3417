// SPDX-License-Identifier: Apache-2.0
#include "app/cli/datasetoptions.h"

#include "app/cli/options.h"

#include "core/common/text.h"

#include <CLI/CLI.hpp>

namespace wb::cli {

void declareDatasetFile(CLI::App& app, std::string& path, const std::string& valueName, const std::string& what)
{
    addPositional(app, valueName, path, what + " (the format is sniffed from the content)");
}

void declareFormat(CLI::App& app, std::string& format)
{
    app.add_option(
           "--format", format, "dataset format instead of sniffing it: " + text::join(dataset::formatNames(), ", "))
        ->type_name("F");
}

void declareDatasetOptions(CLI::App& app, DatasetOptions& options)
{
    declareFormat(app, options.format);
    app.add_option("--map", options.map, "column mapping for CSV/JSONL, e.g. text=body,answer=gold,id=uid")
        ->type_name("SPEC");
    app.add_flag("--strict", options.strict, "stop at the first malformed record instead of skipping it");
}

Result<dataset::LoadOptions> datasetLoadOptions(const DatasetOptions& options)
{
    dataset::LoadOptions loadOptions;
    if (!options.format.empty()) {
        const auto parsed = dataset::formatFromName(options.format);
        if (!parsed)
            return makeError(ErrorCode::Usage,
                "unknown --format '" + options.format
                    + "'; known formats: " + text::join(dataset::formatNames(), ", "));
        loadOptions.format = *parsed;
    }
    if (!options.map.empty()) {
        auto mapping = dataset::ColumnMapping::parse(options.map);
        if (!mapping)
            return mapping.error();
        loadOptions.mapping = *mapping;
    }
    loadOptions.strict = options.strict;
    return loadOptions;
}

} // namespace wb::cli
