#pragma once

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>

namespace eventwire::bench {

// The loop of a session benchmark: each iteration `prepare()`s a run of `per_run` items (the
// emulator queues them; not timed), times `receive()` (until the client counted them) and then
// `finish()`es it (not timed). Reports items per second of the client thread's CPU time and
// `wall_per_s`, items per second of elapsed time (the emulator's work and every wait included).
template <class Prepare, class Receive, class Finish>
void timed_runs(benchmark::State& state, std::uint64_t per_run, Prepare prepare, Receive receive, Finish finish) {
  std::chrono::steady_clock::duration wall{};
  std::uint64_t total = 0;
  for (auto _ : state) {
    state.PauseTiming();
    prepare();
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    receive();
    wall += std::chrono::steady_clock::now() - start;
    state.PauseTiming();
    finish();
    total += per_run;
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(total));
  state.counters["wall_per_s"] = static_cast<double>(total) / std::chrono::duration<double>(wall).count();
}

}  // namespace eventwire::bench
