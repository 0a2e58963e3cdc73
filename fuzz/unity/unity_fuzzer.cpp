// Differential: the Unity decoders against Boost.JSON. The fetch page decoder, the position
// decoder and the error answer decoder each read the input; whatever one accepts, Boost.JSON
// must parse, and every field decoded must equal Boost.JSON's value at the same key (keys found
// ignoring ASCII case, as the decoders match them). What Boost.JSON rejects, the decoders must
// reject, and where the page decoder calls the text invalid JSON, Boost.JSON must agree. A prefix
// of an accepted page (cut before its closing brace) must be invalid JSON. The first input bytes
// also choose a position request, whose encoding must parse back to the same request.

#include <check.hpp>
#include <same_json.hpp>

#include <eventwire/json/error.hpp>
#include <eventwire/time/timestamp.hpp>
#include <eventwire/unity/api_error_decoder.hpp>
#include <eventwire/unity/detail/key_match.hpp>
#include <eventwire/unity/fetch_page_decoder.hpp>
#include <eventwire/unity/position.hpp>
#include <eventwire/unity/position_decoder.hpp>

#include <boost/json/error.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace {

namespace json = eventwire::json;
namespace unity = eventwire::unity;

std::string decoded(const json::raw_string& s) {
  std::string out;
  s.append_to(out);
  return out;
}

// The member of `o` whose key matches `key` ignoring ASCII case; the decoder has made sure there
// is at most one among the keys it knows.
const boost::json::value* member(const boost::json::object& o, std::string_view key) {
  const boost::json::value* found = nullptr;
  for (const auto& kv : o)
    if (unity::detail::keys_match(kv.key(), key)) found = &kv.value();
  return found;
}

bool same_string(const boost::json::value* v, const json::raw_string& s) {
  return v && v->is_string() && std::string_view(v->as_string()) == decoded(s);
}

// Boost.JSON's verdict: 1 valid, 0 invalid, -1 no verdict (an exponent it cannot hold).
int boost_verdict(std::string_view text, boost::json::value& out) {
  boost::json::parse_options options;
  options.max_depth = json::reader::default_max_depth;
  boost::system::error_code ec;
  out = boost::json::parse(text, ec, {}, options);
  if (ec == boost::json::error::exponent_overflow) return -1;
  return ec ? 0 : 1;
}

void check_notification(const boost::json::value& v, const unity::notification& n) {
  EVENTWIRE_FUZZ_CHECK(v.is_object());
  const boost::json::object& o = v.as_object();
  EVENTWIRE_FUZZ_CHECK(same_string(member(o, "EventType"), n.event_type));
  EVENTWIRE_FUZZ_CHECK(same_string(member(o, "EventObjectName"), n.event_object_name));
  EVENTWIRE_FUZZ_CHECK(same_string(member(o, "UnityAPIEventId"), n.event_id));
  const boost::json::value* event = member(o, decoded(n.event_object_name));
  EVENTWIRE_FUZZ_CHECK(event && event->is_object());
  EVENTWIRE_FUZZ_CHECK(eventwire::fuzzing::same_json(n.event_json, *event));
  EVENTWIRE_FUZZ_CHECK(eventwire::fuzzing::same_json(n.notification_json, v));
  const boost::json::value* timestamp = member(event->as_object(), "Timestamp");
  EVENTWIRE_FUZZ_CHECK(same_string(timestamp, n.time.text));
  eventwire::time::timestamp parsed;
  EVENTWIRE_FUZZ_CHECK(eventwire::time::parse_iso8601(std::string_view(timestamp->as_string()), parsed));
  EVENTWIRE_FUZZ_CHECK(parsed == n.time.value);
}

