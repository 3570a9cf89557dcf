#pragma once
// Fakes of the ports the notifiers use: a fixed clock, counting randomness, a sleeper that
// records its pauses, and a transport that answers from a script.

#include <chrono>
#include <cstdint>
#include <deque>
#include <span>
#include <vector>

#include "domain/clock.h"
#include "domain/random.h"
#include "notify/notifier.h"
#include "notify/sleeper.h"

namespace sspr::notify::testing {

// 2026-11-23T14:05:09Z
inline std::chrono::system_clock::time_point fixed_time() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1795442709));
}

class FixedClock final : public domain::Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return fixed_time(); }
};

class CountingRandom final : public domain::Random {
 public:
  void fill(std::span<std::uint8_t> out) override {
    for (auto& byte : out) byte = next_++;
  }

 private:
  std::uint8_t next_ = 0;
};

class RecordingSleeper final : public Sleeper {
 public:
  void sleep_for(std::chrono::milliseconds pause) override { pauses.push_back(pause); }
  std::vector<std::chrono::milliseconds> pauses;
};

// Answers each send with the next scripted status (ok once the script is used up) and keeps
// what it was asked to send.
class ScriptedTransport final : public Notifier {
 public:
  explicit ScriptedTransport(std::deque<domain::Status> script) : script_(std::move(script)) {}

  domain::Status send(const OutgoingMessage& message) override {
    sent.push_back(message);
    if (script_.empty()) return domain::ok_status();
    auto status = script_.front();
    script_.pop_front();
    return status;
  }

  std::vector<OutgoingMessage> sent;

 private:
  std::deque<domain::Status> script_;
};

}  // namespace sspr::notify::testing
