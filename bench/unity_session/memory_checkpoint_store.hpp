#pragma once

#include <eventwire/state/checkpoint_store.hpp>

#include <map>
#include <string>

namespace eventwire::bench {

// A checkpoint store in memory: the poller's store() costs nothing here, so the benchmark
// measures fetching and handling pages, not fsync.
class memory_checkpoint_store final : public state::checkpoint_store {
 public:
  std::error_code load(std::string_view key, std::optional<std::string>& value) override {
    const auto found = values_.find(std::string(key));
    value = found == values_.end() ? std::nullopt : std::optional<std::string>(found->second);
    return {};
  }
  std::error_code store(std::string_view key, std::string_view value) override {
    values_[std::string(key)] = value;
    return {};
  }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace eventwire::bench
