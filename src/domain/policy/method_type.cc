#include "domain/policy/method_type.h"

namespace sspr::domain::policy {

std::string_view method_name(MethodType method) { return methods::to_string(method); }

const std::vector<MethodType>& all_methods() {
  static const std::vector<MethodType> all(methods::kAllMethodTypes.begin(),
                                           methods::kAllMethodTypes.end());
  return all;
}

std::optional<MethodType> parse_method(std::string_view name) {
  return methods::method_type_from_string(name);
}

bool is_authenticator_app(MethodType method) {
  return method == MethodType::kAppCode || method == MethodType::kAppNotification;
}

std::vector<std::string> method_names(const MethodSet& methods) {
  std::vector<std::string> names;
  for (auto method : methods) names.emplace_back(method_name(method));
  return names;
}

Result<MethodSet> parse_method_list(std::string_view text, const std::string& field) {
  MethodSet methods;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    auto item = text.substr(start, end - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.empty() && text.find_first_not_of(' ') == std::string_view::npos) break;
    auto method = parse_method(item);
    if (!method) {
      return errors::invalid_input(field, "unknown method '" + std::string(item) +
                                              "' (email, mobile_phone, office_phone, "
                                              "security_questions, app_code, app_notification)");
    }
    if (!methods.insert(*method).second) {
      return errors::invalid_input(field, "'" + std::string(item) + "' is given twice");
    }
    start = end + 1;
  }
  return methods;
}

int distinct_method_count(const MethodSet& methods) {
  int count = 0;
  bool app = false;
  for (auto method : methods) {
    if (is_authenticator_app(method)) {
      app = true;
    } else {
      ++count;
    }
  }
  return count + (app ? 1 : 0);
}

}  // namespace sspr::domain::policy
