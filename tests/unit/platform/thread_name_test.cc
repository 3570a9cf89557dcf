#include "platform/thread_name.h"

#include <gtest/gtest.h>
#include <pthread.h>

#include <string>
#include <thread>

namespace sspr::platform {
namespace {

// The name a new thread reads back for itself after naming itself `name`.
std::string name_seen_after(std::string_view name) {
  std::string seen;
  std::thread thread([&] {
    name_current_thread(name);
    char buffer[64] = {};
    if (::pthread_getname_np(::pthread_self(), buffer, sizeof buffer) == 0) seen = buffer;
  });
  thread.join();
  return seen;
}

TEST(ThreadName, TheThreadCarriesTheName) {
  EXPECT_EQ(name_seen_after("sspr-worker"), "sspr-worker");
}

TEST(ThreadName, ALongNameIsCutToFifteenBytes) {
  EXPECT_EQ(name_seen_after("sspr-checkpointer-of-the-log"), "sspr-checkpoint");
}

TEST(ThreadName, OnlyTheCallingThreadIsNamed) {
  char before[64] = {};
  ASSERT_EQ(::pthread_getname_np(::pthread_self(), before, sizeof before), 0);
  name_seen_after("sspr-io");
  char after[64] = {};
  ASSERT_EQ(::pthread_getname_np(::pthread_self(), after, sizeof after), 0);
  EXPECT_STREQ(before, after);
}

}  // namespace
}  // namespace sspr::platform
