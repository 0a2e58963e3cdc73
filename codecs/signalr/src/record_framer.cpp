#include <eventwire/signalr/error.hpp>
#include <eventwire/signalr/record_framer.hpp>

#include <cstring>

namespace eventwire::signalr {

using codec::feed_result;
using codec::status;

feed_result record_framer::fail(std::error_code ec) {
  error_ = ec;
  record_ = {};
  return {0, status::error};
}

bool record_framer::fits(std::size_t more) const noexcept {
  return tail_.size() <= max_record_size && more <= max_record_size - tail_.size();
}

feed_result record_framer::feed(std::string_view input) {
  if (error_) return {0, status::error};
  record_ = {};
  if (record_in_tail_) {
    tail_.clear();
    record_in_tail_ = false;
  }
  // The buffered tail holds no separator, so the search starts at the new bytes: linear work.
  const void* hit = input.empty() ? nullptr : std::memchr(input.data(), record_separator, input.size());
  if (hit == nullptr) {
    if (!fits(input.size())) return fail(error::record_too_large);
    tail_.append(input);
    return {input.size(), status::need_more};
  }
  const auto length = static_cast<std::size_t>(static_cast<const char*>(hit) - input.data());
  if (!fits(length)) return fail(error::record_too_large);
  if (tail_.empty()) {
    record_ = input.substr(0, length);
  } else {
    tail_.append(input.data(), length);
    record_ = tail_;
    record_in_tail_ = true;
  }
  return {length + 1, status::event};
}

std::error_code record_framer::finish() {
  if (error_) return error_;
  record_ = {};
  if (record_in_tail_) {
    tail_.clear();
    record_in_tail_ = false;
  }
  if (!tail_.empty()) {
    fail(error::record_incomplete);
    return error_;
  }
  return {};
}

void record_framer::reset() noexcept {
  tail_.clear();
  record_ = {};
  record_in_tail_ = false;
  error_ = {};
}

}  // namespace eventwire::signalr
