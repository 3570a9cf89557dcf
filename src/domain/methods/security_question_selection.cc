#include "domain/methods/security_question_selection.h"

#include <algorithm>
#include <utility>

namespace sspr::domain::methods {

std::vector<std::string> choose_reset_questions(Random& random,
                                                std::span<const std::string> registered,
                                                int count) {
  std::vector<std::string> pool(registered.begin(), registered.end());
  const std::size_t wanted = count < 1 ? 0 : std::min(pool.size(), static_cast<std::size_t>(count));
  // Partial Fisher–Yates: position i receives a uniform pick of the not yet chosen rest.
  for (std::size_t i = 0; i < wanted; ++i) {
    const auto pick = i + random.uniform(static_cast<std::uint32_t>(pool.size() - i));
    std::swap(pool[i], pool[pick]);
  }
  pool.resize(wanted);
  return pool;
}

}  // namespace sspr::domain::methods