void check_page(std::string_view input) {
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  const std::error_code ec = decoder.decode(input, page);
  boost::json::value reference;
  const int verdict = boost_verdict(input, reference);
  if (ec) {
    EVENTWIRE_FUZZ_CHECK(&ec.category() == &unity::error_category());
    EVENTWIRE_FUZZ_CHECK(decoder.error_offset() <= input.size());
    if (ec == unity::error::invalid_json &&
        decoder.json_error() != eventwire::json::error::depth_exceeded)
      EVENTWIRE_FUZZ_CHECK(verdict != 1);
    return;
  }
  EVENTWIRE_FUZZ_CHECK(verdict != 0);
  if (verdict != 1) return;
  const boost::json::object& o = reference.as_object();
  EVENTWIRE_FUZZ_CHECK(same_string(member(o, "SubscriptionId"), page.subscription_id));
  EVENTWIRE_FUZZ_CHECK(same_string(member(o, "NextPosition"), page.next_position));
  EVENTWIRE_FUZZ_CHECK(!page.next_position.escaped.empty());
  const boost::json::value* count = member(o, "Count");
  EVENTWIRE_FUZZ_CHECK(count && count->to_number<std::uint64_t>() == page.count);
  const boost::json::value* more = member(o, "MoreAvailable");
  EVENTWIRE_FUZZ_CHECK(more && more->is_bool() && more->as_bool() == page.more_available);
  const boost::json::value* list = member(o, "Notifications");
  EVENTWIRE_FUZZ_CHECK(list && list->is_array());
  EVENTWIRE_FUZZ_CHECK(list->as_array().size() == page.notifications.size());
  EVENTWIRE_FUZZ_CHECK(page.count == page.notifications.size());
  for (std::size_t i = 0; i < page.notifications.size(); ++i)
    check_notification(list->as_array()[i], page.notifications[i]);

  // Cut before the closing brace, the page is invalid JSON.
  const std::size_t close = input.rfind('}');
  const std::size_t cut = input.empty() ? 0 : static_cast<unsigned char>(input[0]) * close / 256;
  unity::fetch_page_decoder again;
  EVENTWIRE_FUZZ_CHECK(again.decode(input.substr(0, cut), page) == unity::error::invalid_json);
}

void check_position(std::string_view input) {
  unity::position_decoder decoder;
  json::raw_string position;
  const std::error_code ec = decoder.decode(input, position);
  boost::json::value reference;
  const int verdict = boost_verdict(input, reference);
  if (ec) {
    EVENTWIRE_FUZZ_CHECK(&ec.category() == &unity::error_category());
    EVENTWIRE_FUZZ_CHECK(decoder.error_offset() <= input.size());
    return;
  }
  EVENTWIRE_FUZZ_CHECK(verdict != 0);
  if (verdict == 1) {
    EVENTWIRE_FUZZ_CHECK(same_string(member(reference.as_object(), "Position"), position));
    EVENTWIRE_FUZZ_CHECK(!position.escaped.empty());
  }
}

void check_api_error(std::string_view input) {
  unity::api_error_decoder decoder;
  unity::api_error e;
  const std::error_code ec = decoder.decode(input, e);
  boost::json::value reference;
  const int verdict = boost_verdict(input, reference);
  if (ec) {
    EVENTWIRE_FUZZ_CHECK(&ec.category() == &unity::error_category());
    return;
  }
  EVENTWIRE_FUZZ_CHECK(verdict != 0);
  if (verdict != 1) return;
  const boost::json::object& o = reference.as_object();
  EVENTWIRE_FUZZ_CHECK(e.error || e.message);
  if (e.error) EVENTWIRE_FUZZ_CHECK(same_string(member(o, "error"), *e.error));
  if (e.message) EVENTWIRE_FUZZ_CHECK(same_string(member(o, "Message"), *e.message));
  if (e.description) EVENTWIRE_FUZZ_CHECK(same_string(member(o, "error_description"), *e.description));
  if (e.status_code) {
    const boost::json::value* status = member(o, "statusCode");
    EVENTWIRE_FUZZ_CHECK(status && status->to_number<std::int64_t>() == *e.status_code);
  }
}

void check_position_request(std::string_view input) {
  if (input.size() < 9) return;
  std::uint64_t bits;
  std::memcpy(&bits, input.data() + 1, 8);
  using eventwire::time::ticks;
  // Any instant from 0001-01-01 to 9999-12-31, in 100 ns ticks since 1970.
  constexpr std::int64_t first = -621355968000000000;
  constexpr std::int64_t span = 3155378975999999999;
  const unity::position_request request{
      static_cast<unity::position_type>(static_cast<unsigned char>(input[0]) % 4),
      eventwire::time::utc_time(ticks(first + static_cast<std::int64_t>(bits % span)))};
  const std::string body = unity::encode_position_request(request);
  const boost::json::value v = boost::json::parse(body);
  const boost::json::object& o = v.as_object();
  EVENTWIRE_FUZZ_CHECK(o.at("PositionType").as_string() == unity::wire_name(request.type));
  if (request.type != unity::position_type::date) {
    EVENTWIRE_FUZZ_CHECK(o.size() == 1);
    return;
  }
  eventwire::time::timestamp parsed;
  EVENTWIRE_FUZZ_CHECK(
      eventwire::time::parse_iso8601(std::string_view(o.at("StartDate").as_string()), parsed));
  EVENTWIRE_FUZZ_CHECK(!parsed.has_offset);
  EVENTWIRE_FUZZ_CHECK(parsed.utc == request.start_date);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_page(input);
  check_position(input);
  check_api_error(input);
  check_position_request(input);
  return 0;
}
