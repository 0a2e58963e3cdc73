// Differential fuzzing of the multipart splitter and part assembler. Input layout: 16 bytes that
// choose up to 8 cut points, one byte of flags (bit 0: Genetec's "--GENETECBOUNDARY" or a
// standard boundary; bit 1: small limits so the limit paths run), then the multipart body.
// Fed whole, cut, and (when short) byte by byte, the splitter must give the same events and
// error; the assembler must agree with it; no feed may consume more than it was given, and no
// buffer may grow past its limit.

#include <check.hpp>
#include <split_runs.hpp>
#include <eventwire/multipart/part_assembler.hpp>
#include <eventwire/multipart/splitter.hpp>
#include <eventwire/testing/chunks.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace eventwire::multipart;
using eventwire::codec::feed_result;
using eventwire::codec::status;

std::string whole_part(std::span<const header_field> headers,
                       std::optional<std::uint64_t> content_length, std::string_view body) {
  std::ostringstream os;
  os << event{event_kind::part_begin, headers, content_length, {}} << " / "
     << event{event_kind::body, {}, {}, body};
  return os.str();
}

struct outcome {
  std::vector<std::string> events;  // adjacent bodies merged
  std::vector<std::string> parts;   // whole parts, heartbeats and close, as an assembler sees them
  std::string error;

  friend bool operator==(const outcome&, const outcome&) = default;
};

// Checks the order of events and the sizes of bodies while rendering them.
class recorder {
 public:
  explicit recorder(const limits& lim) : limits_(lim) {}

  void take(const event& e) {
    EVENTWIRE_FUZZ_CHECK(!closed_);
    if (e.kind != event_kind::body) flush_body();
    switch (e.kind) {
      case event_kind::part_begin:
        EVENTWIRE_FUZZ_CHECK(!in_part_);
        EVENTWIRE_FUZZ_CHECK(e.headers.size() <= limits_.max_header_fields);
        in_part_ = true;
        headers_.clear();
        headers_text_.clear();
        for (const header_field& f : e.headers) headers_text_.emplace_back(f.name), headers_text_.emplace_back(f.value);
        content_length_ = e.content_length;
        part_body_.clear();
        break;
      case event_kind::body:
        EVENTWIRE_FUZZ_CHECK(in_part_);
        EVENTWIRE_FUZZ_CHECK(!e.bytes.empty());
        body_.append(e.bytes);
        part_body_.append(e.bytes);
        EVENTWIRE_FUZZ_CHECK(part_body_.size() <= limits_.max_body);
        if (content_length_) EVENTWIRE_FUZZ_CHECK(part_body_.size() <= *content_length_);
        break;
      case event_kind::part_end: {
        EVENTWIRE_FUZZ_CHECK(in_part_);
        if (content_length_) EVENTWIRE_FUZZ_CHECK(part_body_.size() == *content_length_);
        in_part_ = false;
        for (std::size_t i = 0; i + 1 < headers_text_.size(); i += 2)
          headers_.push_back({headers_text_[i], headers_text_[i + 1]});
        out.parts.push_back(whole_part(headers_, content_length_, part_body_));
        break;
      }
      case event_kind::heartbeat:
        EVENTWIRE_FUZZ_CHECK(!in_part_);
        out.parts.push_back(render(e));
        break;
      case event_kind::close:
        EVENTWIRE_FUZZ_CHECK(!in_part_);
        closed_ = true;
        out.parts.push_back(render(e));
        break;
    }
    if (e.kind != event_kind::body) out.events.push_back(render(e));
  }

  void flush_body() {
    if (body_.empty()) return;
    out.events.push_back(render(event{event_kind::body, {}, {}, body_}));
    body_.clear();
  }

  static std::string render(const event& e) {
    std::ostringstream os;
    os << e;
    return os.str();
  }

  outcome out;

 private:
  limits limits_;
  bool in_part_ = false;
  bool closed_ = false;
  std::vector<std::string> headers_text_;
  std::vector<header_field> headers_;
  std::optional<std::uint64_t> content_length_;
  std::string part_body_;
  std::string body_;
};

