#include "breached/breached_filter_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "breached/password_sha1_key.h"
#include "test_files.h"

namespace sspr::breached {
namespace {

BinaryFuse8Filter filter_of(std::vector<std::uint64_t> keys) {
  auto built = build_binary_fuse8(std::move(keys), 5);
  EXPECT_TRUE(built.ok());
  return std::move(built).value();
}

std::vector<std::uint64_t> random_keys(std::size_t count) {
  std::mt19937_64 generator(17);
  std::vector<std::uint64_t> keys(count);
  for (auto& key : keys) key = generator();
  return keys;
}

TEST(PasswordSha1Key, IsTheFirst64BitsOfTheDigest) {
  // SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8
  EXPECT_EQ(password_sha1_key("password"), 0x5BAA61E4C9B93F3FULL);
  // SHA-1("") = DA39A3EE5E6B4B0D3255BFEF95601890AFD80709
  EXPECT_EQ(password_sha1_key(""), 0xDA39A3EE5E6B4B0DULL);
}

TEST(BreachedFilterFile, RoundTripsThroughTheMappedFile) {
  TemporaryFolder folder;
  auto keys = random_keys(50'000);
  keys.push_back(password_sha1_key("password"));
  const auto filter = filter_of(keys);
  const auto path = folder.file("breached.filter");
  ASSERT_TRUE(write_filter_file(path, filter, 1'700'000'000).ok());
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));

  auto opened = BreachedFilterFile::open(path);
  ASSERT_TRUE(opened.ok()) << opened.error().technical;
  const auto& file = **opened;
  for (const auto key : keys) ASSERT_TRUE(file.contains_key(key));
  EXPECT_TRUE(file.contains("password"));
  EXPECT_TRUE(file.contains_password("password"));
  EXPECT_FALSE(file.contains("a password nobody has used, 7f3c9e"));
  EXPECT_EQ(file.info().entry_count, keys.size());
  EXPECT_EQ(file.info().built_at_unix_seconds, 1'700'000'000);
  EXPECT_EQ(file.info().file_size, kFilterHeaderSize + filter.fingerprints.size());
  EXPECT_EQ(file.info().file_size, std::filesystem::file_size(path));
}

TEST(BreachedFilterFile, AnEmptyFilterRoundTrips) {
  TemporaryFolder folder;
  const auto path = folder.file("empty.filter");
  ASSERT_TRUE(write_filter_file(path, filter_of({}), 0).ok());
  auto opened = BreachedFilterFile::open(path);
  ASSERT_TRUE(opened.ok()) << opened.error().technical;
  EXPECT_FALSE((*opened)->contains("password"));
}

class CorruptFilterFile : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = folder_.file("breached.filter");
    ASSERT_TRUE(write_filter_file(path_, filter_of(random_keys(10'000)), 0).ok());
  }
  void overwrite_byte(std::uint64_t offset, char value) {
    std::fstream file(path_, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(offset));
    file.put(value);
  }
  std::string open_error() {
    auto opened = BreachedFilterFile::open(path_);
    EXPECT_FALSE(opened.ok());
    return opened.ok() ? "" : opened.error().technical;
  }

  TemporaryFolder folder_;
  std::string path_;
};

TEST_F(CorruptFilterFile, TruncatedFileIsRefused) {
  std::filesystem::resize_file(path_, std::filesystem::file_size(path_) - 1);
  EXPECT_NE(open_error().find("truncated"), std::string::npos);
  std::filesystem::resize_file(path_, 10);
  EXPECT_NE(open_error().find("too short"), std::string::npos);
}

TEST_F(CorruptFilterFile, TrailingDataIsRefused) {
  std::ofstream(path_, std::ios::app | std::ios::binary) << "x";
  EXPECT_NE(open_error().find("trailing data"), std::string::npos);
}

TEST_F(CorruptFilterFile, FlippedFingerprintIsRefused) {
  overwrite_byte(kFilterHeaderSize + 100, '\x5a');
  overwrite_byte(kFilterHeaderSize + 101, '\xa5');
  EXPECT_NE(open_error().find("checksum mismatch"), std::string::npos);
}

TEST_F(CorruptFilterFile, BadMagicVersionAndHeaderAreRefused) {
  overwrite_byte(0, 'X');
  EXPECT_NE(open_error().find("bad magic"), std::string::npos);
  overwrite_byte(0, 'S');
  overwrite_byte(8, 9);
  EXPECT_NE(open_error().find("version 9"), std::string::npos);
  overwrite_byte(8, 1);
  overwrite_byte(24, 3);  // segment length no longer a power of two
  EXPECT_NE(open_error().find("corrupt header"), std::string::npos);
}

TEST(BreachedFilterFile, MissingFileIsAClearError) {
  auto opened = BreachedFilterFile::open("/nonexistent/breached.filter");
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.error().technical.find("/nonexistent/breached.filter"), std::string::npos);
  EXPECT_NE(opened.error().technical.find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace sspr::breached
