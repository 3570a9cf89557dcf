#include "notify/file_outbox.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "notify/test_doubles.h"

namespace sspr::notify {
namespace {

class FileOutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("sspr-outbox-test-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::vector<nlohmann::json> lines() const {
    std::ifstream in(path());
    std::vector<nlohmann::json> out;
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
  }
  std::string path() const { return (folder_ / "sub" / "outbox.jsonl").string(); }

  std::filesystem::path folder_;
  testing::FixedClock clock_;
};

TEST_F(FileOutboxTest, WritesTheContractLineFormat) {
  FileOutbox outbox(path(), clock_);
  ASSERT_TRUE(outbox
                  .send({Channel::kEmail, "alice@contoso.example", "Your code",
                         "Use 12345678 now.\nThanks \"Ålice\"", "en"})
                  .ok());
  std::ifstream in(path());
  std::string raw;
  std::getline(in, raw);
  EXPECT_EQ(raw,
            R"({"time":"2026-11-23T14:05:09.000Z","channel":"email","to":"alice@contoso.example",)"
            R"("subject":"Your code","body":"Use 12345678 now.\nThanks \"Ålice\""})");
}

TEST_F(FileOutboxTest, AppendsOneLinePerMessageOfEveryChannel) {
  FileOutbox outbox(path(), clock_);
  ASSERT_TRUE(outbox.send({Channel::kSms, "+4512345678", "", "123456", "da"}).ok());
  ASSERT_TRUE(outbox.send({Channel::kVoice, "+4512345678", "", "654321", "da"}).ok());
  FileOutbox again(path(), clock_);  // a second writer appends, never truncates
  ASSERT_TRUE(again.send({Channel::kEmail, "a@b.example", "s", "87654321", "en"}).ok());
  const auto all = lines();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0]["channel"], "sms");
  EXPECT_EQ(all[0]["subject"], "");
  EXPECT_EQ(all[1]["channel"], "voice");
  EXPECT_EQ(all[1]["body"], "654321");
  EXPECT_EQ(all[2]["channel"], "email");
}

TEST_F(FileOutboxTest, ARemovedOrReplacedOutboxIsOpenedAgain) {
  FileOutbox outbox(path(), clock_);
  ASSERT_TRUE(outbox.send({Channel::kSms, "+4512345678", "", "111111", "en"}).ok());
  std::filesystem::remove_all(folder_);  // removed with its folder: both come back
  ASSERT_TRUE(outbox.send({Channel::kSms, "+4512345678", "", "222222", "en"}).ok());
  auto all = lines();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]["body"], "222222");
  std::filesystem::rename(path(), path() + ".1");  // rotated: a new file at the path
  ASSERT_TRUE(outbox.send({Channel::kSms, "+4512345678", "", "333333", "en"}).ok());
  all = lines();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]["body"], "333333");
}

TEST_F(FileOutboxTest, FileIsReadableByItsOwnerOnly) {
  FileOutbox outbox(path(), clock_);
  ASSERT_TRUE(outbox.send({Channel::kSms, "+4512345678", "", "123456", "en"}).ok());
  struct stat info {};
  ASSERT_EQ(::stat(path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST_F(FileOutboxTest, LinesFromManyThreadsNeverInterleave) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 150;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      FileOutbox outbox(path(), clock_);  // one per thread, as separate processes would
      for (int i = 0; i < kPerThread; ++i) {
        // Bodies longer than PIPE_BUF (4096): atomicity must not rely on small writes.
        const std::string body = std::to_string(t) + ":" + std::to_string(i) + ":" +
                                 std::string(static_cast<std::size_t>(100 + 97 * i), 'x');
        ASSERT_TRUE(outbox.send({Channel::kEmail, "a@b.example", "s", body, "en"}).ok());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const auto all = lines();  // every line parsed as JSON: none was torn
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kThreads * kPerThread));
  std::set<std::string> distinct;
  for (const auto& line : all) distinct.insert(line["body"].get<std::string>());
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kThreads * kPerThread));
}

TEST_F(FileOutboxTest, UnwritablePathIsAFailureWithoutTheBody) {
  std::filesystem::create_directories(folder_);
  std::ofstream(folder_ / "file") << "x";
  FileOutbox outbox((folder_ / "file" / "outbox.jsonl").string(), clock_);
  auto status = outbox.send({Channel::kSms, "+4512345678", "", "secret 123456", "en"});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().name, "NotificationFailed");
  EXPECT_EQ(status.error().technical.find("123456"), std::string::npos);
  EXPECT_EQ(status.error().technical.find("+4512345678"), std::string::npos);
  EXPECT_NE(status.error().technical.find("+********78"), std::string::npos);
}

}  // namespace
}  // namespace sspr::notify
