#include "observability/log_line.h"

#include <gtest/gtest.h>

namespace sspr::log {
namespace {

TEST(LogLine, IsOneJsonObjectWithTimeLevelMessageThenFields) {
  const auto line = format_line("2026-01-02T03:04:05.678Z", Level::kWarn, "request",
                                {{"status", 404}, {"path", "/api/v1/users"}});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(line.rfind("{\"time\":\"2026-01-02T03:04:05.678Z\",\"level\":\"warn\",\"msg\":"
                       "\"request\"",
                       0),
            0u)
      << line;
  const auto parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["status"], 404);
  EXPECT_EQ(parsed["path"], "/api/v1/users");
}

TEST(LogLine, EscapesQuotesAndNewlines) {
  const auto line = format_line("t", Level::kInfo, "a \"quoted\"\nmessage", {{"k", "v\n"}});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(line)["msg"], "a \"quoted\"\nmessage");
}

TEST(LogLine, ReplacesInvalidUtf8InsteadOfThrowing) {
  const auto line = format_line("t", Level::kError, "bad \xff byte", {{"path", "/x\xfe"}});
  EXPECT_NO_THROW(nlohmann::json::parse(line));
}

TEST(LogLine, FieldsCannotOverrideTheFixedMembers) {
  const auto parsed = nlohmann::json::parse(
      format_line("t", Level::kInfo, "m", {{"level", "error"}, {"msg", "x"}, {"other", 1}}));
  EXPECT_EQ(parsed["level"], "info");
  EXPECT_EQ(parsed["msg"], "m");
  EXPECT_EQ(parsed["other"], 1);
}

TEST(LogLine, NullFieldsAreAllowed) {
  EXPECT_EQ(format_line("t", Level::kDebug, "m", nullptr),
            "{\"time\":\"t\",\"level\":\"debug\",\"msg\":\"m\"}");
}

TEST(LogLevel, ParsesNamesAndDefaultsToInfo) {
  EXPECT_EQ(parse_level("trace"), Level::kTrace);
  EXPECT_EQ(parse_level("debug"), Level::kDebug);
  EXPECT_EQ(parse_level("warn"), Level::kWarn);
  EXPECT_EQ(parse_level("error"), Level::kError);
  EXPECT_EQ(parse_level("info"), Level::kInfo);
  EXPECT_EQ(parse_level("whatever"), Level::kInfo);
}

TEST(LogLevel, FiltersBelowTheMinimum) {
  set_level(Level::kWarn);
  EXPECT_FALSE(enabled(Level::kInfo));
  EXPECT_TRUE(enabled(Level::kWarn));
  EXPECT_TRUE(enabled(Level::kError));
  set_level(Level::kInfo);
  EXPECT_TRUE(enabled(Level::kInfo));
}

}  // namespace
}  // namespace sspr::log
