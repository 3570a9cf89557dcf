#include "domain/password/password_policy.h"

#include <algorithm>

#include "domain/password/banned_text_normalisation.h"
#include "domain/password/password_complexity.h"
#include "domain/password/utf8.h"

namespace sspr::domain::password {

bool PasswordEvaluation::has(PasswordReason reason) const {
  return std::find(reasons.begin(), reasons.end(), reason) != reasons.end();
}

PasswordEvaluation evaluate_password(const PasswordCandidate& candidate,
                                     const BannedTermIndex& index,
                                     const BreachedPasswordList* breached) {
  PasswordEvaluation evaluation;
  const auto code_points = decode_utf8(candidate.password);
  if (!code_points) {
    evaluation.reasons.push_back(PasswordReason::kInvalidEncoding);
    return evaluation;
  }
  evaluation.reasons = complexity_reasons(*code_points);
  if (candidate.change == PasswordChange::kChange && candidate.matches_current &&
      candidate.matches_current()) {
    evaluation.reasons.push_back(PasswordReason::kReusedPassword);
  }
  if (code_points->size() <= kMaxPasswordLength) {
    const auto normalised = normalise_for_banned_match(*code_points);
    const std::string_view names[] = {candidate.first_name, candidate.last_name};
    auto verdict = check_banned_password(normalised, index, names);
    evaluation.score = verdict.score;
    evaluation.found = std::move(verdict.found);
    if (verdict.banned) evaluation.reasons.push_back(PasswordReason::kBannedPassword);
    if (verdict.contains_user_name) evaluation.reasons.push_back(PasswordReason::kContainsUserName);
  }
  if (breached != nullptr && breached->contains(candidate.password)) {
    evaluation.reasons.push_back(PasswordReason::kBreachedPassword);
  }
  evaluation.accepted = evaluation.reasons.empty();
  return evaluation;
}

Status password_verdict(const PasswordEvaluation& evaluation) {
  if (evaluation.accepted) return ok_status();
  const bool fuzzy = evaluation.has(PasswordReason::kBannedPassword) ||
                     evaluation.has(PasswordReason::kContainsUserName);
  const std::string name =
      fuzzy ? "FuzzyPolicyViolationInvalidPassword" : "PasswordPolicyViolation";
  std::string technical = "password rejected:";
  for (const auto reason : evaluation.reasons) technical += " " + std::string(reason_name(reason));
  technical += " (banned-password score " + std::to_string(evaluation.score) + ")";
  return Error{ErrorKind::kRejected, name, name, "error." + name, std::move(technical)};
}

}  // namespace sspr::domain::password
