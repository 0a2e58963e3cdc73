#include "delivery_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>

namespace eventwire::faults {

std::size_t delivery_log::poll(std::error_code& ec) {
  ec.clear();
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno != ENOENT) ec.assign(errno, std::generic_category());
    return 0;
  }
  const auto before = lines_;
  const auto now = clock::now();
  std::array<char, 64 * 1024> buffer;
  for (;;) {
    const auto n = ::pread(fd, buffer.data(), buffer.size(), static_cast<off_t>(offset_));
    if (n < 0) {
      ec.assign(errno, std::generic_category());
      break;
    }
    if (n == 0) break;
    offset_ += static_cast<std::uint64_t>(n);
    std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
    for (auto nl = chunk.find('\n'); nl != std::string_view::npos; nl = chunk.find('\n')) {
      if (partial_.empty()) {
        take(chunk.substr(0, nl), now);
      } else {
        partial_.append(chunk.substr(0, nl));
        take(partial_, now);
        partial_.clear();
      }
      chunk.remove_prefix(nl + 1);
    }
    if (partial_.size() + chunk.size() > max_line) {
      ec = std::make_error_code(std::errc::message_size);
      break;
    }
    partial_.append(chunk);
  }
  ::close(fd);
  return static_cast<std::size_t>(lines_ - before);
}

void delivery_log::take(std::string_view line, clock::time_point now) {
  if (line.empty()) return;
  ++lines_;
  last_arrival_ = now;
  const auto id = identify_(line);
  if (!id) {
    ++unidentified_;
    return;
  }
  auto [it, fresh] = arrivals_.try_emplace(*id, arrival{now, 0});
  if (!fresh) ++duplicates_;
  ++it->second.times;
}

std::optional<std::uint64_t> number_after(std::string_view text, std::string_view key) {
  const auto at = text.find(key);
  if (at == std::string_view::npos) return std::nullopt;
  const char* first = text.data() + at + key.size();
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(first, text.data() + text.size(), n);
  if (ec != std::errc{} || end == first) return std::nullopt;
  return n;
}

std::optional<std::uint64_t> marked_sequence(std::string_view line) { return number_after(line, "fwseq-"); }

std::string sequence_marker(std::uint64_t n) { return "fwseq-" + std::to_string(n); }

}  // namespace eventwire::faults
