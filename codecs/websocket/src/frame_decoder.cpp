#include <eventwire/websocket/frame_decoder.hpp>

#include <eventwire/websocket/error.hpp>

#include <algorithm>
#include <cstring>

namespace eventwire::websocket {

using codec::feed_result;
using codec::status;

namespace {

constexpr std::uint8_t fin_bit = 0x80;
constexpr std::uint8_t reserved_bits = 0x70;
constexpr std::uint8_t mask_bit = 0x80;

// The whole header size that the second header byte announces.
std::size_t header_size_of(std::uint8_t b1) noexcept {
  const std::uint8_t length7 = b1 & 0x7F;
  const std::size_t length_bytes = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
  return 2 + length_bytes + ((b1 & mask_bit) != 0 ? 4 : 0);
}

}  // namespace

feed_result frame_decoder::fail(std::error_code ec) {
  error_ = ec;
  event_ = {};
  return {0, status::error};
}

void frame_decoder::clear_handed_out() noexcept {
  if (message_out_) {
    message_.clear();
    message_out_ = false;
  }
  event_ = {};
}

feed_result frame_decoder::feed(std::string_view input) {
  if (error_) return {0, status::error};
  clear_handed_out();
  if (stage_ == stage::closed) {
    if (input.empty()) return {0, status::need_more};
    return fail(error::frame_after_close);
  }
  if (auto result = take_whole_small_frame(input)) return *result;
  std::size_t pos = 0;
  for (;;) {
    if (stage_ == stage::header && !take_header(input, pos)) {
      if (error_) return {0, status::error};
      return {input.size(), status::need_more};
    }
    if (auto result = take_payload(input, pos)) return *result;
  }
}

// The hot path of a client under load: an unfragmented, unmasked text or binary frame with a 7-
// or 16-bit length, whole at the front of the input. Anything else takes the general path,
// which also reports the errors.
std::optional<feed_result> frame_decoder::take_whole_small_frame(std::string_view input) {
  if (role_ != role::client || stage_ != stage::header || header_have_ != 0 || fragmented_ || input.size() < 2)
    return std::nullopt;
  const auto* in = reinterpret_cast<const std::uint8_t*>(input.data());
  const bool text = in[0] == (fin_bit | static_cast<std::uint8_t>(opcode::text));
  if (!text && in[0] != (fin_bit | static_cast<std::uint8_t>(opcode::binary))) return std::nullopt;
  std::size_t header_size = 2;
  std::size_t size = in[1];  // the mask bit, when set, sends it to the general path below
  if (size == 126 && input.size() >= 4) {
    header_size = 4;
    size = static_cast<std::size_t>(in[2]) << 8 | in[3];
    if (size < 126) return std::nullopt;
  } else if (size >= 126) {
    return std::nullopt;
  }
  if (size > max_message_size || input.size() - header_size < size) return std::nullopt;
  const std::string_view payload = input.substr(header_size, size);
  if (text && !is_valid_utf8(payload)) return std::nullopt;
  event_ = {event_kind::message, text, payload, {}};
  return feed_result{header_size + size, status::event};
}

std::optional<error> frame_decoder::check_start(std::uint8_t b0, std::uint8_t b1) const noexcept {
  if ((b0 & reserved_bits) != 0) return error::reserved_bits_set;
  if (!is_known_opcode(b0 & 0x0F)) return error::unknown_opcode;
  const auto op = static_cast<opcode>(b0 & 0x0F);
  if (is_control(op)) {
    if ((b0 & fin_bit) == 0) return error::fragmented_control_frame;
    if ((b1 & 0x7F) > max_control_payload) return error::control_frame_too_large;
  }
  const bool masked = (b1 & mask_bit) != 0;
  if (role_ == role::client && masked) return error::masked_frame_from_server;
  if (role_ == role::server && !masked) return error::unmasked_frame_from_client;
  if (op == opcode::continuation && !fragmented_) return error::continuation_without_message;
  if ((op == opcode::text || op == opcode::binary) && fragmented_)
    return error::data_frame_inside_message;
  return std::nullopt;
}

std::optional<error> frame_decoder::begin_frame(const std::uint8_t* h) noexcept {
  fin_ = (h[0] & fin_bit) != 0;
  op_ = static_cast<opcode>(h[0] & 0x0F);
  const std::uint8_t length7 = h[1] & 0x7F;
  std::size_t at = 2;
  if (length7 == 126) {
    frame_size_ = static_cast<std::uint64_t>(h[2]) << 8 | h[3];
    at = 4;
    if (frame_size_ < 126) return error::length_not_minimal;
  } else if (length7 == 127) {
    frame_size_ = 0;
    for (std::size_t i = 2; i < 10; ++i) frame_size_ = frame_size_ << 8 | h[i];
    at = 10;
    if (frame_size_ >> 63 != 0) return error::length_too_large;
    if (frame_size_ <= 0xFFFF) return error::length_not_minimal;
  } else {
    frame_size_ = length7;
  }
  if (masked()) std::memcpy(key_.data(), h + at, key_.size());
  frame_read_ = 0;
  if (!is_control(op_)) {
    // message_ holds what came of this message so far, never more than the limit.
    if (frame_size_ > max_message_size - message_.size()) return error::message_too_large;
    if (op_ != opcode::continuation) {
      message_text_ = op_ == opcode::text;
      fragmented_ = !fin_;
    }
  }
  stage_ = stage::payload;
  return std::nullopt;
}

bool frame_decoder::take_header(std::string_view input, std::size_t& pos) {
  const auto* in = reinterpret_cast<const std::uint8_t*>(input.data());
  if (header_have_ == 0 && input.size() - pos >= 2) {
    if (const auto e = check_start(in[pos], in[pos + 1])) {
      fail(*e);
      return false;
    }
    const std::size_t size = header_size_of(in[pos + 1]);
    if (input.size() - pos >= size) {
      if (const auto e = begin_frame(in + pos)) {
        fail(*e);
        return false;
      }
      pos += size;
      return true;
    }
  }
  while (pos < input.size()) {
    header_[header_have_++] = in[pos++];
    if (header_have_ < 2) continue;
    if (header_have_ == 2) {
      if (const auto e = check_start(header_[0], header_[1])) {
        fail(*e);
        return false;
      }
    }
    if (header_have_ == header_size_of(header_[1])) {
      header_have_ = 0;
      if (const auto e = begin_frame(header_.data())) {
        fail(*e);
        return false;
      }
      return true;
    }
  }
  return false;
}

std::optional<feed_result> frame_decoder::take_payload(std::string_view input, std::size_t& pos) {
  if (is_control(op_)) return take_control_payload(input, pos);
  const std::size_t available = input.size() - pos;
  const std::uint64_t remaining = frame_size_ - frame_read_;
  if (!fragmented_ && fin_ && !masked() && frame_read_ == 0 && available >= remaining) {
    // The zero-copy path: a whole message in one frame, all of it in this input.
    const std::string_view payload = input.substr(pos, static_cast<std::size_t>(remaining));
    if (message_text_ && !is_valid_utf8(payload)) return fail(error::invalid_utf8);
    pos += payload.size();
    stage_ = stage::header;
    event_ = {event_kind::message, message_text_, payload, {}};
    return feed_result{pos, status::event};
  }
  const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(available, remaining));
  const std::size_t old_size = message_.size();
  message_.append(input.data() + pos, n);
  char* added = message_.data() + old_size;
  if (masked()) apply_mask(std::span<char>(added, n), key_, static_cast<std::size_t>(frame_read_));
  if (message_text_ && !utf8_.feed(std::string_view(added, n))) return fail(error::invalid_utf8);
  pos += n;
  frame_read_ += n;
  if (frame_read_ < frame_size_) return feed_result{pos, status::need_more};
  stage_ = stage::header;
  if (!fin_) return std::nullopt;
  if (message_text_ && !utf8_.complete()) return fail(error::invalid_utf8);
  fragmented_ = false;
  utf8_.reset();
  message_out_ = true;
  event_ = {event_kind::message, message_text_, message_, {}};
  return feed_result{pos, status::event};
}

