#include "breached/pwned_passwords_reader.h"

#include <gtest/gtest.h>
#include <openssl/sha.h>

#include <cstdio>

#include "breached/breached_filter_file.h"
#include "breached/breached_filter_import.h"
#include "breached/password_sha1_key.h"
#include "test_files.h"

namespace sspr::breached {
namespace {

std::string sha1_hex(std::string_view text) {
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  std::string hex;
  char byte[3];
  for (unsigned char b : digest) {
    std::snprintf(byte, sizeof byte, "%02X", b);
    hex += byte;
  }
  return hex;
}

TEST(PwnedPasswordsReader, ReadsOneFileWithBlankLinesAndCrLf) {
  TemporaryFolder folder;
  const auto path = folder.write(
      "pwned.txt", sha1_hex("password") + ":3861493\r\n\r\n" + sha1_hex("123456") + ":37359195\n" +
                       "  \n" + sha1_hex("letmein").substr(0, 10) +
                       "abcdefabcdefabcdefabcdefabcdef:1");  // lower case, no final newline
  auto read = read_pwned_passwords(path);
  ASSERT_TRUE(read.ok()) << read.error().technical;
  EXPECT_EQ(read->lines, 5u);
  EXPECT_EQ(read->files, 1u);
  ASSERT_EQ(read->keys.size(), 3u);
  EXPECT_EQ(read->keys[0], password_sha1_key("password"));
  EXPECT_EQ(read->keys[1], password_sha1_key("123456"));
  EXPECT_EQ(read->keys[2] >> 24, password_sha1_key("letmein") >> 24);
}

TEST(PwnedPasswordsReader, ReadsAFolderOfRangeFiles) {
  TemporaryFolder folder;
  const auto password = sha1_hex("password");  // 5BAA6...
  const auto qwerty = sha1_hex("qwerty");
  folder.write(password.substr(0, 5), password.substr(5) + ":3861493\r\n");
  folder.write(qwerty.substr(0, 5) + ".txt", qwerty.substr(5) + ":10\r\n");
  folder.write("README.md", "not a range file");
  auto read = read_pwned_passwords(folder.path().string());
  ASSERT_TRUE(read.ok()) << read.error().technical;
  EXPECT_EQ(read->files, 2u);
  EXPECT_EQ(read->ignored_files, 1u);
  ASSERT_EQ(read->keys.size(), 2u);
  EXPECT_NE(std::find(read->keys.begin(), read->keys.end(), password_sha1_key("password")),
            read->keys.end());
  EXPECT_NE(std::find(read->keys.begin(), read->keys.end(), password_sha1_key("qwerty")),
            read->keys.end());
}

TEST(PwnedPasswordsReader, MalformedLinesNameFileAndLine) {
  TemporaryFolder folder;
  const auto good = sha1_hex("password") + ":1\n";
  for (const std::string& bad : std::vector<std::string>{
           sha1_hex("x").substr(1) + ":1", sha1_hex("x") + "1", sha1_hex("x") + ":",
           sha1_hex("x") + ":12a", "G" + sha1_hex("x").substr(1) + ":1", sha1_hex("x") + "0:1"}) {
    const auto path = folder.write("bad.txt", good + good + bad + "\n" + good);
    auto read = read_pwned_passwords(path);
    ASSERT_FALSE(read.ok()) << bad;
    EXPECT_NE(read.error().technical.find(path + ":3: malformed line"), std::string::npos)
        << read.error().technical;
    EXPECT_EQ(read.error().technical.find(bad), std::string::npos);
  }
  // A 40-digit line in a range file is malformed too.
  folder.write("ABCDE", good);
  auto read = read_pwned_passwords(folder.path().string());
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().technical.find("ABCDE:1: malformed line: expected 35 hex digits"),
            std::string::npos)
      << read.error().technical;
}

TEST(PwnedPasswordsReader, MissingInputAndEmptyFolderAreErrors) {
  EXPECT_FALSE(read_pwned_passwords("/nonexistent/pwned.txt").ok());
  TemporaryFolder folder;
  folder.write("notes.txt", "hello");
  auto read = read_pwned_passwords(folder.path().string());
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().technical.find("no range files"), std::string::npos);
}

TEST(PwnedPasswordsReader, ReportsProgress) {
  TemporaryFolder folder;
  std::string text;
  for (int i = 0; i < 1000; ++i) text += sha1_hex(std::to_string(i)) + ":1\n";
  const auto path = folder.write("pwned.txt", text);
  std::vector<ReadProgress> reports;
  auto read = read_pwned_passwords(
      path, [&](const ReadProgress& progress) { reports.push_back(progress); }, 100);
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(reports.size(), 11u);  // every 100 lines, and at the end of the file
  EXPECT_EQ(reports.back().lines, 1000u);
  EXPECT_EQ(reports.back().bytes_read, text.size());
  EXPECT_EQ(reports.back().bytes_total, text.size());
  EXPECT_EQ(reports.back().files_done, 1u);
}

TEST(BreachedFilterImport, BuildsAFilterFileFromGeneratedText) {
  TemporaryFolder folder;
  std::string text;
  for (int i = 0; i < 20'000; ++i) text += sha1_hex("generated-" + std::to_string(i)) + ":7\n";
  text += sha1_hex("password") + ":3861493\n";
  text += sha1_hex("password") + ":3861493\n";  // duplicates are counted once
  const auto input = folder.write("pwned.txt", text);
  const auto output = folder.file("breached.filter");
  auto summary = import_breached_filter(input, output, 1'700'000'000);
  ASSERT_TRUE(summary.ok()) << summary.error().technical;
  EXPECT_EQ(summary->lines, 20'002u);
  EXPECT_EQ(summary->entries, 20'001u);
  auto filter = BreachedFilterFile::open(output);
  ASSERT_TRUE(filter.ok()) << filter.error().technical;
  EXPECT_TRUE((*filter)->contains("password"));
  EXPECT_TRUE((*filter)->contains("generated-19999"));
  int false_positives = 0;
  for (int i = 0; i < 20'000; ++i) {
    false_positives += (*filter)->contains("other-" + std::to_string(i)) ? 1 : 0;
  }
  EXPECT_LT(false_positives, 200);  // 0.39% expected: ~78
}

}  // namespace
}  // namespace sspr::breached
