#pragma once

#include <eventwire/codec/feed_result.hpp>
#include <eventwire/websocket/close_payload.hpp>
#include <eventwire/websocket/error.hpp>
#include <eventwire/websocket/event.hpp>
#include <eventwire/websocket/frame_encoder.hpp>
#include <eventwire/websocket/mask.hpp>
#include <eventwire/websocket/opcode.hpp>
#include <eventwire/websocket/role.hpp>
#include <eventwire/websocket/utf8_validator.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::websocket {

// Turns the bytes a WebSocket peer sends into whole messages and control frames (RFC 6455
// section 5), incrementally: input may be cut anywhere, inside a frame header too. No extension
// is negotiated, so the reserved bits must be zero. A client's decoder refuses masked frames, a
// server's refuses unmasked ones and unmasks.
//
// The payload of current() lives until the next call to feed(), finish() or reset(), and no
// longer than the input it came from when it points into that input: an unfragmented, unmasked
// frame that lies wholly inside one input is a view into it. Only a fragmented message, a frame
// cut by the end of an input or a masked frame is copied, into a buffer of at most
// max_message_size bytes (control frames: 125).
//
//   for (std::string_view in = bytes; !in.empty();) {
//     const auto r = decoder.feed(in);
//     if (r.state == codec::status::error) return decoder.error();
//     in.remove_prefix(r.consumed);
//     if (r.state == codec::status::event) handle(decoder.current());
//   }
class frame_decoder {
 public:
  static constexpr std::size_t default_max_message_size = std::size_t{1} << 20;

  explicit frame_decoder(websocket::role r) noexcept : role_(r) {}

  // Largest message accepted, in bytes, all its fragments together. A frame header that would
  // take a message past it is error::message_too_large, before any of its payload is read.
  std::size_t max_message_size = default_max_message_size;

  // Consumes input up to the end of the next whole message or control frame (status::event,
  // current() is ready) or all of it (status::need_more). After a Close event every further
  // byte is error::frame_after_close.
  codec::feed_result feed(std::string_view input);

  const event& current() const noexcept { return event_; }

  // The input has ended: error::truncated_frame when it ended inside a frame or a fragmented
  // message.
  std::error_code finish();

  // The first error; it sticks until reset().
  std::error_code error() const noexcept { return error_; }

  // Bytes held of a header, message or control frame that spans inputs.
  std::size_t buffered() const noexcept;

  websocket::role role() const noexcept { return role_; }

  // Back to the start of a connection; keeps the role and max_message_size.
  void reset() noexcept;

 private:
  enum class stage : std::uint8_t { header, payload, closed };

  codec::feed_result fail(std::error_code ec);
  std::optional<codec::feed_result> take_whole_small_frame(std::string_view input);
  // Reads the next frame header; false when the input ended first or the header is invalid.
  bool take_header(std::string_view input, std::size_t& pos);
  // What the first two header bytes alone can tell is wrong. (Not std::error_code: its default
  // constructor is a call into the library, on the path of every frame.)
  std::optional<websocket::error> check_start(std::uint8_t b0, std::uint8_t b1) const noexcept;
  // Takes a whole header: lengths, masking key, message state, size limit.
  std::optional<websocket::error> begin_frame(const std::uint8_t* header) noexcept;
  // Reads payload; an event, need_more or an error, or nothing when a fragment ended.
  std::optional<codec::feed_result> take_payload(std::string_view input, std::size_t& pos);
  std::optional<codec::feed_result> take_control_payload(std::string_view input, std::size_t& pos);
  codec::feed_result control_event(std::string_view payload, std::size_t pos);
  void clear_handed_out() noexcept;
  // A server's frames are all masked, a client's none: check_start refuses the others.
  bool masked() const noexcept { return role_ == websocket::role::server; }

  websocket::role role_;
  stage stage_ = stage::header;

  std::array<std::uint8_t, max_frame_header_size> header_{};  // a header cut by an input's end
  std::uint8_t header_have_ = 0;

  opcode op_ = opcode::text;  // the frame being read
  bool fin_ = true;
  mask_key key_{};
  std::uint64_t frame_size_ = 0;
  std::uint64_t frame_read_ = 0;  // payload bytes of it consumed so far

  bool fragmented_ = false;  // a message's first fragment arrived, its last not yet
  bool message_text_ = false;
  std::string message_;       // a message that is fragmented, masked or cut by an input's end
  bool message_out_ = false;  // current() views message_: cleared by the next call
  utf8_validator utf8_;

  std::array<char, max_control_payload> control_{};  // a control frame cut by an input's end
  std::size_t control_size_ = 0;

  event event_;
  std::error_code error_;
};

}  // namespace eventwire::websocket
