// Decodes the input as a Portos notification and as a Subscribe payload. Neither may crash; what
// decodes must survive a round trip: re-encoded with the JSON writer and decoded again, it gives
// the same fields (the second encoding equals the first byte for byte).

#include <check.hpp>

#include <eventwire/json/writer.hpp>
#include <eventwire/portos/notification_decoder.hpp>
#include <eventwire/portos/subscription_decoder.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace json = eventwire::json;
namespace portos = eventwire::portos;

void put_string(std::string& out, const json::raw_string& s) {
  std::string decoded;
  json::append_string(out, s.decode(decoded));
}

void put_key(std::string& out, std::string_view key) {
  if (out.back() != '{') out += ',';
  json::append_string(out, key);
  out += ':';
}

void put_optional(std::string& out, std::string_view key,
                  const std::optional<json::raw_string>& s) {
  if (s) put_key(out, key), put_string(out, *s);
}

void put_resource(std::string& out, const portos::resource_info& r) {
  out += '{';
  put_key(out, "i"), put_string(out, r.id);
  put_key(out, "n"), put_string(out, r.name);
  if (r.version) put_key(out, "v"), json::append_int(out, *r.version);
  out += '}';
}

void put_change(std::string& out, const portos::resources_changed& p) {
  out += '{';
  put_key(out, "u"), out += '{';
  put_key(out, "u"), put_string(out, p.user.user_id);
  put_key(out, "d"), put_string(out, p.user.display_name);
  put_optional(out, "f", p.user.feature);
  out += '}';
  put_key(out, "n"), put_string(out, p.resource_name);
  put_key(out, "a"), json::append_int(out, static_cast<int>(p.action));
  put_key(out, "i"), put_resource(out, p.resource);
  put_key(out, "r"), out += '[';
  for (std::size_t i = 0; i < p.affected.size(); ++i) {
    if (i != 0) out += ',';
    put_resource(out, p.affected[i]);
  }
  out += "]}";
}

// The notification's fields as JSON, in a fixed key order, every string decoded and re-escaped.
std::string encode(const portos::notification& n) {
  std::string out = "{";
  put_key(out, "e"), put_string(out, n.event);
  put_key(out, "s"), out += '{';
  put_key(out, "c"), put_string(out, n.sender.connection_id);
  put_key(out, "u"), out += '{';
  put_key(out, "u"), put_string(out, n.sender.user.user_name);
  put_key(out, "d"), put_string(out, n.sender.user.device);
  put_optional(out, "f", n.sender.user.feature);
  out += "}}";
  put_optional(out, "r", n.reference);
  put_key(out, "ca"), put_string(out, n.created_at.text);
  if (n.expires_at) put_key(out, "ea"), put_string(out, n.expires_at->text);
  put_key(out, "p");
  if (n.change)
    put_change(out, *n.change);
  else
    out += n.payload_json;
  out += '}';
  return out;
}

void check_notification(std::string_view input) {
  portos::notification_decoder decoder;
  portos::notification first;
  if (const std::error_code ec = decoder.decode(input, first)) {
    EVENTWIRE_FUZZ_CHECK(&ec.category() == &portos::error_category());
    EVENTWIRE_FUZZ_CHECK(decoder.error_offset() <= input.size());
    return;
  }
  EVENTWIRE_FUZZ_CHECK(decoder.error_path().empty());
  EVENTWIRE_FUZZ_CHECK(first.payload_json.data() >= input.data() &&
                       first.payload_json.data() + first.payload_json.size() <=
                           input.data() + input.size());
  const std::string encoded = encode(first);

  portos::notification_decoder again;
  portos::notification second;
  EVENTWIRE_FUZZ_CHECK(!again.decode(encoded, second));
  EVENTWIRE_FUZZ_CHECK(encode(second) == encoded);
  EVENTWIRE_FUZZ_CHECK(second.created_at.value == first.created_at.value);
  EVENTWIRE_FUZZ_CHECK(second.expires_at.has_value() == first.expires_at.has_value());
  if (first.expires_at) EVENTWIRE_FUZZ_CHECK(second.expires_at->value == first.expires_at->value);
  EVENTWIRE_FUZZ_CHECK(second.change.has_value() == first.change.has_value());
  if (first.change) {
    EVENTWIRE_FUZZ_CHECK(second.change->action == first.change->action);
    EVENTWIRE_FUZZ_CHECK(second.change->affected.size() == first.change->affected.size());
  }
}

void check_subscription(std::string_view input) {
  portos::subscription_decoder decoder;
  portos::subscription first;
  if (const std::error_code ec = decoder.decode(input, first)) {
    EVENTWIRE_FUZZ_CHECK(&ec.category() == &portos::error_category());
    EVENTWIRE_FUZZ_CHECK(decoder.error_offset() <= input.size());
    return;
  }
  const std::string encoded = portos::encode_subscription(first);
  portos::subscription second;
  EVENTWIRE_FUZZ_CHECK(!decoder.decode(encoded, second));
  EVENTWIRE_FUZZ_CHECK(second == first);
  EVENTWIRE_FUZZ_CHECK(portos::encode_subscription(second) == encoded);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_notification(input);
  check_subscription(input);
  return 0;
}
