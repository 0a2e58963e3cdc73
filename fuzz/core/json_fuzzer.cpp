// Differential: the JSON reader and Boost.JSON must agree on which texts are valid JSON (within
// the reader's depth limit) and on what a string decodes to; every string the reader decodes must
// survive a round trip through the writer and decode alike through the bounded decoder.

#include <eventwire/json/reader.hpp>
#include <eventwire/json/writer.hpp>

#include <boost/json/error.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "check.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace json = eventwire::json;

// Walks a value with the reader's structured calls (not skip), decoding and re-encoding every
// string on the way.
void walk(json::reader& r) {
  std::string scratch;
  switch (r.peek()) {
    case json::value_kind::object:
      r.begin_object();
      for (json::raw_string key; r.next_member(key);) {
        const std::string decoded(key.decode(scratch));
        EVENTWIRE_FUZZ_CHECK(key.equals(decoded));
        EVENTWIRE_FUZZ_CHECK(!key.equals(decoded + "x"));
        if (!decoded.empty()) EVENTWIRE_FUZZ_CHECK(!key.equals(decoded.substr(1)));
        walk(r);
      }
      break;
    case json::value_kind::array:
      r.begin_array();
      while (r.next_element()) walk(r);
      break;
    case json::value_kind::string: {
      json::raw_string s;
      if (!r.read_string(s)) break;
      const std::string decoded(s.decode(scratch));
      // The bounded decoder agrees, and needs exactly the decoded length.
      std::string room(s.escaped.size(), '\0');
      std::size_t written = 0;
      EVENTWIRE_FUZZ_CHECK(s.decode_into(room.data(), room.size(), written));
      EVENTWIRE_FUZZ_CHECK(std::string_view(room.data(), written) == decoded);
      if (!decoded.empty()) EVENTWIRE_FUZZ_CHECK(!s.decode_into(room.data(), decoded.size() - 1, written));
      std::string encoded;
      json::append_string(encoded, decoded);
      json::reader again(encoded);
      json::raw_string t;
      EVENTWIRE_FUZZ_CHECK(again.read_string(t) && again.finish());
      EVENTWIRE_FUZZ_CHECK(t.decode(scratch) == decoded);
      break;
    }
    default:
      r.skip();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  json::reader skipper(text);
  std::string_view raw;
  skipper.skip(&raw);
  const bool skipped = skipper.finish();

  json::reader walker(text);
  walk(walker);
  const bool walked = walker.finish();
  EVENTWIRE_FUZZ_CHECK(skipped == walked);
  EVENTWIRE_FUZZ_CHECK(skipper.offset() <= size);
  if (skipped) EVENTWIRE_FUZZ_CHECK(raw.data() >= text.data() && raw.size() <= size);

  boost::json::parse_options options;
  options.max_depth = json::reader::default_max_depth;
  boost::system::error_code ec;
  const boost::json::value reference = boost::json::parse(text, ec, {}, options);
  // A string decodes to Boost.JSON's string, and taken as already validated it is the same view.
  if (!ec && reference.is_string() && skipped) {
    json::raw_string validated;
    EVENTWIRE_FUZZ_CHECK(json::raw_string::from_validated(raw, validated));
    std::string scratch;
    EVENTWIRE_FUZZ_CHECK(validated.decode(scratch) == std::string_view(reference.get_string()));
    json::reader again(text);
    json::raw_string read;
    EVENTWIRE_FUZZ_CHECK(again.read_string(read));
    EVENTWIRE_FUZZ_CHECK(read.escaped == validated.escaped && read.has_escapes == validated.has_escapes);
  }
  // Both bound depth at the same limit. Boost.JSON also rejects exponents it cannot hold in an
  // int (1e9999999999); the reader only validates the grammar and converts on demand.
  if (ec == boost::json::error::exponent_overflow) return 0;
  EVENTWIRE_FUZZ_CHECK(skipped == !ec);
  return 0;
}
