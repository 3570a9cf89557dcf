#include "platform/password_hash_processes.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "platform/argon2id_password_hasher.h"

namespace sspr::platform {
namespace {

using namespace std::chrono_literals;

// Small parameters: these tests are about the processes, not Argon2id's cost.
const Argon2idParameters kCheap{64, 1};

std::string command_line(pid_t pid) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/cmdline");
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::replace(text.begin(), text.end(), '\0', ' ');
  return text;
}

bool process_exists(pid_t pid) { return ::kill(pid, 0) == 0; }

// Whether `pid` has exited (a zombie until its parent reaps it, or gone).
bool has_exited(pid_t pid) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(file, line)) return true;
  const auto close = line.rfind(')');
  return close != std::string::npos && line.substr(close + 2, 1) == "Z";
}

std::unique_ptr<PasswordHashProcesses> start_pool(std::size_t count) {
  auto started = PasswordHashProcesses::start(SSPR_TEST_SSPR_BINARY, kCheap, count);
  if (!started) ADD_FAILURE() << started.error().technical;
  return started ? std::move(started).value() : nullptr;
}

TEST(PasswordHashProcesses, HashesInWorkerProcessesOfTheSsprBinary) {
  auto pool = start_pool(2);
  ASSERT_TRUE(pool);
  const auto pids = pool->pids();
  ASSERT_EQ(pids.size(), 2u);
  for (const pid_t pid : pids) {
    EXPECT_NE(pid, ::getpid());
    // The parameters are on the command line; no secret ever is.
    EXPECT_NE(command_line(pid).find("__hash-worker 64 1"), std::string::npos) << pid;
  }
}

TEST(PasswordHashProcesses, ItsHashesVerifyInTheThreadAndTheOtherWayRound) {
  auto pool = start_pool(1);
  ASSERT_TRUE(pool);
  const Argon2idPasswordHasher in_thread(kCheap);
  const std::string from_worker = pool->hash("Correct horse 1");
  EXPECT_EQ(from_worker.rfind("$argon2id$", 0), 0u) << from_worker;
  EXPECT_TRUE(in_thread.verify("Correct horse 1", from_worker));
  EXPECT_FALSE(in_thread.verify("Correct horse 2", from_worker));
  const std::string from_thread = in_thread.hash("Battery staple");
  EXPECT_TRUE(pool->verify("Battery staple", from_thread));
  EXPECT_FALSE(pool->verify("battery staple", from_thread));
  EXPECT_FALSE(pool->verify("Battery staple", "not a hash"));
}

TEST(PasswordHashProcesses, ASecretTooLargeForAMessageIsHashedInTheThread) {
  auto pool = start_pool(1);
  ASSERT_TRUE(pool);
  const std::string huge(hash_messages::kMaxMessageBytes + 1, 'x');
  const std::string hashed = pool->hash(huge);
  EXPECT_TRUE(pool->verify(huge, hashed));
  EXPECT_FALSE(pool->verify(huge + "y", hashed));
}

TEST(PasswordHashProcesses, AKilledWorkerIsReplacedAndTheCallStillAnswers) {
  auto pool = start_pool(1);
  ASSERT_TRUE(pool);
  const pid_t first = pool->pids().at(0);
  ASSERT_EQ(::kill(first, SIGKILL), 0);
  for (int i = 0; i < 200 && !has_exited(first); ++i) std::this_thread::sleep_for(10ms);
  ASSERT_TRUE(has_exited(first));

  const std::string hashed = pool->hash("after the kill");
  EXPECT_TRUE(pool->verify("after the kill", hashed));
  EXPECT_EQ(pool->restarts(), 1u);
  const pid_t second = pool->pids().at(0);
  EXPECT_NE(second, first);
  EXPECT_TRUE(process_exists(second));
  EXPECT_FALSE(process_exists(first));  // reaped, not left a zombie
}

TEST(PasswordHashProcesses, ManyCallersShareTheWorkersAndEachGetsItsOwnAnswer) {
  auto pool = start_pool(2);
  ASSERT_TRUE(pool);
  std::atomic<int> right{0};
  std::vector<std::thread> callers;
  for (int t = 0; t < 8; ++t) {
    callers.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        const std::string secret = "caller " + std::to_string(t) + " call " + std::to_string(i);
        const std::string hashed = pool->hash(secret);
        if (pool->verify(secret, hashed) && !pool->verify(secret + "!", hashed)) ++right;
      }
    });
  }
  for (auto& caller : callers) caller.join();
  EXPECT_EQ(right.load(), 40);
  EXPECT_EQ(pool->restarts(), 0u);
}

TEST(PasswordHashProcesses, GoingAwayEndsAndReapsTheWorkers) {
  std::vector<pid_t> pids;
  {
    auto pool = start_pool(2);
    ASSERT_TRUE(pool);
    pids = pool->pids();
    ASSERT_EQ(pids.size(), 2u);
  }
  for (const pid_t pid : pids) EXPECT_FALSE(process_exists(pid)) << pid;
}

TEST(PasswordHashProcesses, AProgramThatIsNoWorkerOrNoProgramDoesNotStart) {
  auto no_worker = PasswordHashProcesses::start("/bin/true", kCheap, 1);
  ASSERT_FALSE(no_worker);
  EXPECT_NE(no_worker.error().technical.find("did not answer"), std::string::npos);
  auto missing = PasswordHashProcesses::start("/nonexistent/sspr", kCheap, 1);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().technical.find("could not start /nonexistent/sspr"), std::string::npos);
}

}  // namespace
}  // namespace sspr::platform
