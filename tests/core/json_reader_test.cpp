#include <eventwire/json/reader.hpp>

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

using eventwire::json::error;
using eventwire::json::raw_string;
using eventwire::json::reader;
using eventwire::json::value_kind;

namespace {

// Skips the whole text as one value and reports the error code (empty when valid).
std::error_code validate(std::string_view text, std::size_t max_depth = reader::default_max_depth) {
  reader r(text, max_depth);
  r.skip();
  r.finish();
  return r.error_code();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_reader)

BOOST_AUTO_TEST_CASE(walks_an_object_and_reads_views_into_the_text) {
  const std::string text = R"( {"type": 1, "target":"OnEvent", "ok":true, "none":null,
    "args":[1, "two", {"three":3}], "pi": -3.5e2} )";
  reader r(text);
  BOOST_TEST(r.begin_object());
  std::vector<std::string> keys;
  std::int64_t type = 0;
  raw_string target;
  bool ok = false;
  std::string_view args, pi_text;
  for (raw_string key; r.next_member(key);) {
    keys.emplace_back(key.escaped);
    if (key.equals("type")) BOOST_TEST(r.read_int64(type));
    else if (key.equals("target")) BOOST_TEST(r.read_string(target));
    else if (key.equals("ok")) BOOST_TEST(r.read_bool(ok));
    else if (key.equals("none")) BOOST_TEST(r.try_null());
    else if (key.equals("args")) BOOST_TEST(r.skip(&args));
    else if (key.equals("pi")) BOOST_TEST(r.read_number(pi_text));
  }
  BOOST_TEST(r.finish());
  BOOST_TEST(r.ok());
  BOOST_TEST(keys == (std::vector<std::string>{"type", "target", "ok", "none", "args", "pi"}),
             boost::test_tools::per_element());
  BOOST_TEST(type == 1);
  BOOST_TEST(target.escaped == "OnEvent");
  BOOST_TEST(static_cast<const void*>(target.escaped.data()) ==
             static_cast<const void*>(text.data() + text.find("OnEvent")));
  BOOST_TEST(ok);
  BOOST_TEST(args == R"([1, "two", {"three":3}])");
  BOOST_TEST(pi_text == "-3.5e2");
}

BOOST_AUTO_TEST_CASE(walks_arrays_element_by_element) {
  reader r(R"([ "a" , 2 ,[ ], {} ])");
  BOOST_TEST(r.begin_array());
  std::vector<value_kind> kinds;
  while (r.next_element()) {
    kinds.push_back(r.peek());
    BOOST_TEST(r.skip());
  }
  BOOST_TEST(r.finish());
  BOOST_TEST((kinds == std::vector<value_kind>{value_kind::string, value_kind::number,
                                               value_kind::array, value_kind::object}));
}

BOOST_AUTO_TEST_CASE(empty_containers) {
  reader r("{}");
  BOOST_TEST(r.begin_object());
  raw_string key;
  BOOST_TEST(!r.next_member(key));
  BOOST_TEST(r.finish());
  reader a("[]");
  BOOST_TEST(a.begin_array());
  BOOST_TEST(!a.next_element());
  BOOST_TEST(a.finish());
}

