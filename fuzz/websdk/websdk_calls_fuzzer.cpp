// Builds Web SDK calls from pieces of the input (split at NUL bytes): whatever the arguments, a
// call either fails with a websdk error and leaves the query as it was, or gives a request whose
// target percent-decodes to its text and whose query holds no control character. Also feeds the
// input to the ConnectionId line parser and the DynamicContent context extraction, whose output
// is never longer than its input.

#include <check.hpp>

#include <eventwire/websdk/alarm_calls.hpp>
#include <eventwire/websdk/connection_id.hpp>
#include <eventwire/websdk/dynamic_content.hpp>
#include <eventwire/websdk/entity_query.hpp>
#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/event_requests.hpp>
#include <eventwire/websdk/guid.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace websdk = eventwire::websdk;
using websdk::entity_ref;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    EVENTWIRE_FUZZ_CHECK(i + 2 < text.size() + 0 && hex_value(text[i + 1]) >= 0 &&
                         hex_value(text[i + 2]) >= 0);
    out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
    i += 2;
  }
  return out;
}

void check_request(const websdk::request& r) {
  const std::string target = r.target();
  for (const char c : target) {
    const auto b = static_cast<unsigned char>(c);
    EVENTWIRE_FUZZ_CHECK(b > 0x20 && b < 0x7F && c != '{' && c != '}' && c != '#');
  }
  // Segments may hold an encoded '/', so compare the query, and the path segment by segment.
  const std::size_t q = target.find("?q=");
  if (!r.query.empty()) {
    EVENTWIRE_FUZZ_CHECK(q != std::string::npos);
    EVENTWIRE_FUZZ_CHECK(percent_decoded(std::string_view(target).substr(q + 3)) == r.query);
    for (const char c : r.query) EVENTWIRE_FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20);
  }
  std::string path;
  for (const std::string& s : r.path) path += '/' + s;
  if (r.path.empty() || r.trailing_slash) path += '/';
  EVENTWIRE_FUZZ_CHECK(percent_decoded(std::string_view(target).substr(0, q)) == path);
}

template <class Builder>
void check_call(Builder& b, std::error_code ec, const std::string& before) {
  if (ec) {
    EVENTWIRE_FUZZ_CHECK(&ec.category() == &websdk::error_category());
    EVENTWIRE_FUZZ_CHECK(b.query() == before);
  } else {
    EVENTWIRE_FUZZ_CHECK(b.query().size() > before.size());
  }
}

// The i-th piece, or the empty string.
struct pieces {
  std::vector<std::string_view> items;
  std::string_view operator[](std::size_t i) const {
    return i < items.size() ? items[i] : std::string_view();
  }
  std::int64_t number(std::size_t i) const {
    std::uint64_t n = 0;
    for (const char c : (*this)[i]) n = n * 31 + static_cast<unsigned char>(c) - 40;
    return static_cast<std::int64_t>(n);
  }
};

void check_calls(std::string_view input) {
  pieces p;
  for (std::size_t start = 0;;) {
    const std::size_t end = input.find('\0', start);
    p.items.push_back(input.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  // A piece as a GUID, a logical id or an entity type, chosen by its first byte.
  auto entity = [&](std::size_t i) {
    const std::string_view t = p[i];
    switch (t.empty() ? 0 : static_cast<unsigned char>(t[0]) % 3) {
      case 0: return entity_ref::guid(t.empty() ? websdk::nil_guid : t.substr(1));
      case 1: return entity_ref::logical_id(t.substr(1), static_cast<std::uint32_t>(p.number(i)));
      default: return entity_ref::entity_type(t.substr(1));
    }
  };

  const std::array<websdk::event_filter, 2> filters{{{entity(0), p[1]}, {entity(2), p[3]}}};
  websdk::request r;
  if (!websdk::subscribe_request(filters, r, 300)) check_request(r);
  if (!websdk::raise_custom_event_request(p.number(4), entity(0), p[5], r)) check_request(r);
  if (!websdk::raise_event_request(p[1], entity(2), r)) check_request(r);

  websdk::alarm_calls calls(512);
  const std::array<std::string_view, 2> guids{p[6], p[7]};
  const std::array<std::string_view, 1> urls{p[8]};
  const std::array<websdk::alarm_instance, 2> instances{{{p.number(9), p[6]}, {p.number(10), p[7]}}};
  std::string before = calls.query();
  websdk::alarm_content_args content{.context = p[11],
                                     .priority = p.number(12) % 300,
                                     .attached_entities = guids,
                                     .forwarded_recipients = std::span(guids).first(1),
                                     .urls = urls};
  check_call(calls, calls.trigger_alarm({.alarm = entity(0), .source = entity(2), .content = content}),
             before);
  before = calls.query();
  check_call(calls,
             calls.trigger_alarm({.alarm = entity(2),
                                  .content = websdk::alarm_content_args{.context = p[5]},
                                  .location = websdk::geo_coordinate{
                                      static_cast<double>(p.number(13) % 200) / 2.1,
                                      static_cast<double>(p.number(14) % 400) / 2.2,
                                      static_cast<int>(p.number(15) % 14)}}),
             before);
  before = calls.query();
  check_call(calls, calls.acknowledge_alarms(instances, websdk::ack_type::nack), before);
  before = calls.query();
  check_call(calls, calls.forward_alarm(p.number(9), guids), before);
  before = calls.query();
  check_call(calls, calls.edit_alarm_context(p.number(10), p[6], p[11]), before);
  if (!calls.empty()) check_request(calls.to_request());

  websdk::entity_query q(entity(0), 512);
  before = q.query();
  check_call(q, q.custom_events_add(p.number(4), p[11], p[1]), before);
  before = q.query();
  check_call(q, q.recipients_add(p[6], std::chrono::seconds(p.number(15))), before);
  if (!q.empty()) check_request(q.to_request());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_calls(input);

  std::string_view id;
  if (!websdk::parse_connection_id_line(input, id)) EVENTWIRE_FUZZ_CHECK(websdk::is_guid(id));

  std::string context = "x";
  bool found = false;
  const std::error_code ec = websdk::append_dynamic_context(input, context, found, 1 + size / 2);
  EVENTWIRE_FUZZ_CHECK(context.size() <= 1 + size);
  if (ec || !found) EVENTWIRE_FUZZ_CHECK(context == "x");
  return 0;
}
