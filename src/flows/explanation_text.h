#pragma once
// Renders a domain::eligibility::Explanation in a language: the catalogue text of its key with
// each {placeholder} replaced; method lists by their localised names ("diagnose.method.*"),
// empty lists as the localised "none".

#include <string>
#include <string_view>

#include "domain/eligibility/explanation.h"

namespace sspr::flows {

std::string render(const domain::eligibility::Explanation& explanation, std::string_view language);

}  // namespace sspr::flows