// Feeds one piece to any codec of this shape, checking the feed contract; false on error.
template <class Codec, class Take>
bool feed_piece(Codec& codec, std::string_view piece, std::size_t most_held, Take&& take) {
  for (;;) {
    const feed_result r = codec.feed(piece);
    EVENTWIRE_FUZZ_CHECK(r.consumed <= piece.size());
    EVENTWIRE_FUZZ_CHECK(codec.buffer_capacity() <= most_held);
    piece.remove_prefix(r.consumed);
    if (r.state == status::error) return false;
    if (r.state == status::need_more) {
      EVENTWIRE_FUZZ_CHECK(piece.empty());
      return true;
    }
    take(codec.current());
  }
}

template <class Codec, class Take>
void finish(Codec& codec, Take&& take) {
  for (;;) {
    const feed_result r = codec.finish();
    EVENTWIRE_FUZZ_CHECK(r.consumed == 0);
    if (r.state != status::event) return;
    take(codec.current());
  }
}

std::size_t splitter_most_held(const limits& lim) {
  return std::max(lim.max_header_block, detail::delimiter::max_line);
}

outcome run_splitter(std::string_view boundary, const limits& lim, std::string_view body,
                     std::span<const std::size_t> cuts) {
  splitter s(boundary, lim);
  recorder rec(lim);
  bool ok = true;
  eventwire::testing::feed_in_chunks(body, cuts, [&](std::string_view piece) {
    if (ok) ok = feed_piece(s, piece, splitter_most_held(lim), [&](const event& e) { rec.take(e); });
  });
  if (ok) finish(s, [&](const event& e) { rec.take(e); });
  rec.flush_body();
  rec.out.error = s.error().message();
  return rec.out;
}

std::vector<std::string> run_assembler(std::string_view boundary, const limits& lim,
                                       std::string_view body, std::span<const std::size_t> cuts) {
  part_assembler a(boundary, lim);
  std::vector<std::string> items;
  const auto take = [&](const assembled& item) {
    if (item.kind == assembled_kind::part)
      items.push_back(whole_part(item.headers, item.content_length, item.body));
    else if (item.kind == assembled_kind::heartbeat)
      items.push_back(recorder::render(event{event_kind::heartbeat, {}, {}, item.body}));
    else
      items.push_back(recorder::render(event{event_kind::close, {}, {}, {}}));
  };
  // The splitter's buffer, the copied header block and the copied body.
  const std::size_t most_held = splitter_most_held(lim) + 2 * lim.max_header_block +
                                static_cast<std::size_t>(lim.max_body);
  bool ok = true;
  eventwire::testing::feed_in_chunks(body, cuts, [&](std::string_view piece) {
    if (ok) ok = feed_piece(a, piece, most_held, take);
  });
  if (ok) finish(a, take);
  items.push_back(a.error().message());
  return items;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto in = eventwire::fuzzing::split_seeded_input(data, size);
  if (!in) return 0;
  const std::string_view body = in->stream;

  const std::string_view boundary = (in->flags & 1) != 0 ? "--GENETECBOUNDARY" : "simple boundary";
  const limits lim = (in->flags & 2) != 0
                         ? limits{.max_header_block = 96, .max_header_fields = 3, .max_body = 256,
                                  .max_line = 48}
                         : limits{.max_header_block = 4096, .max_header_fields = 32,
                                  .max_body = 1 << 16, .max_line = 1024};

  const outcome whole = eventwire::fuzzing::same_whole_and_split(
      *in, [&](std::span<const std::size_t> cuts) { return run_splitter(boundary, lim, body, cuts); });

  std::vector<std::string> expected_items = whole.parts;
  expected_items.push_back(whole.error);
  EVENTWIRE_FUZZ_CHECK(run_assembler(boundary, lim, body, {}) == expected_items);
  EVENTWIRE_FUZZ_CHECK(run_assembler(boundary, lim, body, in->cuts()) == expected_items);
  return 0;
}
