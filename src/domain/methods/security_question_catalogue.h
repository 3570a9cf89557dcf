#pragma once
// The predefined security questions (SPEC §3: about 35, localised in every UI language).
// Each has a stable id, stored with the user's answer hash; its text is the locale key
// "question.<id>" in locales/*.json. Ids are never renamed or reused: a registered answer
// refers to its question by id. Tenant custom questions are stored with their text and are
// not part of this list.

#include <span>
#include <string>
#include <string_view>

namespace sspr::domain::methods {

// The ids in display order ("birth_city", "first_pet", ...).
std::span<const std::string_view> predefined_question_ids();

bool is_predefined_question(std::string_view id);

// "question.<id>".
std::string question_message_key(std::string_view id);

}  // namespace sspr::domain::methods
