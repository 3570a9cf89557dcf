// WalCheckpointer against a real SQLite file: the log is copied beside the writer and started
// over between writes, nothing written is lost, and a reader's old snapshot stays whole.
#include "store/wal_checkpointer.h"

#include <gtest/gtest.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>

#include "store/wait_until.h"

namespace sspr::store {
namespace {

constexpr WalCheckpointer::Limits kSmallLog{.checkpoint_frames = 50, .restart_frames = 200};
constexpr int kMostWrites = 20'000;

class WalCheckpointerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("sspr_wal_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
    writer_.open(soci::sqlite3, "db=" + path_);
    writer_ << "PRAGMA journal_mode = WAL";
    writer_ << "PRAGMA synchronous = NORMAL";
    writer_ << "CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL)";
    checkpointer_ = std::make_unique<WalCheckpointer>(
        path_, kSmallLog, [this](const std::function<void()>& exclusive) {
          std::lock_guard<std::mutex> lock(writes_);
          exclusive();
        });
    checkpointer_->watch(writer_);
  }
  void TearDown() override {
    checkpointer_.reset();
    writer_.close();
    std::filesystem::remove_all(dir_);
  }

  // One write transaction of about one page (a new leaf, and its parent again): two log pages.
  void write_row() {
    std::lock_guard<std::mutex> lock(writes_);
    writer_ << "INSERT INTO rows (body) VALUES (zeroblob(3000))";
    ++written_;
  }
  // Writes until the log has started over `times` times (seen as a shorter log after a
  // commit than after the one before); returns how often it did within kMostWrites.
  int write_until_restarted(int times) {
    int restarts = 0;
    int previous = 0;
    for (int i = 0; i < kMostWrites && restarts < times; ++i) {
      write_row();
      const int frames = checkpointer_->stats().log_frames;
      if (frames < previous) ++restarts;
      previous = frames;
    }
    return restarts;
  }
  int count_rows(soci::session& session) {
    int count = -1;
    session << "SELECT count(*) FROM rows", soci::into(count);
    return count;
  }

  std::filesystem::path dir_;
  std::string path_;
  std::mutex writes_;  // the writes and the checkpointer's exclusive step, one at a time
  soci::session writer_;
  std::unique_ptr<WalCheckpointer> checkpointer_;
  int written_ = 0;
};

TEST_F(WalCheckpointerTest, CopiesTheLogBesideTheWriterAndStartsItOverBetweenWrites) {
  // The writer's own automatic checkpoint is off: without the thread the log would only grow.
  EXPECT_EQ(write_until_restarted(3), 3) << "the log never started over in " << written_;
  // The restarts are counted at the commits that saw them; each needed a round that copied
  // the whole log, which counts itself just after it let writes on. Under load the rounds
  // beside the writer often copy it all before the one that holds them back is due.
  wait_until([&] { return checkpointer_->stats().checkpoints >= 3; });
  const auto stats = checkpointer_->stats();
  EXPECT_EQ(stats.restarts, 3u);
  EXPECT_EQ(stats.failures, 0u) << "SQLite answered " << stats.last_failure;

  soci::session other(soci::sqlite3, "db=" + path_);
  EXPECT_EQ(count_rows(other), written_);
  std::string integrity;
  other << "PRAGMA integrity_check", soci::into(integrity);
  EXPECT_EQ(integrity, "ok");
}

// A reader in the middle of a transaction keeps its snapshot while the log is copied: the log
// cannot start over under it (it grows instead), and once the reader is done it does.
TEST_F(WalCheckpointerTest, AReaderOnAnOldSnapshotKeepsItAndTheLogStartsOverAfterIt) {
  write_row();
  soci::session reader(soci::sqlite3, "db=" + path_);
  reader << "BEGIN";
  const int seen = count_rows(reader);
  EXPECT_EQ(seen, 1);
  // Enough for several rounds, however late the thread wakes (each write after the first
  // rounds is another chance for the log to start over, had the reader not been there).
  for (int i = 0; i < kMostWrites && (written_ < 3 * kSmallLog.restart_frames ||
                                      checkpointer_->stats().checkpoints < 2);
       ++i) {
    write_row();
  }
  ASSERT_GE(checkpointer_->stats().checkpoints, 2u);
  EXPECT_EQ(count_rows(reader), seen) << "the snapshot changed under the reader";
  EXPECT_GE(checkpointer_->stats().log_frames, 3 * kSmallLog.restart_frames)
      << "the log started over while a reader needed it";
  reader << "COMMIT";
  EXPECT_EQ(count_rows(reader), written_);
  EXPECT_GE(write_until_restarted(1), 1) << "the log never started over in " << written_;
}

}  // namespace
}  // namespace sspr::store
