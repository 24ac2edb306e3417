// SPDX-License-Identifier: Apache-2.0
#include "core/run/defaults.h"

#include "core/relevance/encoderfactory.h"
#include "core/run/methodprogram.h"

namespace wb::run {

const StepProgramFactory& defaultStepProgramFactory()
{
    static const StepProgramFactory factory
        = [](const RunConfig& config, const std::string& demoItemsJson) -> Result<std::unique_ptr<StepProgram>> {
        auto program = MethodStepProgram::create(config, demoItemsJson);
        if (!program)
            return program.error();
        return std::unique_ptr<StepProgram>(std::move(*program));
    };
    return factory;
}

const EncoderFactory& defaultEncoderFactory()
{
    static const EncoderFactory factory = [](const RunConfig& config) -> Result<std::unique_ptr<relevance::Encoder>> {
        relevance::EncoderSpec spec;
        spec.source = config.encoder.empty() ? std::string("builtin") : config.encoder;
        spec.model = config.encoderModel;
        spec.apiKeyEnv = config.backend.apiKeyEnv;
        return relevance::makeEncoder(spec);
    };
    return factory;
}

} // namespace wb::run
