#include "http/error_envelope.h"

#include <gtest/gtest.h>

#include "http/http_status.h"

namespace sspr::http {
namespace {

EnvelopeFacts facts(const std::string& language) {
  return {language, "7f1c7a4e-2b1d-4c55-9a77-0d0a4ef0c001", "2026-01-02T03:04:05.678Z", "corr-123"};
}

TEST(ErrorEnvelope, HasExactlyTheContractFields) {
  const auto envelope =
      error_envelope(domain::errors::not_found("user", "a@b.example"), facts("en"));
  ASSERT_EQ(envelope.size(), 1u);
  const auto& error = envelope.at("error");
  EXPECT_EQ(error.size(), 7u);
  EXPECT_EQ(error.at("code"), "NotFound");
  EXPECT_EQ(error.at("name"), "NotFound");
  EXPECT_EQ(error.at("technical"), "user 'a@b.example' does not exist");
  EXPECT_EQ(error.at("support_code"), "7f1c7a4e-2b1d-4c55-9a77-0d0a4ef0c001");
  EXPECT_EQ(error.at("timestamp"), "2026-01-02T03:04:05.678Z");
  EXPECT_EQ(error.at("correlation_id"), "corr-123");
  EXPECT_TRUE(error.at("message").is_string());
}

TEST(ErrorEnvelope, MessageIsTheLocalisedUserTextNotTheKey) {
  const auto error = domain::errors::forbidden("token lacks ManageUsers");
  const auto english = error_envelope(error, facts("en"))["error"]["message"].get<std::string>();
  EXPECT_NE(english, "error.Forbidden");
  EXPECT_FALSE(english.empty());
  EXPECT_EQ(english.find("ManageUsers"), std::string::npos)
      << "the user text must not carry the technical details";
}

TEST(ErrorEnvelope, NumberedErrorsKeepCodeAndNameApart) {
  const domain::Error error{domain::ErrorKind::kForbidden, "SSPR_0012", "UserNotLicensed",
                            "error.UserNotLicensed", "no licence"};
  const auto envelope = error_envelope(error, facts("de"));
  EXPECT_EQ(envelope["error"]["code"], "SSPR_0012");
  EXPECT_EQ(envelope["error"]["name"], "UserNotLicensed");
}

TEST(MethodNotAllowed, IsABadRequestKindWithATranslatableMessage) {
  const auto error = method_not_allowed("PUT", "/api/v1/users");
  EXPECT_EQ(error.name, "MethodNotAllowed");
  EXPECT_NE(error.technical.find("PUT"), std::string::npos);
  const auto message = error_envelope(error, facts("en"))["error"]["message"].get<std::string>();
  EXPECT_NE(message, error.message_key);
}

}  // namespace
}  // namespace sspr::http
