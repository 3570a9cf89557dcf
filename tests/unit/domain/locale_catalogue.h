#pragma once
// The locale catalogues of the source tree, for domain tests that check every message key a
// rule can produce has a text in every language (the domain does not depend on i18n).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sspr::testing {

inline const std::vector<std::string>& catalogue_languages() {
  static const std::vector<std::string> languages = {"en", "da", "de", "sv"};
  return languages;
}

inline nlohmann::json locale_catalogue(const std::string& language) {
  const auto path =
      std::filesystem::path(__FILE__).parent_path() / "../../../locales" / (language + ".json");
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot open " << path;
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

// Every key missing, as "language:key".
inline std::vector<std::string> missing_locale_keys(const std::vector<std::string>& keys) {
  std::vector<std::string> missing;
  for (const auto& language : catalogue_languages()) {
    const auto catalogue = locale_catalogue(language);
    for (const auto& key : keys) {
      auto found = catalogue.find(key);
      if (found == catalogue.end() || !found->is_string() || found->get<std::string>().empty()) {
        missing.push_back(language + ":" + key);
      }
    }
  }
  return missing;
}

}  // namespace sspr::testing
