#include "sent_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>

namespace eventwire::cli {

sent_log::~sent_log() {
  if (fd_ >= 0) ::close(fd_);
}

std::error_code sent_log::open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return {errno, std::generic_category()};
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
  return {};
}

void sent_log::record(std::uint64_t sequence) noexcept {
  if (fd_ < 0) return;
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  char line[64];
  const int n = std::snprintf(line, sizeof line, "%llu %lld\n", static_cast<unsigned long long>(sequence),
                              static_cast<long long>(micros));
  if (n <= 0 || ::write(fd_, line, static_cast<std::size_t>(n)) != n) ++failed_;
}

}  // namespace eventwire::cli
