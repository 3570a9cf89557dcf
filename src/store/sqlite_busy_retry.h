#pragma once
// Some SQLite statements take their locks without the busy handler, so `PRAGMA busy_timeout`
// does not make them wait: switching a database to WAL, and the first statement of a connection
// while another one creates or recovers the WAL. They fail at once with SQLITE_BUSY ("database
// is locked") when several processes open one new database together, as a server and a CLI
// call started at once do. retry_while_busy() runs such a statement again, with growing pauses,
// until it succeeds, fails otherwise, or `patience` has passed (then the last failure is thrown).

#include <chrono>
#include <functional>

namespace sspr::store {

// How long the store waits for an SQLite lock: the connections' busy timeout, and the patience
// of every retry_while_busy() the store and its WAL checkpointer make.
constexpr std::chrono::milliseconds kSqliteLockPatience{10'000};

void retry_while_busy(const std::function<void()>& statement, std::chrono::milliseconds patience);

}  // namespace sspr::store
