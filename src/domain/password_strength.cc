#include "domain/password_strength.h"

namespace sspr::domain {

std::string_view strength_hint_name(StrengthHint hint) {
  switch (hint) {
    case StrengthHint::kCommonWord:
      return "CommonWord";
    case StrengthHint::kPredictableSubstitution:
      return "PredictableSubstitution";
    case StrengthHint::kPersonalInformation:
      return "PersonalInformation";
    case StrengthHint::kRepeatedCharacters:
      return "RepeatedCharacters";
    case StrengthHint::kSequence:
      return "Sequence";
    case StrengthHint::kKeyboardPattern:
      return "KeyboardPattern";
    case StrengthHint::kDate:
      return "Date";
    case StrengthHint::kTooShort:
      return "TooShort";
  }
  return "CommonWord";
}

}  // namespace sspr::domain
