#pragma once
// Message catalogues for en, da, de, sv (locales/*.json, compiled into the binary). Pages,
// emails, SMS texts and error messages all read from here. Keys are flat ("error.NotFound").

#include <string>
#include <string_view>
#include <vector>

namespace sspr::i18n {

inline constexpr std::string_view kDefaultLanguage = "en";

// The supported languages: "en", "da", "de", "sv".
const std::vector<std::string>& supported_languages();

// The message for `key` in `language`, falling back to English, then to the key itself.
// `{name}` placeholders are left for the caller.
std::string translate(std::string_view language, std::string_view key);

// Whether `language` has its own entry for `key` (used by the completeness test).
bool has_key(std::string_view language, std::string_view key);

// Every key of the English catalogue.
std::vector<std::string> keys();

// Picks the language: an explicit choice (?lang= / ?mkt=, e.g. "de" or "da-DK") wins, then
// the best match of an Accept-Language header by its q-values; English otherwise.
std::string negotiate_language(std::string_view explicit_choice, std::string_view accept_language);

}  // namespace sspr::i18n
