#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace eventwire::bench {

// The console report, then each configured benchmark's items per second as a ratio to its
// reference's, both measured in this run: medians when there were repetitions. Benchmarks are
// named as function/args ("websdk_event_stream", "portos_source/layout:0").
class ratio_reporter : public benchmark::ConsoleReporter {
 public:
  explicit ratio_reporter(OutputOptions options) : benchmark::ConsoleReporter(options) {}

  void add_ratio(std::string measured, std::string reference) {
    pairs_.emplace_back(std::move(measured), std::move(reference));
  }

  void ReportRuns(const std::vector<Run>& runs) override {
    benchmark::ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      const auto rate = run.counters.find("items_per_second");
      if (run.error_occurred || rate == run.counters.end()) continue;
      const std::string name = run.run_name.function_name + (run.run_name.args.empty() ? "" : "/" + run.run_name.args);
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median") medians_[name] = rate->second.value;
      if (run.run_type == Run::RT_Iteration) rates_[name].push_back(rate->second.value);
    }
  }

  void Finalize() override {
    for (const auto& [measured, reference] : pairs_) {
      const double a = rate_of(measured);
      const double b = rate_of(reference);
      if (a > 0 && b > 0)
        std::printf("ratio %s / %s: %.3fx (%.0f / %.0f items/s)\n", measured.c_str(), reference.c_str(), a / b, a, b);
    }
    benchmark::ConsoleReporter::Finalize();
  }

 private:
  double rate_of(const std::string& name) const {
    if (const auto m = medians_.find(name); m != medians_.end()) return m->second;
    const auto r = rates_.find(name);
    if (r == rates_.end() || r->second.empty()) return 0;
    std::vector<double> sorted = r->second;
    std::sort(sorted.begin(), sorted.end());
    return sorted[sorted.size() / 2];
  }

  std::vector<std::pair<std::string, std::string>> pairs_;
  std::map<std::string, double> medians_;
  std::map<std::string, std::vector<double>> rates_;
};

}  // namespace eventwire::bench
