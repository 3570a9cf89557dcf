#include "domain/methods/security_question_selection.h"
#include "fakes/sequence_random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

namespace sspr::domain::methods {
namespace {

// A deterministic Random: a xorshift sequence.
class XorshiftRandom final : public sspr::testing::SequenceRandom {
 public:
  XorshiftRandom() : SequenceRandom(0x2545f4914f6cdd1dull) {}
};

const std::vector<std::string> kRegistered = {"birth_city", "first_pet", "first_car",
                                              "first_school", "childhood_street"};

TEST(SecurityQuestionSelection, ChoosesTheRequestedNumberOfDistinctRegisteredQuestions) {
  XorshiftRandom random;
  for (int round = 0; round < 50; ++round) {
    const auto chosen = choose_reset_questions(random, kRegistered, 3);
    ASSERT_EQ(chosen.size(), 3u);
    std::set<std::string> distinct(chosen.begin(), chosen.end());
    EXPECT_EQ(distinct.size(), 3u);
    for (const auto& id : chosen) {
      EXPECT_NE(std::find(kRegistered.begin(), kRegistered.end(), id), kRegistered.end());
    }
  }
}

TEST(SecurityQuestionSelection, EveryRegisteredQuestionGetsAsked) {
  XorshiftRandom random;
  std::map<std::string, int> asked;
  for (int round = 0; round < 500; ++round) {
    for (const auto& id : choose_reset_questions(random, kRegistered, 3)) ++asked[id];
  }
  ASSERT_EQ(asked.size(), kRegistered.size());
  for (const auto& [id, times] : asked) {
    EXPECT_GT(times, 200) << id;  // expected 300 each
    EXPECT_LT(times, 400) << id;
  }
}

TEST(SecurityQuestionSelection, NeverMoreThanRegisteredAndNoneForZero) {
  XorshiftRandom random;
  EXPECT_EQ(choose_reset_questions(random, kRegistered, 7).size(), 5u);
  EXPECT_TRUE(choose_reset_questions(random, kRegistered, 0).empty());
  EXPECT_TRUE(choose_reset_questions(random, {}, 3).empty());
}

}  // namespace
}  // namespace sspr::domain::methods
