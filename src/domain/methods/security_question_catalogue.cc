#include "domain/methods/security_question_catalogue.h"

#include <algorithm>
#include <array>

namespace sspr::domain::methods {
namespace {

constexpr std::array<std::string_view, 35> kIds = {
    "birth_city",
    "first_pet",
    "childhood_best_friend",
    "first_school",
    "first_teacher",
    "mother_birth_city",
    "father_birth_city",
    "parents_met_city",
    "first_job_city",
    "first_employer",
    "first_car",
    "childhood_street",
    "childhood_nickname",
    "childhood_favourite_book",
    "favourite_teacher",
    "oldest_cousin",
    "oldest_sibling_middle_name",
    "maternal_grandmother",
    "paternal_grandfather",
    "first_concert",
    "first_trip_abroad",
    "honeymoon_city",
    "partner_met_city",
    "first_adult_home_street",
    "childhood_favourite_food",
    "childhood_hero",
    "first_soft_toy",
    "teenage_favourite_film",
    "first_album",
    "childhood_dream_job",
    "secondary_school_town",
    "first_club_sport",
    "first_university",
    "childhood_holiday_place",
    "first_manager",
};

}  // namespace

std::span<const std::string_view> predefined_question_ids() { return kIds; }

bool is_predefined_question(std::string_view id) {
  return std::find(kIds.begin(), kIds.end(), id) != kIds.end();
}

std::string question_message_key(std::string_view id) { return "question." + std::string(id); }

}  // namespace sspr::domain::methods
