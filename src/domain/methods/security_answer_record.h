#pragma once
// One registered security question of a user with the Argon2id hash of its normalised answer
// (answer_normalisation.h). The answer itself is never kept, and administrators can neither
// read nor set it.

#include <string>

namespace sspr::domain::methods {

struct SecurityAnswerRecord {
  std::string question_id;  // a catalogue id, or "custom-<n>" for a tenant's own question
  std::string answer_hash;  // Argon2id, PHC string
  std::string created_at;
};

}  // namespace sspr::domain::methods
