#include <eventwire/multipart/part_assembler.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <ostream>

namespace eventwire::multipart {
namespace {

using codec::feed_result;
using codec::status;

bool lies_within(std::string_view outer, std::string_view inner) noexcept {
  if (inner.empty()) return true;
  const std::less_equal<const char*> le;
  return le(outer.data(), inner.data()) &&
         le(inner.data() + inner.size(), outer.data() + outer.size());
}

bool lies_within(std::string_view outer, std::span<const header_field> fields) noexcept {
  return std::all_of(fields.begin(), fields.end(), [&](const header_field& f) {
    return lies_within(outer, f.name) && lies_within(outer, f.value);
  });
}

}  // namespace

part_assembler::part_assembler(std::string_view boundary, limits lim) : splitter_(boundary, lim) {}

void part_assembler::reset() {
  splitter_.reset();
  release();
  current_ = assembled{};
  in_part_ = false;
}

std::size_t part_assembler::buffer_capacity() const noexcept {
  return splitter_.buffer_capacity() + headers_text_.capacity() + body_text_.capacity();
}

feed_result part_assembler::feed(std::string_view input) {
  if (!in_part_) release();
  std::size_t used = 0;
  for (;;) {
    const feed_result r = splitter_.feed(input.substr(used));
    used += r.consumed;
    if (r.state == status::error) return {used, status::error};
    if (r.state == status::need_more) {
      keep_across_inputs(input);
      return {used, status::need_more};
    }
    if (take(splitter_.current(), input)) return {used, status::event};
  }
}

feed_result part_assembler::finish() {
  if (!in_part_) release();
  for (;;) {
    const feed_result r = splitter_.finish();
    if (r.state != status::event) return {0, r.state};
    if (take(splitter_.current(), {})) return {0, status::event};
  }
}

// Takes one splitter event; true when it completes an item.
bool part_assembler::take(const event& e, std::string_view input) {
  switch (e.kind) {
    case event_kind::part_begin:
      release();
      in_part_ = true;
      content_length_ = e.content_length;
      if (lies_within(input, e.headers)) headers_ = e.headers;
      else copy_headers(e.headers);
      return false;
    case event_kind::body:
      if (!body_copied_ && lies_within(input, e.bytes) &&
          (body_.empty() || body_.data() + body_.size() == e.bytes.data())) {
        body_ = {body_.empty() ? e.bytes.data() : body_.data(), body_.size() + e.bytes.size()};
      } else {
        append_body(e.bytes);
      }
      return false;
    case event_kind::part_end:
      current_ = assembled{assembled_kind::part, headers_, content_length_, body_};
      in_part_ = false;
      return true;
    case event_kind::heartbeat:
      current_ = assembled{assembled_kind::heartbeat, {}, {}, e.bytes};
      return true;
    case event_kind::close:
      current_ = assembled{assembled_kind::close, {}, {}, {}};
      return true;
  }
  return false;
}

void part_assembler::copy_headers(std::span<const header_field> fields) {
  std::size_t size = 0;
  for (const header_field& f : fields) size += f.name.size() + f.value.size();
  headers_text_.clear();
  headers_text_.reserve(size);  // no reallocation below, so the views stay valid
  headers_copy_.clear();
  for (const header_field& f : fields) {
    const std::size_t at = headers_text_.size();
    headers_text_.append(f.name).append(f.value);
    const std::string_view text(headers_text_);
    headers_copy_.push_back({text.substr(at, f.name.size()),
                             text.substr(at + f.name.size(), f.value.size())});
  }
  headers_ = headers_copy_;
}

void part_assembler::append_body(std::string_view bytes) {
  const auto grow_to = [&](std::size_t needed) {
    if (needed <= body_text_.capacity()) return;
    const auto most = static_cast<std::size_t>(
        std::min<std::uint64_t>(splitter_.configured_limits().max_body, SIZE_MAX));
    body_text_.reserve(std::max(needed, std::min(most, 2 * body_text_.capacity())));
  };
  if (!body_copied_) {
    body_text_.clear();
    grow_to(body_.size());
    body_text_.assign(body_.begin(), body_.end());
    body_copied_ = true;
  }
  grow_to(body_text_.size() + bytes.size());
  body_text_.insert(body_text_.end(), bytes.begin(), bytes.end());
  body_ = {body_text_.data(), body_text_.size()};
}

// The input is about to go away: copy what the unfinished part still views in it.
void part_assembler::keep_across_inputs(std::string_view input) {
  if (!in_part_) return;
  if (headers_.data() != headers_copy_.data()) copy_headers(headers_);
  if (!body_copied_ && !body_.empty() && lies_within(input, body_)) append_body({});
}

void part_assembler::release() noexcept {
  headers_ = {};
  headers_copy_.clear();
  headers_text_.clear();
  content_length_.reset();
  body_ = {};
  body_text_.clear();
  body_copied_ = false;
}

std::ostream& operator<<(std::ostream& os, assembled_kind k) {
  switch (k) {
    case assembled_kind::part: return os << "part";
    case assembled_kind::heartbeat: return os << "heartbeat";
    case assembled_kind::close: return os << "close";
  }
  return os << "assembled_kind(" << static_cast<int>(k) << ')';
}

std::ostream& operator<<(std::ostream& os, const assembled& a) {
  switch (a.kind) {
    case assembled_kind::part:
      os << "part {";
      for (std::size_t i = 0; i < a.headers.size(); ++i) os << (i ? "; " : "") << a.headers[i];
      os << '}';
      if (a.content_length) os << " length " << *a.content_length;
      return os << ", " << event{event_kind::body, {}, {}, a.body};
    case assembled_kind::heartbeat: return os << event{event_kind::heartbeat, {}, {}, a.body};
    case assembled_kind::close: return os << "close";
  }
  return os << a.kind;
}

}  // namespace eventwire::multipart
