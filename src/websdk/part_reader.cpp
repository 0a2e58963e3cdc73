#include "part_reader.hpp"

#include <eventwire/multipart/header_field.hpp>
#include <eventwire/websdk/connection_id.hpp>
#include <eventwire/websdk/stream_error.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <variant>

namespace eventwire::websdk::detail {

namespace {

constexpr std::size_t max_first_line = 256;

bool contains_json(std::string_view content_type) noexcept {
  constexpr std::string_view json = "json";
  const auto it = std::search(content_type.begin(), content_type.end(), json.begin(), json.end(),
                              [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  return it != content_type.end();
}

}  // namespace

void part_reader::reset(std::string_view boundary, bool read_first_line) {
  splitter_.emplace(boundary, limits_);
  reading_first_line_ = read_first_line;
  first_line_.clear();
  connection_id_.reset();
  in_part_ = oversized_ = not_json_ = closed_ = false;
  part_.clear();
  part_size_ = 0;
}

std::error_code part_reader::feed(std::string_view in, stream_statistics& stats,
                                  const event_stream::message_handler& on_message,
                                  const skip_callback& on_skip) {
  if (reading_first_line_) {
    const auto nl = in.find('\n');
    if (nl == std::string_view::npos && first_line_.size() + in.size() <= max_first_line) {
      first_line_.append(in);
      return {};
    }
    reading_first_line_ = false;
    std::string line = std::move(first_line_);
    first_line_.clear();
    if (nl != std::string_view::npos) {
      line.append(in.substr(0, nl + 1));
      in.remove_prefix(nl + 1);
    }
    std::string_view id;
    std::string_view text = line;
    if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    if (nl != std::string_view::npos && !parse_connection_id_line(text, id)) {
      connection_id_.emplace(id);
    } else if (auto ec = feed_splitter(line, stats, on_message, on_skip)) {
      return ec;  // not an id line: it is stream bytes
    }
  }
  return feed_splitter(in, stats, on_message, on_skip);
}

std::error_code part_reader::feed_splitter(std::string_view in, stream_statistics& stats,
                                           const event_stream::message_handler& on_message,
                                           const skip_callback& on_skip) {
  if (closed_) return stream_error::stream_ended;
  for (;;) {
    const auto r = splitter_->feed(in);
    in.remove_prefix(r.consumed);
    if (r.state == codec::status::need_more) return {};
    if (r.state == codec::status::error) return splitter_->error();
    const multipart::event& e = splitter_->current();
    switch (e.kind) {
      case multipart::event_kind::part_begin: {
        in_part_ = true;
        oversized_ = false;
        part_.clear();
        part_size_ = 0;
        const auto type = multipart::find_header(e.headers, "Content-Type");
        not_json_ = type && !contains_json(*type);
        break;
      }
      case multipart::event_kind::body:
        part_size_ += e.bytes.size();
        if (oversized_ || not_json_) break;
        if (part_.size() + e.bytes.size() > max_part_size_) {
          oversized_ = true;
          part_.clear();
          part_.shrink_to_fit();
          break;
        }
        part_.append(e.bytes);
        break;
      case multipart::event_kind::part_end:
        end_part(stats, on_message, on_skip);
        break;
      case multipart::event_kind::heartbeat:
        ++stats.heartbeats;
        break;
      case multipart::event_kind::close:
        closed_ = true;
        return stream_error::stream_ended;
    }
  }
}

void part_reader::end_part(stream_statistics& stats, const event_stream::message_handler& on_message,
                           const skip_callback& on_skip) {
  in_part_ = false;
  if (oversized_) {
    ++stats.skipped;
    if (on_skip)
      on_skip(stream_error::part_too_large, "skipped a part of " + std::to_string(part_size_) +
                                                " bytes (max_part_size " + std::to_string(max_part_size_) + ")");
    return;
  }
  if (not_json_) {
    ++stats.skipped;
    if (on_skip) on_skip(stream_error::part_not_json, "skipped a part that is not text/json");
    return;
  }
  if (const auto ec = decoder_.decode(part_, message_)) {
    ++stats.skipped;
    if (on_skip) on_skip(ec, "skipped a part that does not decode: " + decoder_.describe_error());
    return;
  }
  ++stats.parts;
  if (const auto* f = std::get_if<failure>(&message_)) {
    ++stats.skipped;
    std::string scratch;
    std::string text = "skipped a part with Rsp.Status ";
    text += f->status.decode(scratch);
    if (f->message) {
      text += ": ";
      text += f->message->decode(scratch);
    }
    if (on_skip) on_skip(stream_error::call_failed, text);
    return;
  }
  if (std::holds_alternative<unknown_result>(message_)) return;
  if (std::holds_alternative<event_notification>(message_)) ++stats.events;
  if (std::holds_alternative<alarm_triggered>(message_)) ++stats.alarms;
  if (std::holds_alternative<alarm_acknowledged>(message_)) ++stats.acknowledgements;
  if (on_message) on_message(message_, part_);
}

}  // namespace eventwire::websdk::detail