std::optional<feed_result> frame_decoder::take_control_payload(std::string_view input,
                                                                std::size_t& pos) {
  const std::size_t available = input.size() - pos;
  const auto remaining = static_cast<std::size_t>(frame_size_ - frame_read_);
  if (!masked() && frame_read_ == 0 && available >= remaining) {
    pos += remaining;
    stage_ = stage::header;
    return control_event(input.substr(pos - remaining, remaining), pos);
  }
  const std::size_t n = std::min(available, remaining);
  char* added = control_.data() + control_size_;
  std::memcpy(added, input.data() + pos, n);
  if (masked()) apply_mask(std::span<char>(added, n), key_, static_cast<std::size_t>(frame_read_));
  control_size_ += n;
  pos += n;
  frame_read_ += n;
  if (frame_read_ < frame_size_) return feed_result{pos, status::need_more};
  stage_ = stage::header;
  const std::string_view payload(control_.data(), control_size_);
  control_size_ = 0;  // the event's view stays valid: only the next feed writes here again
  return control_event(payload, pos);
}

feed_result frame_decoder::control_event(std::string_view payload, std::size_t pos) {
  if (op_ == opcode::close) {
    close_payload close;
    if (auto ec = parse_close_payload(payload, close)) return fail(ec);
    stage_ = stage::closed;
    event_ = {event_kind::close, false, payload, close};
  } else {
    event_ = {op_ == opcode::ping ? event_kind::ping : event_kind::pong, false, payload, {}};
  }
  return {pos, status::event};
}

std::error_code frame_decoder::finish() {
  if (error_) return error_;
  clear_handed_out();
  if (stage_ == stage::closed) return {};
  if (stage_ == stage::payload || header_have_ != 0 || fragmented_) fail(error::truncated_frame);
  return error_;
}

std::size_t frame_decoder::buffered() const noexcept {
  return (message_out_ ? 0 : message_.size()) + control_size_ + header_have_;
}

void frame_decoder::reset() noexcept {
  stage_ = stage::header;
  header_have_ = 0;
  op_ = opcode::text;
  fin_ = true;
  frame_size_ = 0;
  frame_read_ = 0;
  fragmented_ = false;
  message_text_ = false;
  message_.clear();
  message_out_ = false;
  utf8_.reset();
  control_size_ = 0;
  event_ = {};
  error_ = {};
}

}  // namespace eventwire::websocket
