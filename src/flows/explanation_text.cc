#include "flows/explanation_text.h"

#include "domain/policy/method_type.h"
#include "i18n/catalogue.h"

namespace sspr::flows {
namespace {

namespace de = domain::eligibility;

std::string joined(const std::vector<std::string>& items, std::string_view language) {
  if (items.empty()) return i18n::translate(language, "diagnose.none");
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string value_text(const de::ExplanationValue& value, std::string_view language) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<int>(&value)) return std::to_string(*number);
  if (const auto* list = std::get_if<de::TextList>(&value)) return joined(list->items, language);
  std::vector<std::string> names;
  for (auto type : std::get<de::MethodList>(value).items) {
    names.push_back(i18n::translate(
        language, "diagnose.method." + std::string(domain::policy::method_name(type))));
  }
  return joined(names, language);
}

}  // namespace

std::string render(const de::Explanation& explanation, std::string_view language) {
  std::string text = i18n::translate(language, explanation.key);
  for (const auto& [name, value] : explanation.params) {
    const std::string placeholder = "{" + name + "}";
    const std::string replacement = value_text(value, language);
    for (auto at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + replacement.size())) {
      text.replace(at, placeholder.size(), replacement);
    }
  }
  return text;
}

}  // namespace sspr::flows
