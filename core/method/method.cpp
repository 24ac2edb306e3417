// SPDX-License-Identifier: Apache-2.0
#include "core/method/method.h"

#include <array>
#include <utility>

namespace wb::method {

namespace {
template <class E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, const char*>, N>& table, std::string_view name)
{
    for (const auto& [value, text] : table) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}
template <class E, std::size_t N> const char* nameOf(const std::array<std::pair<E, const char*>, N>& table, E value)
{
    for (const auto& [v, text] : table) {
        if (v == value)
            return text;
    }
    return "?";
}

constexpr std::array<std::pair<StepKind, const char*>, 4> kStepKinds { { { StepKind::Verify, "verify" },
    { StepKind::Reason, "reason" }, { StepKind::Extract, "extract" }, { StepKind::Plain, "plain" } } };
constexpr std::array<std::pair<DemoSource, const char*>, 5> kDemoSources { { { DemoSource::None, "none" },
    { DemoSource::Fixed, "fixed" }, { DemoSource::ComplexCot, "complex-cot" }, { DemoSource::AutoCot, "auto-cot" },
    { DemoSource::I3cSelect, "i3c-select" } } };
constexpr std::array<std::pair<Family, const char*>, 2> kFamilies { { { Family::Baseline, "baseline" },
    { Family::I3c, "+I3C" } } };
} // namespace

const char* stepKindName(StepKind kind) { return nameOf(kStepKinds, kind); }
std::optional<StepKind> stepKindFromName(std::string_view name) { return lookup(kStepKinds, name); }
const char* demoSourceName(DemoSource source) { return nameOf(kDemoSources, source); }
std::optional<DemoSource> demoSourceFromName(std::string_view name) { return lookup(kDemoSources, name); }
const char* familyName(Family family) { return nameOf(kFamilies, family); }
std::optional<Family> familyFromName(std::string_view name) { return lookup(kFamilies, name); }

const Step* Method::verifyStep() const
{
    for (const Step& s : steps) {
        if (s.kind == StepKind::Verify)
            return &s;
    }
    return nullptr;
}

const Step* Method::extractStep() const
{
    for (const Step& s : steps) {
        if (s.kind == StepKind::Extract)
            return &s;
    }
    return nullptr;
}

const Step* Method::findStep(std::string_view id) const
{
    for (const Step& s : steps) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

} // namespace wb::method
