// The batch engine's one place that starts threads: contiguous blocks of rows, one per thread.
#pragma once

#include <Eigen/Core>

#include <algorithm>
#include <exception>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace magmat::detail {

/// Starts a std::thread; the tests pass one that fails to check what happens then.
struct start_std_thread {
  template <class Function>
  std::thread operator()(Function&& f) const {
    return std::thread(std::forward<Function>(f));
  }
};

/// Runs body(begin, end) on `threads` contiguous blocks of [0, rows). A thread the system cannot
/// create (std::system_error: a thread or memory limit) must not abort the process: its block
/// runs on the calling thread instead. The blocks are fixed by their bounds, not by who runs
/// them, so the result is the same bit for bit. An exception from any block (a worker's or the
/// calling thread's, std::bad_alloc say) does not terminate the process: every started thread is
/// joined, then the first block's exception in row order leaves.
template <class Body, class StartThread = start_std_thread>
void for_blocks(Eigen::Index rows, int threads, Body&& body, StartThread&& start = {}) {
  const Eigen::Index blocks = std::max<Eigen::Index>(1, std::min<Eigen::Index>(threads, rows));
  if (blocks == 1) {
    body(Eigen::Index{0}, rows);
    return;
  }
  std::vector<std::thread> workers;
  workers.reserve(static_cast<std::size_t>(blocks));
  // One slot per block, each written by the one thread that runs the block.
  std::vector<std::exception_ptr> failures(static_cast<std::size_t>(blocks));
  const auto run = [&body, &failures](std::size_t block, Eigen::Index first, Eigen::Index last) {
    try {
      body(first, last);
    } catch (...) {
      failures[block] = std::current_exception();
    }
  };
  std::vector<std::pair<std::size_t, std::pair<Eigen::Index, Eigen::Index>>> here; // blocks that found no thread
  const Eigen::Index size = rows / blocks;
  const Eigen::Index extra = rows % blocks;
  Eigen::Index begin = 0;
  for (Eigen::Index b = 0; b < blocks; ++b) {
    const Eigen::Index end = begin + size + (b < extra ? 1 : 0);
    const auto block = static_cast<std::size_t>(b);
    try {
      workers.push_back(start([&run, block, begin, end] { run(block, begin, end); }));
    } catch (const std::system_error&) {
      here.push_back({block, {begin, end}});
    }
    begin = end;
  }
  for (const auto& [block, bounds] : here) run(block, bounds.first, bounds.second);
  for (auto& w : workers) w.join();
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);
}

} // namespace magmat::detail
