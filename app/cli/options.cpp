// SPDX-License-Identifier: Apache-2.0
#include "app/cli/options.h"

namespace wb::cli {

bool isNumericValueName(const std::string& valueName)
{
    return valueName == kWholeNumber || valueName == kNumber || valueName == kSeconds;
}

const CLI::Validator& nonEmptyNumber()
{
    static const CLI::Validator validator(
        [](std::string& value) { return value.empty() ? std::string("expects a number, got ''") : std::string(); }, "",
        "number");
    return validator;
}

CLI::Option* addPositional(CLI::App& app, const std::string& name, std::string& target, const std::string& description)
{
    return app.add_option(name, target, description)->type_name("");
}

void declareDatabase(CLI::App& app, std::string& path, const std::string& fallback)
{
    path = fallback;
    app.add_option("--db", path, "workbench database (SQLite)")->type_name("FILE")->capture_default_str();
}

void declareEncoder(CLI::App& app, std::string& encoder, std::string& embeddingModel)
{
    encoder = "builtin";
    app.add_option("--encoder", encoder, "relevance encoder: builtin, or the base URL of an embeddings endpoint")
        ->type_name("builtin|URL")
        ->capture_default_str();
    app.add_option("--embedding-model", embeddingModel, "model name sent to the embeddings endpoint")->type_name("M");
}

void declareTheta(CLI::App& app, double& theta)
{
    addNumber(app, "--theta", theta, kNumber, "candidate threshold on s(q) and s(c)")->capture_default_str();
}

void declareApiKeyEnv(CLI::App& app, std::string& variable)
{
    auto* option
        = app.add_option("--api-key-env", variable, "environment variable that holds the API key")->type_name("VAR");
    if (!variable.empty())
        option->capture_default_str();
}

void declareJson(CLI::App& app, bool& json, const std::string& what)
{
    app.add_flag("--json", json, "write " + what + " as JSON");
}

} // namespace wb::cli
