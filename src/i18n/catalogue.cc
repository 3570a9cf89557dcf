#include "i18n/catalogue.h"
#include "domain/ascii_text.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace sspr::i18n {

const std::vector<std::pair<std::string_view, std::string_view>>& embedded_catalogues();

namespace {

using Messages = std::map<std::string, std::string, std::less<>>;

// language -> key -> message, parsed once from the embedded locales/*.json files.
const std::map<std::string, Messages, std::less<>>& catalogues() {
  static const auto parsed = [] {
    std::map<std::string, Messages, std::less<>> out;
    for (const auto& [file, content] : embedded_catalogues()) {
      const std::string language(file.substr(0, file.find('.')));
      const auto json = nlohmann::json::parse(content);  // a broken catalogue is a build bug
      Messages& messages = out[language];
      for (const auto& [key, value] : json.items()) messages[key] = value.get<std::string>();
    }
    return out;
  }();
  return parsed;
}

const std::string* lookup(std::string_view language, std::string_view key) {
  const auto& all = catalogues();
  auto lang = all.find(language);
  if (lang == all.end()) return nullptr;
  auto message = lang->second.find(key);
  return message == lang->second.end() ? nullptr : &message->second;
}

// "da-DK" -> "da"; returns "" for an unsupported language.
std::string supported_prefix(std::string_view tag) {
  std::string primary;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    primary.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  const auto& languages = supported_languages();
  return std::find(languages.begin(), languages.end(), primary) != languages.end() ? primary : "";
}

}  // namespace

const std::vector<std::string>& supported_languages() {
  static const std::vector<std::string> languages = {"en", "da", "de", "sv"};
  return languages;
}

std::string translate(std::string_view language, std::string_view key) {
  if (const auto* message = lookup(language, key)) return *message;
  if (const auto* message = lookup(kDefaultLanguage, key)) return *message;
  return std::string(key);
}

bool has_key(std::string_view language, std::string_view key) {
  return lookup(language, key) != nullptr;
}

std::vector<std::string> keys() {
  std::vector<std::string> out;
  auto en = catalogues().find(kDefaultLanguage);
  if (en == catalogues().end()) return out;
  for (const auto& [key, message] : en->second) out.push_back(key);
  return out;
}

std::string negotiate_language(std::string_view explicit_choice, std::string_view accept_language) {
  if (auto chosen = supported_prefix(domain::trim_ascii_space(explicit_choice)); !chosen.empty())
    return chosen;
  std::string best(kDefaultLanguage);
  double best_q = -1;
  while (!accept_language.empty()) {
    const auto comma = accept_language.find(',');
    std::string_view item = domain::trim_ascii_space(accept_language.substr(0, comma));
    accept_language =
        comma == std::string_view::npos ? std::string_view() : accept_language.substr(comma + 1);
    double q = 1.0;
    if (const auto semi = item.find(';'); semi != std::string_view::npos) {
      std::string_view param = domain::trim_ascii_space(item.substr(semi + 1));
      item = domain::trim_ascii_space(item.substr(0, semi));
      if (param.size() > 2 && param.substr(0, 2) == "q=") {
        try {
          q = std::stod(std::string(param.substr(2)));
        } catch (const std::exception&) {
          q = 0;
        }
      }
    }
    auto language = supported_prefix(item);
    if (!language.empty() && q > 0 && q > best_q) {
      best = language;
      best_q = q;
    }
  }
  return best;
}

}  // namespace sspr::i18n