BOOST_AUTO_TEST_CASE(numbers) {
  std::int64_t i = 0;
  BOOST_TEST(reader("-9223372036854775808").read_int64(i));
  BOOST_TEST(i == INT64_MIN);
  reader big("9223372036854775808");
  BOOST_TEST(!big.read_int64(i));
  BOOST_TEST(big.error_code() == error::number_out_of_range);
  std::uint64_t u = 0;
  BOOST_TEST(reader("18446744073709551615").read_uint64(u));
  BOOST_TEST(u == UINT64_MAX);
  reader negative("-1");
  BOOST_TEST(!negative.read_uint64(u));
  BOOST_TEST(negative.error_code() == error::number_out_of_range);
  reader fraction("1.5");
  BOOST_TEST(!fraction.read_int64(i));
  BOOST_TEST(fraction.error_code() == error::expected_number);
  double d = 0;
  BOOST_TEST(reader("2.5E-3").read_double(d));
  BOOST_TEST(d == 0.0025);
  for (std::string_view bad : {"01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "--1"})
    BOOST_TEST_CONTEXT(bad) { BOOST_TEST(validate(bad)); }
  for (std::string_view good : {"0", "-0", "10", "1.25", "1e5", "1E+5", "1e-5", "-0.0e0"})
    BOOST_TEST_CONTEXT(good) { BOOST_TEST(!validate(good)); }
}

BOOST_AUTO_TEST_CASE(strings_are_validated) {
  BOOST_TEST(validate("\"a\x01\"") == error::control_character_in_string);
  BOOST_TEST(validate(R"("\x")") == error::invalid_escape);
  BOOST_TEST(validate(R"("\u12G4")") == error::invalid_escape);
  BOOST_TEST(validate(R"("\uDC00")") == error::invalid_escape);
  BOOST_TEST(validate(R"("\uD800")") == error::unexpected_end);
  BOOST_TEST(validate(R"("\uD800\u0041")") == error::invalid_escape);
  BOOST_TEST(validate(R"("\uD800x23456")") == error::invalid_escape);
  BOOST_TEST(!validate(R"("\uD83D\uDE00")"));
  BOOST_TEST(validate("\"abc") == error::unexpected_end);
  BOOST_TEST(validate("\"abc\\") == error::unexpected_end);
  // UTF-8: valid two, three and four byte sequences, then the classic invalid forms.
  BOOST_TEST(!validate("\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\""));
  for (std::string_view bad : {"\"\xC0\xAF\"", "\"\xE0\x80\xAF\"", "\"\xED\xA0\x80\"",
                               "\"\xF4\x90\x80\x80\"", "\"\xF5\x80\x80\x80\"", "\"\x80\"",
                               "\"\xC3\"", "\"\xE2\x82\""})
    BOOST_TEST(validate(bad) == error::invalid_utf8);
}

BOOST_AUTO_TEST_CASE(long_strings_take_the_word_at_a_time_path) {
  std::string s(1000, 'x');
  for (std::size_t special = 0; special < 24; ++special) {
    std::string text = "\"" + s + "\"";
    text[1 + special] = '\\';
    text.insert(2 + special, "n");
    reader r(text);
    raw_string out;
    BOOST_TEST_CONTEXT("escape at " << special) {
      BOOST_TEST(r.read_string(out));
      BOOST_TEST(out.has_escapes);
      BOOST_TEST(out.escaped.size() == s.size() + 1);
      BOOST_TEST(r.finish());
    }
  }
  const std::string quoted = "\"" + s + "\"";
  reader plain(quoted);
  raw_string out;
  BOOST_TEST(plain.read_string(out));
  BOOST_TEST(!out.has_escapes);
}

// The scanner walks a word at a time and from one flagged byte to the next inside a word; every
// kind of special sequence, valid or not, is tried at every offset from a word boundary, several
// in a row (as in a JSON document escaped inside a string), with the error's offset checked.
BOOST_AUTO_TEST_CASE(special_sequences_at_every_offset_in_a_word) {
  struct sample {
    std::string_view text;
    error expected;           // error{} when valid
    std::size_t error_at;     // offset of the error inside `text`
  };
  const sample samples[] = {
      {R"(\")", error{}, 0},
      {R"(\\)", error{}, 0},
      {R"(\/\b\f\n\r\t)", error{}, 0},
      {R"(\u00e9)", error{}, 0},
      {R"(\uD83D\uDE00)", error{}, 0},
      {"\xC3\xA9", error{}, 0},
      {"\xE2\x82\xAC", error{}, 0},
      {"\xF0\x9F\x98\x80", error{}, 0},
      {R"(\x)", error::invalid_escape, 0},
      {R"(\u12G4)", error::invalid_escape, 0},
      {R"(\uDC00)", error::invalid_escape, 6},
      {R"(\uD800\u0041)", error::invalid_escape, 6},
      {"\x01", error::control_character_in_string, 0},
      {"\xC3(", error::invalid_utf8, 0},
      {"\xE2\x82(", error::invalid_utf8, 0},
  };
  for (const sample& one : samples) {
    for (std::size_t pad = 0; pad < 17; ++pad) {
      for (int repeats = 1; repeats <= 3; ++repeats) {
        std::string body(pad, 'a');
        for (int i = 0; i < repeats; ++i) body += std::string(one.text) + "b";
        const std::string text = "\"" + body + "\"";
        BOOST_TEST_CONTEXT("sample " << text << " pad " << pad << " repeats " << repeats) {
          reader r(text);
          raw_string out;
          const bool ok = r.read_string(out);
          BOOST_TEST(ok == (one.expected == error{}));
          if (ok) {
            BOOST_TEST(out.escaped == body);
            BOOST_TEST(out.has_escapes == (one.text.front() == '\\'));
            BOOST_TEST(r.finish());
          } else {
            BOOST_TEST(r.error_code() == one.expected);
            BOOST_TEST(r.offset() == 1 + pad + one.error_at);  // the first sample is the one that fails
          }
        }
      }
    }
  }
  // A string cut off inside or right after a special sequence, at every offset.
  const std::pair<std::string_view, error> cuts[] = {
      {R"(\)", error::unexpected_end},
      {R"(\u00)", error::unexpected_end},
      {R"(\uD83D)", error::unexpected_end},
      {R"(\"b)", error::unexpected_end},
      {"\xC3\xA9", error::unexpected_end},
      {"\xE2\x82", error::invalid_utf8},  // a sequence cut by the end is as invalid as a broken one
  };
  for (std::size_t pad = 0; pad < 17; ++pad) {
    for (const auto& [tail, expected] : cuts) {
      const std::string text = "\"" + std::string(pad, 'a') + std::string(tail);
      BOOST_TEST_CONTEXT("cut " << text) {
        reader r(text);
        raw_string out;
        BOOST_TEST(!r.read_string(out));
        BOOST_TEST(r.error_code() == expected);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(structure_errors) {
  BOOST_TEST(validate("") == error::unexpected_end);
  BOOST_TEST(validate("   ") == error::unexpected_end);
  BOOST_TEST(validate("{") == error::unexpected_end);
  BOOST_TEST(validate("{\"a\"}") == error::unexpected_character);
  BOOST_TEST(validate("{\"a\":1,}") == error::unexpected_character);
  BOOST_TEST(validate("{,\"a\":1}") == error::unexpected_character);
  BOOST_TEST(validate("[1,]") == error::unexpected_character);
  BOOST_TEST(validate("[1 2]") == error::unexpected_character);
  BOOST_TEST(validate("[1}") == error::unexpected_character);
  BOOST_TEST(validate("{a:1}") == error::unexpected_character);
  BOOST_TEST(validate("tru") == error::unexpected_end);
  BOOST_TEST(validate("nul1") == error::unexpected_character);
  BOOST_TEST(validate("{} {}") == error::trailing_data);
  BOOST_TEST(validate("@") == error::unexpected_character);
}

BOOST_AUTO_TEST_CASE(depth_is_limited) {
  const std::string deep = std::string(64, '[') + std::string(64, ']');
  BOOST_TEST(!validate(deep));
  const std::string deeper = std::string(65, '[') + std::string(65, ']');
  BOOST_TEST(validate(deeper) == error::depth_exceeded);
  BOOST_TEST(validate(deeper) == eventwire::codec::condition::limit_exceeded);
  BOOST_TEST(validate("[[[]]]", 2) == error::depth_exceeded);
  const std::string hostile(100000, '[');
  BOOST_TEST(validate(hostile) == error::depth_exceeded);
}

BOOST_AUTO_TEST_CASE(type_errors_and_the_first_error_sticks) {
  reader r(R"({"a":"text"})");
  BOOST_TEST(r.begin_object());
  raw_string key;
  BOOST_TEST(r.next_member(key));
  std::int64_t n = 0;
  BOOST_TEST(!r.read_int64(n));
  BOOST_TEST(r.error_code() == error::expected_number);
  BOOST_TEST(r.offset() == 5u);
  BOOST_TEST(!r.next_member(key));
  BOOST_TEST(!r.finish());
  BOOST_TEST(r.fail(error::expected_object) == false);
  BOOST_TEST(r.error_code() == error::expected_number);
  BOOST_TEST(r.error_code() == eventwire::codec::condition::protocol_violation);

  reader s("[1]");
  BOOST_TEST(!s.begin_object());
  BOOST_TEST(s.error_code() == error::expected_object);
  reader t("{}");
  BOOST_TEST(!t.begin_array());
  BOOST_TEST(t.error_code() == error::expected_array);
  bool b = false;
  reader u("1");
  BOOST_TEST(!u.read_bool(b));
  BOOST_TEST(u.error_code() == error::expected_boolean);
  raw_string str;
  reader v("1");
  BOOST_TEST(!v.read_string(str));
  BOOST_TEST(v.error_code() == error::expected_string);
}

BOOST_AUTO_TEST_CASE(agrees_with_boost_json_on_validity) {
  const std::string_view cases[] = {
      R"({"a":[1,2,{"b":null}],"c":"\u00e9\n","d":-1.5e10})", R"([])", R"("\/")",
      R"({"a":1,"a":2})", "[1,2", R"({"a" 1})", "[\"\t\"]", "1e400", "[-]", "\"\xFF\"",
      "  true  ", "{\"x\":[[[[[]]]]]}", "[0.1e-0]"};
  for (std::string_view text : cases) {
    boost::system::error_code ec;
    boost::json::parse(text, ec);
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(!validate(text) == !ec); }
  }
}

BOOST_AUTO_TEST_CASE(error_messages) {
  const std::pair<error, std::string_view> expected[] = {
      {error::unexpected_end, "JSON text ended unexpectedly"},
      {error::unexpected_character, "unexpected character in JSON text"},
      {error::control_character_in_string, "control character inside a JSON string"},
      {error::invalid_escape, "invalid escape sequence in a JSON string"},
      {error::invalid_utf8, "invalid UTF-8 in a JSON string"},
      {error::invalid_number, "invalid JSON number"},
      {error::number_out_of_range, "JSON number out of range"},
      {error::depth_exceeded, "JSON nesting exceeds the depth limit"},
      {error::trailing_data, "unexpected data after the JSON value"},
      {error::expected_object, "expected a JSON object"},
      {error::expected_array, "expected a JSON array"},
      {error::expected_string, "expected a JSON string"},
      {error::expected_number, "expected a JSON number"},
      {error::expected_boolean, "expected a JSON boolean"},
  };
  for (const auto& [code, text] : expected)
    BOOST_TEST(std::error_code(code).message() == text);
  BOOST_TEST(std::string(std::error_code(error::unexpected_end).category().name()) == "eventwire.json");
}

BOOST_AUTO_TEST_SUITE_END()
