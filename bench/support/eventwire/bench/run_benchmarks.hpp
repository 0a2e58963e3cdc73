#pragma once

#include <eventwire/bench/ratio_reporter.hpp>

#include <benchmark/benchmark.h>

#include <unistd.h>

#include <initializer_list>
#include <utility>

namespace eventwire::bench {

// The main() of a session benchmark after its checks: Google Benchmark's flags, the console
// report, then the ratios of `ratios` (measured, reference). 1 on an unknown flag.
inline int run_benchmarks(int argc, char** argv,
                          std::initializer_list<std::pair<const char*, const char*>> ratios) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  ratio_reporter reporter(isatty(STDOUT_FILENO) ? ratio_reporter::OO_ColorTabular : ratio_reporter::OO_Tabular);
  for (const auto& [measured, reference] : ratios) reporter.add_ratio(measured, reference);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}

}  // namespace eventwire::bench
