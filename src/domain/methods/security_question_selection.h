#pragma once
// At reset the user answers N of their registered security questions, chosen at random
// (SPEC §3), so someone who learnt some answers cannot count on being asked those.

#include <span>
#include <string>
#include <vector>

#include "domain/random.h"

namespace sspr::domain::methods {

// `count` distinct ids drawn uniformly from `registered` (all of them, in random order, when
// there are no more than `count`). `count` below 1 gives none.
std::vector<std::string> choose_reset_questions(Random& random,
                                                std::span<const std::string> registered, int count);

}  // namespace sspr::domain::methods
