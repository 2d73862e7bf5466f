// Tests of batch/threads.hpp: the blocks of a batch run whether or not the system gives threads
// (issue [12], item 2: a thread that could not be created aborted the process).
#include "batch/threads.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

using magmat::detail::for_blocks;
using magmat::detail::start_std_thread;

namespace {
// Starts real threads except the listed creations (0-based), which fail as std::thread does
// when the system is out of threads or memory.
struct failing_start {
  std::vector<int> fail;
  int calls = 0;
  template <class Function>
  std::thread operator()(Function&& f) {
    const int call = calls++;
    for (const int k : fail)
      if (k == call) throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again));
    return start_std_thread{}(std::forward<Function>(f));
  }
};

// Every row written once by the block that owns it.
std::vector<int> owners(Eigen::Index rows, int threads, failing_start start) {
  std::vector<int> seen(static_cast<std::size_t>(rows), 0);
  for_blocks(rows, threads, [&](Eigen::Index begin, Eigen::Index end) {
    for (Eigen::Index i = begin; i < end; ++i) seen[static_cast<std::size_t>(i)] += 1;
  }, start);
  return seen;
}
} // namespace

TEST_CASE("blocks whose thread cannot be created run on the calling thread", "[batch][threads]") {
  const std::vector<int> once(1003, 1);
  CHECK(owners(1003, 8, failing_start{{}}) == once);
  CHECK(owners(1003, 8, failing_start{{3}}) == once);
  CHECK(owners(1003, 8, failing_start{{0, 1, 2, 3, 4, 5, 6, 7}}) == once); // no thread at all
  CHECK(owners(1003, 1000, failing_start{{5, 17, 999}}) == once);          // a thread per block, three refused
  CHECK(owners(3, 8, failing_start{{1}}) == std::vector<int>(3, 1));       // fewer rows than threads
}

TEST_CASE("an exception on the calling thread's share leaves after the started threads are joined",
          "[batch][threads]") {
  std::atomic<int> finished{0};
  const auto body = [&](Eigen::Index begin, Eigen::Index) {
    if (begin == 0) throw std::runtime_error("row 0");
    finished += 1;
  };
  // block 0's thread is refused, so block 0 runs here and throws; blocks 1-3 ran on their threads
  CHECK_THROWS_WITH(for_blocks(400, 4, body, failing_start{{0}}), "row 0");
  CHECK(finished == 3);
}

TEST_CASE("an exception on a worker thread reaches the caller instead of terminating the process",
          "[batch][threads]") {
  std::atomic<int> finished{0};
  const auto body = [&](Eigen::Index begin, Eigen::Index) {
    if (begin >= 200) throw std::runtime_error("row " + std::to_string(begin));
    finished += 1;
  };
  // blocks of 100 rows: 2 and 3 throw on their own threads; the first in row order leaves
  CHECK_THROWS_WITH(for_blocks(400, 4, body, failing_start{{}}), "row 200");
  CHECK(finished == 2);
  // the same when block 3 runs on the calling thread and block 2 on a worker
  finished = 0;
  CHECK_THROWS_WITH(for_blocks(400, 4, body, failing_start{{3}}), "row 200");
  CHECK(finished == 2);
}
