// The refusals of a verification step: each outcome of verify_code maps to its own error
// name, all BadInput naming the field "code", and only the final ones end the challenge.
// Their texts exist in every language (read from the source tree, as method_messages_test).

#include "domain/methods/verification_errors.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace sspr::domain::methods {
namespace {

CodeVerification outcome(CodeOutcome what, int attempts_left = 0) {
  return CodeVerification{what, OneTimeCodeState{}, attempts_left};
}

TEST(VerificationErrors, EachRefusedOutcomeHasItsOwnName) {
  EXPECT_EQ(code_refusal(outcome(CodeOutcome::kWrong, 2)).name, "InvalidVerificationCode");
  EXPECT_EQ(code_refusal(outcome(CodeOutcome::kLocked)).name, "VerificationCodeLocked");
  EXPECT_EQ(code_refusal(outcome(CodeOutcome::kExpired)).name, "VerificationCodeExpired");
  EXPECT_EQ(code_refusal(outcome(CodeOutcome::kAlreadyUsed)).name, "VerificationCodeUsed");
  for (auto what : {CodeOutcome::kWrong, CodeOutcome::kLocked, CodeOutcome::kExpired,
                    CodeOutcome::kAlreadyUsed}) {
    const auto error = code_refusal(outcome(what, 1));
    EXPECT_EQ(error.kind, ErrorKind::kBadInput);
    EXPECT_EQ(error.technical.rfind("code: ", 0), 0u) << error.technical;
    EXPECT_EQ(error.message_key, "error." + error.name);
  }
  EXPECT_NE(code_refusal(outcome(CodeOutcome::kWrong, 2)).technical.find("2 attempts left"),
            std::string::npos);
}

TEST(VerificationErrors, OnlyFinalRefusalsEndTheChallenge) {
  EXPECT_FALSE(ends_challenge(invalid_verification_code(1)));
  EXPECT_FALSE(ends_challenge(wrong_app_code()));
  EXPECT_TRUE(ends_challenge(verification_code_locked()));
  EXPECT_TRUE(ends_challenge(verification_code_expired()));
  EXPECT_TRUE(ends_challenge(verification_code_used()));
}

TEST(VerificationErrors, TextsExistInEveryLanguage) {
  for (const std::string language : {"en", "da", "de", "sv"}) {
    const auto path = std::filesystem::path(__FILE__).parent_path() / "../../../../locales" /
                      (language + ".json");
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    const auto texts = nlohmann::json::parse(in);
    for (const auto& error :
         {invalid_verification_code(1), verification_code_locked(), verification_code_expired(),
          verification_code_used(), method_type_not_allowed("app_code")}) {
      EXPECT_TRUE(texts.contains(error.message_key)) << language << " " << error.message_key;
    }
  }
}

}  // namespace
}  // namespace sspr::domain::methods
