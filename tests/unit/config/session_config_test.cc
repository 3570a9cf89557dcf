// The [session] keys: limits and the Secure cookie flag, from the file and the environment.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "config/config.h"

namespace sspr::config {
namespace {

TEST(SessionConfig, DefaultsAreThirtyMinutesTwelveHoursAndNoSecureFlag) {
  auto config = load_config(std::nullopt, {});
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->session.idle_minutes, 30u);
  EXPECT_EQ(config->session.absolute_hours, 12u);
  EXPECT_FALSE(config->session.secure_cookie);
}

TEST(SessionConfig, FileAndEnvironment) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("sspr-session-config-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(path) << "[session]\nidle_minutes = 10\nsecure_cookie = true\n";
  auto config = load_config(path.string(), {{"SSPR_SESSION_ABSOLUTE_HOURS", "4"}});
  std::filesystem::remove(path);
  ASSERT_TRUE(config.ok()) << config.error().technical;
  EXPECT_EQ(config->session.idle_minutes, 10u);
  EXPECT_EQ(config->session.absolute_hours, 4u);
  EXPECT_TRUE(config->session.secure_cookie);

  auto flag = load_config(std::nullopt, {{"SSPR_SESSION_SECURE_COOKIE", "false"}});
  ASSERT_TRUE(flag.ok());
  EXPECT_FALSE(flag->session.secure_cookie);
}

TEST(SessionConfig, BadValuesNameTheKey) {
  auto flag = load_config(std::nullopt, {{"SSPR_SESSION_SECURE_COOKIE", "yes"}});
  ASSERT_FALSE(flag.ok());
  EXPECT_NE(flag.error().technical.find("session.secure_cookie"), std::string::npos);
  auto zero = load_config(std::nullopt, {{"SSPR_SESSION_IDLE_MINUTES", "0"}});
  ASSERT_FALSE(zero.ok());
}

}  // namespace
}  // namespace sspr::config
