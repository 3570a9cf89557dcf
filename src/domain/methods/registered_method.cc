#include "domain/methods/registered_method.h"

namespace sspr::domain::methods {

std::string_view to_string(MethodSource source) {
  switch (source) {
    case MethodSource::kUser:
      return "user";
    case MethodSource::kAdmin:
      return "admin";
    case MethodSource::kSync:
      return "sync";
  }
  return "user";
}

std::optional<MethodSource> method_source_from_string(std::string_view text) {
  for (auto source : {MethodSource::kUser, MethodSource::kAdmin, MethodSource::kSync}) {
    if (to_string(source) == text) return source;
  }
  return std::nullopt;
}

}  // namespace sspr::domain::methods
