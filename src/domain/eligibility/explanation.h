#pragma once
// A sentence for administrators as data: a message key ("diagnose.fix.InScopedGroup") and
// the values of its {placeholders}. Pure rules say what to explain; the caller renders it in
// the reader's language (method names and lists are localised there too).

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "domain/methods/method_type.h"

namespace sspr::domain::eligibility {

// A list of plain values (SKUs, UPNs), shown joined; "none" when empty.
struct TextList {
  std::vector<std::string> items;
  bool operator==(const TextList&) const = default;
};

// A list of methods, shown by their localised names; "none" when empty.
struct MethodList {
  std::vector<methods::MethodType> items;
  bool operator==(const MethodList&) const = default;
};

using ExplanationValue = std::variant<std::string, int, TextList, MethodList>;

struct Explanation {
  std::string key;
  std::vector<std::pair<std::string, ExplanationValue>> params;

  // The value of placeholder `name`, or nullptr.
  const ExplanationValue* param(const std::string& name) const {
    for (const auto& [param_name, value] : params) {
      if (param_name == name) return &value;
    }
    return nullptr;
  }
};

}  // namespace sspr::domain::eligibility
