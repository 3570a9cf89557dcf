#include "flows/password_assessment_json.h"

#include <string>

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

nlohmann::json to_json(const PasswordAssessment& assessment) {
  const auto& evaluation = assessment.evaluation;
  nlohmann::json reasons = nlohmann::json::array();
  for (auto reason : evaluation.reasons) {
    reasons.push_back(std::string(domain::password::reason_name(reason)));
  }
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& found : evaluation.found) {
    terms.push_back(
        {{"term", found.term}, {"source", source_name(found.source)}, {"exact", found.exact}});
  }
  nlohmann::json strength = nullptr;
  if (assessment.strength) {
    strength = {{"score", assessment.strength->score},
                {"guesses_log10", assessment.strength->guesses_log10}};
  }
  return {{"accepted", evaluation.accepted},
          {"score", evaluation.score},
          {"reasons", reasons},
          {"terms", terms},
          {"strength", strength}};
}

}  // namespace sspr::flows
