#include "flows/password_assessment_json.h"

#include <string>

#include "i18n/catalogue.h"

namespace sspr::flows {

namespace {

const char* source_name(domain::password::BannedTermSource source) {
  switch (source) {
    case domain::password::BannedTermSource::kGlobal:
      return "global";
    case domain::password::BannedTermSource::kCustom:
      return "custom";
    case domain::password::BannedTermSource::kTenantName:
      return "tenant-name";
  }
  return "global";
}

}  // namespace

nlohmann::json to_json(const PasswordAssessment& assessment, std::string_view language) {
  const auto& evaluation = assessment.evaluation;
  nlohmann::json reasons = nlohmann::json::array();
  nlohmann::json messages = nlohmann::json::array();
  for (auto reason : evaluation.reasons) {
    reasons.push_back(std::string(domain::password::reason_name(reason)));
    messages.push_back(i18n::translate(language, domain::password::reason_message_key(reason)));
  }
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& found : evaluation.found) {
    terms.push_back(
        {{"term", found.term}, {"source", source_name(found.source)}, {"exact", found.exact}});
  }
  nlohmann::json strength = nullptr;
  if (assessment.strength) {
    nlohmann::json hints = nlohmann::json::array();
    nlohmann::json suggestions = nlohmann::json::array();
    for (auto hint : assessment.strength->hints) {
      const std::string name(domain::strength_hint_name(hint));
      hints.push_back(name);
      suggestions.push_back(i18n::translate(language, "strength.hint." + name));
    }
    strength = {{"score", assessment.strength->score},
                {"guesses_log10", assessment.strength->guesses_log10},
                {"hints", hints},
                {"suggestions", suggestions}};
  }
  return {{"accepted", evaluation.accepted},
          {"score", evaluation.score},
          {"reasons", reasons},
          {"messages", messages},
          {"terms", terms},
          {"strength", strength}};
}

}  // namespace sspr::flows
