#pragma once

#include <string>
#include <vector>

namespace eventwire::config {

// One thing wrong with a configuration, at its JSON path ("sources[2].url").
struct problem {
  std::string path;
  std::string message;
};

// Every problem found, in the order found: a config is checked whole, not up to its first error.
class problems {
 public:
  void add(std::string path, std::string message) { list_.push_back({std::move(path), std::move(message)}); }
  bool empty() const noexcept { return list_.empty(); }
  const std::vector<problem>& list() const noexcept { return list_; }
  // "PATH: MESSAGE" lines.
  std::string describe() const;

 private:
  std::vector<problem> list_;
};

}  // namespace eventwire::config
