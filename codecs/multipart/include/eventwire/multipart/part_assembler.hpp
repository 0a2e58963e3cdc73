#pragma once

#include <eventwire/codec/feed_result.hpp>
#include <eventwire/multipart/header_field.hpp>
#include <eventwire/multipart/limits.hpp>
#include <eventwire/multipart/splitter.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace eventwire::multipart {

enum class assembled_kind : unsigned char { part, heartbeat, close };

// What a part_assembler hands out: a whole part, a heartbeat line or the close.
struct assembled {
  assembled_kind kind = assembled_kind::close;
  std::span<const header_field> headers;        // part
  std::optional<std::uint64_t> content_length;  // part, when declared
  std::string_view body;                        // part: the whole body; heartbeat: the line
};

// Gathers each part of a multipart stream whole, for consumers that decode one part at a time
// (the Web SDK session hands each JSON part to its decoder). A part that lay in one input is
// handed out as views into that input; only a part that spans inputs is copied, and never beyond
// the splitter's limits.
//
// feed() returns status::event with `consumed` up to the end of the item; call feed() again with
// the rest until need_more. current()'s views live until the next feed, finish or reset call.
class part_assembler {
 public:
  explicit part_assembler(std::string_view boundary, limits lim = {});

  codec::feed_result feed(std::string_view input);
  // Marks the end of input; call until it returns something other than status::event.
  codec::feed_result finish();
  void reset();

  const assembled& current() const noexcept { return current_; }
  std::error_code error() const noexcept { return splitter_.error(); }
  // Memory kept for parts that span inputs, the splitter's own buffer included.
  std::size_t buffer_capacity() const noexcept;

 private:
  bool take(const event& e, std::string_view input);
  void copy_headers(std::span<const header_field> fields);
  void append_body(std::string_view bytes);
  void keep_across_inputs(std::string_view input);
  void release() noexcept;

  splitter splitter_;
  assembled current_;
  bool in_part_ = false;
  std::span<const header_field> headers_;  // the splitter's, or headers_copy_
  std::vector<header_field> headers_copy_;
  std::string headers_text_;
  std::optional<std::uint64_t> content_length_;
  std::string_view body_;  // into an input, or body_text_ when body_copied_
  std::vector<char> body_text_;  // a vector reserves exactly what it is asked
  bool body_copied_ = false;
};

std::ostream& operator<<(std::ostream& os, assembled_kind k);
std::ostream& operator<<(std::ostream& os, const assembled& a);

}  // namespace eventwire::multipart
