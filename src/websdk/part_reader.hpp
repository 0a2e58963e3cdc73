#pragma once

// The bytes of one event stream to decoded messages: an optional first `ConnectionId:` line,
// the multipart splitter, a size bound per part, and the websdk stream decoder. No I/O.

#include <eventwire/multipart/limits.hpp>
#include <eventwire/multipart/splitter.hpp>
#include <eventwire/websdk/event_stream.hpp>
#include <eventwire/websdk/stream_decoder.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::websdk::detail {

class part_reader {
 public:
  using skip_callback = std::function<void(std::error_code, std::string_view)>;

  part_reader(multipart::limits limits, std::size_t max_part_size)
      : limits_(limits), max_part_size_(max_part_size) {
    limits_.max_body = UINT64_MAX;  // bodies are bounded here, by max_part_size
  }

  // A new stream; with `read_first_line` a first `ConnectionId:<guid>` line is taken.
  void reset(std::string_view boundary, bool read_first_line);

  // Hands every complete message to `on_message` and every skipped part to `on_skip`. Returns
  // the splitter's error (the stream cannot go on), stream_error::stream_ended after the close
  // delimiter, or {}.
  std::error_code feed(std::string_view in, stream_statistics& stats,
                       const event_stream::message_handler& on_message, const skip_callback& on_skip);

  // The id of a first `ConnectionId:` line, once read.
  const std::optional<std::string>& connection_id() const noexcept { return connection_id_; }

 private:
  std::error_code feed_splitter(std::string_view in, stream_statistics& stats,
                                const event_stream::message_handler& on_message,
                                const skip_callback& on_skip);
  void end_part(stream_statistics& stats, const event_stream::message_handler& on_message,
                const skip_callback& on_skip);

  multipart::limits limits_;
  std::size_t max_part_size_;
  std::optional<multipart::splitter> splitter_;
  bool reading_first_line_ = false;
  std::string first_line_;
  std::optional<std::string> connection_id_;
  bool in_part_ = false;
  bool oversized_ = false;
  bool not_json_ = false;
  std::size_t part_size_ = 0;
  std::string part_;
  stream_decoder decoder_;
  stream_message message_;
  bool closed_ = false;
};

}  // namespace eventwire::websdk::detail
