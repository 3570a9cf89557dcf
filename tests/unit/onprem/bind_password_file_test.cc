#include "onprem/bind_password_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sspr::onprem {
namespace {

class BindPasswordFileTest : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove(path_); }
  void write(const std::string& content) { std::ofstream(path_, std::ios::binary) << content; }
  std::string path_ = (std::filesystem::temp_directory_path() /
                       ("sspr-bind-password-" + std::to_string(::getpid())))
                          .string();
};

TEST_F(BindPasswordFileTest, ReadsTheFileWithoutItsTrailingLineBreak) {
  write("s3cret pass\n");
  EXPECT_EQ(*read_bind_password(path_), "s3cret pass");
  write("s3cret\r\n");
  EXPECT_EQ(*read_bind_password(path_), "s3cret");
  write("no newline");
  EXPECT_EQ(*read_bind_password(path_), "no newline");
}

TEST_F(BindPasswordFileTest, AMissingOrEmptyFileIsAMisconfigurationThatNeverShowsContent) {
  auto missing = read_bind_password(path_ + ".missing");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "SSPR_0029");
  EXPECT_NE(missing.error().technical.find(path_ + ".missing"), std::string::npos);
  write("\n");
  auto empty = read_bind_password(path_);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, "SSPR_0029");
}

}  // namespace
}  // namespace sspr::onprem
