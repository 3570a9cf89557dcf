#include "domain/methods/issued_code.h"

namespace sspr::domain::methods {

std::string_view to_string(CodePurpose purpose) {
  return purpose == CodePurpose::kRegistration ? "registration" : "reset";
}

}  // namespace sspr::domain::methods
