// Differential: the ReceiveMessage decoder against Boost.JSON, which parses the argument and then
// the string inside it (what a naive client does). The input is tried as the argument itself and
// as a message escaped into an argument. Each layer's validity must agree with Boost.JSON, every
// other error must be about valid JSON, and a success must give the fields the DOM holds. A
// second decode with a size limit of half the input checks that the limit is exact.

#include <check.hpp>
#include <same_json.hpp>

#include <eventwire/clay/message_decoder.hpp>
#include <eventwire/json/error.hpp>
#include <eventwire/json/writer.hpp>

#include <boost/json.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace json = eventwire::json;
namespace clay = eventwire::clay;

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

void check_identifier(const std::optional<clay::identifier>& id, const boost::json::value* v) {
  EVENTWIRE_FUZZ_CHECK(id.has_value() == (v && !v->is_null()));
  if (!id) return;
  if (!id->is_number) {
    EVENTWIRE_FUZZ_CHECK(v->is_string() && decoded(id->text) == v->get_string());
    return;
  }
  const std::string_view digits = id->text.escaped;
  EVENTWIRE_FUZZ_CHECK(digits.find_first_of(".eE") == std::string_view::npos);
  if (v->is_int64()) {
    std::int64_t n = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), n);
    EVENTWIRE_FUZZ_CHECK(n == v->get_int64());
  } else if (v->is_uint64()) {
    std::uint64_t n = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), n);
    EVENTWIRE_FUZZ_CHECK(n == v->get_uint64());
  } else {
    EVENTWIRE_FUZZ_CHECK(v->is_double());  // an integer beyond 64 bits
  }
}

void check_argument(std::string_view argument) {
  clay::message_decoder decoder;
  std::string buffer;
  clay::message m;
  const std::error_code ec = decoder.decode(argument, clay::hub::entry, buffer, m);
  EVENTWIRE_FUZZ_CHECK(!ec || &ec.category() == &clay::error_category());
  EVENTWIRE_FUZZ_CHECK(buffer.size() <= decoder.configured_options().max_message_size);
  const bool depth = decoder.json_error() == json::error::depth_exceeded;

  const reference outer = parse_reference(argument);
  if (!outer.comparable) return;
  if (ec == clay::error::invalid_argument_json) {
    EVENTWIRE_FUZZ_CHECK(!outer.valid);
    EVENTWIRE_FUZZ_CHECK(decoder.error_offset() <= argument.size());
    return;
  }
  EVENTWIRE_FUZZ_CHECK(outer.valid);
  if (ec == clay::error::argument_not_string) {
    EVENTWIRE_FUZZ_CHECK(!outer.value.is_string());
    return;
  }
  EVENTWIRE_FUZZ_CHECK(outer.value.is_string());
  const std::string_view message_text = outer.value.get_string();
  EVENTWIRE_FUZZ_CHECK(ec != clay::error::message_too_large);  // inputs stay below the default
  const reference inner = parse_reference(message_text);
  if (!inner.comparable) return;
  if (ec == clay::error::invalid_message_json) {
    EVENTWIRE_FUZZ_CHECK(depth || !inner.valid);
    return;
  }
  EVENTWIRE_FUZZ_CHECK(inner.valid);
  if (ec == clay::error::message_not_object) {
    EVENTWIRE_FUZZ_CHECK(!inner.value.is_object());
    return;
  }
  EVENTWIRE_FUZZ_CHECK(inner.value.is_object());
  if (ec) return;  // wrong_type, invalid_timestamp, duplicate_key: about valid JSON
  const boost::json::object& object = inner.value.get_object();
  check_identifier(m.id, member(object, "id"));
  check_identifier(m.collection_id, member(object, "collectionId"));
  const boost::json::value* type = member(object, "type");
  EVENTWIRE_FUZZ_CHECK(m.type.has_value() == (type && !type->is_null()));
  if (m.type) EVENTWIRE_FUZZ_CHECK(decoded(*m.type) == type->get_string());
  const boost::json::value* time = member(object, "time");
  EVENTWIRE_FUZZ_CHECK(m.time.has_value() == (time && !time->is_null()));
  if (m.time) {
    eventwire::time::timestamp expected;
    EVENTWIRE_FUZZ_CHECK(eventwire::time::parse_iso8601(time->get_string(), expected));
    EVENTWIRE_FUZZ_CHECK(expected == m.time->value);
  }
  EVENTWIRE_FUZZ_CHECK(eventwire::fuzzing::same_json(m.json, inner.value));

  // The same message with a limit of half its size: refused exactly when it is longer.
  clay::message_decoder::options limited;
  limited.max_message_size = message_text.size() / 2;
  clay::message_decoder small(limited);
  std::string small_buffer;
  const std::error_code again = small.decode(argument, clay::hub::entry, small_buffer, m);
  EVENTWIRE_FUZZ_CHECK(small_buffer.size() <= limited.max_message_size);
  EVENTWIRE_FUZZ_CHECK((again == clay::error::message_too_large) ==
                       (message_text.size() > limited.max_message_size));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_argument(input);
  std::string escaped;
  json::append_string(escaped, input);
  check_argument(escaped);
  // The message decoded directly gives the same outcome as through its escaped argument, when
  // the escaped argument is valid (the input is UTF-8).
  clay::message_decoder direct;
  clay::message a;
  clay::message b;
  std::string buffer;
  clay::message_decoder through;
  const std::error_code via = through.decode(escaped, clay::hub::entry, buffer, b);
  if (via != clay::error::invalid_argument_json) {
    const std::error_code ec = direct.decode_message(input, clay::hub::entry, a);
    EVENTWIRE_FUZZ_CHECK(ec == via);
    if (!ec) EVENTWIRE_FUZZ_CHECK(a.json == b.json);
  }
  return 0;
}
