// SPDX-License-Identifier: Apache-2.0
#include "core/run/defaults.h"

#include "core/relevance/builtinencoder.h"

namespace wb::run {

const StepProgramFactory& defaultStepProgramFactory()
{
    static const StepProgramFactory factory = [](const RunConfig& config, const std::string&) -> Result<std::unique_ptr<StepProgram>> {
        return makeError(ErrorCode::NotFound, "no method program is available for '" + config.methodId + "'", "config.method.id");
    };
    return factory;
}

const EncoderFactory& defaultEncoderFactory()
{
    static const EncoderFactory factory = [](const RunConfig& config) -> Result<std::unique_ptr<relevance::Encoder>> {
        if (config.encoder.empty() || config.encoder == "builtin")
            return std::unique_ptr<relevance::Encoder>(new relevance::BuiltinEncoder());
        return makeError(ErrorCode::Usage, "unknown encoder '" + config.encoder + "' (use builtin or an embeddings URL)",
            "config.relevance.encoder");
    };
    return factory;
}

} // namespace wb::run
