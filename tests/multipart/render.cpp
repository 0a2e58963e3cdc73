#include "render.hpp"

#include <eventwire/multipart/part_assembler.hpp>
#include <eventwire/multipart/splitter.hpp>
#include <eventwire/testing/chunks.hpp>

#include <sstream>

namespace eventwire::multipart::testing {
namespace {

template <class T>
std::string text(const T& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

// Drives any codec with the feed/finish/current/error shape and hands each item to `take`.
// Breaches of the feed contract go to `out` as lines of their own.
template <class Codec, class Take>
void drive(Codec& codec, std::string_view input, std::span<const std::size_t> cuts, Take&& take,
           std::vector<std::string>& out) {
  bool failed = false;
  eventwire::testing::feed_in_chunks(input, cuts, [&](std::string_view piece) {
    while (!failed) {
      const codec::feed_result r = codec.feed(piece);
      if (r.consumed > piece.size()) {
        out.push_back("contract: consumed " + text(r.consumed) + " of " + text(piece.size()));
        failed = true;
        return;
      }
      piece.remove_prefix(r.consumed);
      if (r.state == codec::status::event) {
        take(codec.current());
        continue;
      }
      if (r.state == codec::status::error) failed = true;
      else if (!piece.empty()) out.push_back("contract: need_more with bytes left");
      return;
    }
  });
  while (!failed) {
    const codec::feed_result r = codec.finish();
    if (r.consumed != 0) out.push_back("contract: finish consumed bytes");
    if (r.state == codec::status::event) take(codec.current());
    else break;
  }
}

}  // namespace

std::vector<std::string> split_events(std::string_view boundary, std::string_view input,
                                      std::span<const std::size_t> cuts, limits lim) {
  splitter s(boundary, lim);
  std::vector<std::string> out;
  std::string body;
  bool in_body = false;
  auto flush = [&] {
    if (in_body) out.push_back(text(event{event_kind::body, {}, {}, body}));
    body.clear();
    in_body = false;
  };
  drive(s, input, cuts, [&](const event& e) {
    if (e.kind == event_kind::body) {
      if (e.bytes.empty()) out.push_back("contract: empty body event");
      body.append(e.bytes);
      in_body = true;
      return;
    }
    flush();
    out.push_back(text(e));
  }, out);
  flush();
  if (s.error()) out.push_back("error: " + s.error().message());
  return out;
}

std::vector<std::string> assembled_items(std::string_view boundary, std::string_view input,
                                         std::span<const std::size_t> cuts, limits lim) {
  part_assembler a(boundary, lim);
  std::vector<std::string> out;
  drive(a, input, cuts, [&](const assembled& item) { out.push_back(text(item)); }, out);
  if (a.error()) out.push_back("error: " + a.error().message());
  return out;
}

std::vector<std::string> events_at_offsets(std::string_view boundary, std::string_view input) {
  splitter s(boundary);
  std::vector<std::string> out;
  std::size_t at = 0;
  for (;;) {
    const codec::feed_result r = s.feed(input.substr(at));
    at += r.consumed;
    if (r.state != codec::status::event) break;
    out.push_back(text(s.current()) + " @" + text(at));
  }
  if (s.error()) out.push_back("error: " + s.error().message());
  return out;
}

}  // namespace eventwire::multipart::testing
