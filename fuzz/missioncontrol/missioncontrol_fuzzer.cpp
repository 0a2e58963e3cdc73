// Differential: the IncidentNotification and WebToken decoders against Boost.JSON's DOM. Whether
// the input is JSON must agree (invalid_json exactly when Boost.JSON refuses it), every other
// error must be about valid JSON, and a success must give the fields the DOM holds: the type
// name and its enum value, the incident id, the timestamp, and a payload view equal to the DOM.
// Texts that only Boost.JSON's exponent limit refuses (1e99999...) are not compared.

#include <check.hpp>
#include <same_json.hpp>

#include <eventwire/json/error.hpp>
#include <eventwire/missioncontrol/notification_decoder.hpp>
#include <eventwire/missioncontrol/web_token_decoder.hpp>

#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace {

namespace json = eventwire::json;
namespace mc = eventwire::missioncontrol;

struct reference {
  boost::json::value value;
  bool valid = false;
  bool comparable = true;  // false when only Boost.JSON's exponent limit refused the text
};

reference parse_reference(std::string_view text) {
  boost::json::parse_options options;
  options.max_depth = json::reader::default_max_depth;
  boost::system::error_code ec;
  reference ref;
  ref.value = boost::json::parse(text, ec, {}, options);
  ref.valid = !ec;
  ref.comparable = ec != boost::json::error::exponent_overflow;
  return ref;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// The member of `object` whose key equals `name` in any case (the decoder succeeded, so there
// is at most one).
const boost::json::value* member(const boost::json::object& object, std::string_view name) {
  for (const auto& kv : object)
    if (iequals(kv.key(), name)) return &kv.value();
  return nullptr;
}

std::string decoded(const json::raw_string& s) {
  std::string out;
  s.append_to(out);
  return out;
}

// The error codes that only valid JSON can produce.
void check_error_against(const reference& ref, std::error_code ec, std::error_code json_error) {
  if (!ref.comparable) return;
  if (ec == mc::error::invalid_json) {
    if (json_error == json::error::depth_exceeded) return;
    EVENTWIRE_FUZZ_CHECK(!ref.valid);
  } else {
    EVENTWIRE_FUZZ_CHECK(ref.valid);
  }
}

void check_notification(std::string_view input, const reference& ref) {
  mc::notification_decoder decoder;
  mc::incident_notification n;
  const std::error_code ec = decoder.decode(input, n);
  if (ec) {
    EVENTWIRE_FUZZ_CHECK(&ec.category() == &mc::error_category());
    EVENTWIRE_FUZZ_CHECK(decoder.error_offset() <= input.size());
    EVENTWIRE_FUZZ_CHECK(!decoder.describe_error().empty());
    check_error_against(ref, ec, decoder.json_error());
    return;
  }
  if (!ref.comparable) return;
  EVENTWIRE_FUZZ_CHECK(ref.valid && ref.value.is_object());
  const boost::json::object& object = ref.value.get_object();
  const boost::json::value* type = member(object, "Type");
  EVENTWIRE_FUZZ_CHECK(type && type->is_string() && !type->get_string().empty());
  EVENTWIRE_FUZZ_CHECK(decoded(n.type_name) == type->get_string());
  EVENTWIRE_FUZZ_CHECK(n.type == mc::parse_event_type(type->get_string()));
  const boost::json::value* id = member(object, "IncidentId");
  EVENTWIRE_FUZZ_CHECK(n.incident_id.has_value() == (id && !id->is_null()));
  if (n.incident_id) EVENTWIRE_FUZZ_CHECK(decoded(*n.incident_id) == id->get_string());
  const boost::json::value* timestamp = member(object, "Timestamp");
  EVENTWIRE_FUZZ_CHECK(n.timestamp.has_value() == (timestamp && !timestamp->is_null()));
  if (n.timestamp) {
    eventwire::time::timestamp expected;
    EVENTWIRE_FUZZ_CHECK(eventwire::time::parse_iso8601(timestamp->get_string(), expected));
    EVENTWIRE_FUZZ_CHECK(expected == n.timestamp->value);
  }
  EVENTWIRE_FUZZ_CHECK(n.payload_json.data() >= input.data() &&
                       n.payload_json.data() + n.payload_json.size() <= input.data() + input.size());
  EVENTWIRE_FUZZ_CHECK(eventwire::fuzzing::same_json(n.payload_json, ref.value));
}

void check_web_token(std::string_view input, const reference& ref) {
  mc::web_token_decoder decoder;
  mc::web_token t;
  const std::error_code ec = decoder.decode(input, t);
  if (ec) {
    EVENTWIRE_FUZZ_CHECK(&ec.category() == &mc::error_category());
    EVENTWIRE_FUZZ_CHECK(decoder.error_offset() <= input.size());
    check_error_against(ref, ec, decoder.json_error());
    return;
  }
  if (!ref.comparable) return;
  EVENTWIRE_FUZZ_CHECK(ref.valid && ref.value.is_object());
  const boost::json::object& object = ref.value.get_object();
  const boost::json::value* token = member(object, "Token");
  EVENTWIRE_FUZZ_CHECK(token && token->is_string() && !token->get_string().empty());
  EVENTWIRE_FUZZ_CHECK(decoded(t.token) == token->get_string());
  const boost::json::value* ms = member(object, "MillisecondsValid");
  EVENTWIRE_FUZZ_CHECK(t.valid_for.has_value() == (ms && !ms->is_null()));
  if (t.valid_for) {
    EVENTWIRE_FUZZ_CHECK(ms->is_int64() || ms->is_uint64());
    const std::int64_t v = ms->is_int64() ? ms->get_int64() : static_cast<std::int64_t>(ms->get_uint64());
    EVENTWIRE_FUZZ_CHECK(v >= 0 && v <= std::numeric_limits<std::int32_t>::max());
    EVENTWIRE_FUZZ_CHECK(t.valid_for->count() == v);
  }
  const boost::json::value* until = member(object, "ValidUntil");
  EVENTWIRE_FUZZ_CHECK(t.valid_until.has_value() == (until && !until->is_null()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const reference ref = parse_reference(input);
  check_notification(input, ref);
  check_web_token(input, ref);
  return 0;
}
