#include "samples.hpp"

#include <eventwire/json/error.hpp>
#include <eventwire/portos/error.hpp>
#include <eventwire/portos/notification_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace portos = eventwire::portos;
namespace samples = portos_samples;
using portos::error;
using samples::outcome;

namespace {

outcome expect(error e, const std::string& path) { return {e, path}; }

// The input copied into a heap block of exactly its size, so ASan sees any read past its end.
outcome decode_exact(std::string_view json) {
  const auto copy = std::make_unique<char[]>(json.size() + (json.empty() ? 1 : 0));
  std::memcpy(copy.get(), json.data(), json.size());
  return samples::decode_outcome(std::string_view(copy.get(), json.size()));
}

const char* const required_keys[] = {
    "e",     "s",     "s.c",   "s.u",      "s.u.u",    "s.u.d",    "ca",
    "p",     "p.u",   "p.u.u", "p.u.d",    "p.n",      "p.a",      "p.i",
    "p.i.i", "p.i.n", "p.r",   "p.r[0].i", "p.r[0].n", "p.r[1].i", "p.r[1].n"};

const char* const string_keys[] = {"e",        "s.c",      "s.u.u", "s.u.d", "s.u.f", "r",
                                   "p.n",      "p.u.u",    "p.u.d", "p.u.f", "p.i.i", "p.i.n",
                                   "p.r[0].i", "p.r[1].n", "ca",    "ea"};
const char* const object_keys[] = {"s", "s.u", "p", "p.u", "p.i", "p.r[0]", "p.r[1]"};
const char* const optional_keys[] = {"r", "ea", "s.u.f", "p.u.f", "p.i.v", "p.r[0].v"};

bool is_optional(std::string_view path) {
  for (const char* k : optional_keys)
    if (path == k) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(portos_notification_decoder_errors)

BOOST_AUTO_TEST_CASE(every_missing_required_key_is_named) {
  for (const char* path : required_keys) {
    const std::string json = samples::without(samples::resources_changed, path);
    BOOST_TEST_CONTEXT(json) { BOOST_TEST(decode_exact(json) == expect(error::missing_key, path)); }
  }
}

BOOST_AUTO_TEST_CASE(every_wrong_type_is_named) {
  std::vector<std::pair<std::string, std::vector<const char*>>> rows;
  for (const char* path : string_keys)
    rows.push_back({path, {"1", "true", "{}", "[\"x\"]", "-0.5"}});
  for (const char* path : object_keys) rows.push_back({path, {"\"x\"", "1", "[]", "false"}});
  rows.push_back({"p.r", {"{}", "\"x\"", "7"}});
  rows.push_back({"p.a", {"\"1\"", "true", "{}", "[1]"}});
  for (const char* path : {"p.i.v", "p.r[0].v"})
    rows.push_back(
        {path, {"\"7\"", "7.5", "1e3", "true", "99999999999999999999", "-9223372036854775809"}});
  for (auto& [path, values] : rows) {
    if (!is_optional(path)) values.push_back("null");
    for (const char* value : values) {
      const std::string json = samples::with(samples::resources_changed, path, value);
      BOOST_TEST_CONTEXT(json) {
        BOOST_TEST(decode_exact(json) == expect(error::wrong_type, path));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_wrong_type_reports_the_json_error_behind_it) {
  portos::notification_decoder decoder;
  portos::notification n;
  BOOST_TEST((decoder.decode(samples::with(samples::resources_changed, "s.u", "[]"), n) ==
              error::wrong_type));
  BOOST_TEST((decoder.json_error() == eventwire::json::error::expected_object));
  BOOST_TEST(decoder.describe_error() ==
             "value has the wrong type at s.u (expected a JSON object) at offset " +
                 std::to_string(decoder.error_offset()));
  const std::string json = samples::with(samples::resources_changed, "p.i.v", "1.5");
  BOOST_TEST((decoder.decode(json, n) == error::wrong_type));
  BOOST_TEST(json.substr(decoder.error_offset(), 3) == "1.5");
  const std::string action = samples::with(samples::resources_changed, "p.a", "17");
  BOOST_TEST((decoder.decode(action, n) == error::unknown_action));
  BOOST_TEST(action.substr(decoder.error_offset(), 4) == "17,\"");
}

BOOST_AUTO_TEST_CASE(optional_keys_may_not_have_other_types) {
  BOOST_TEST(decode_exact(samples::with(samples::resources_changed, "r", "5")) ==
             expect(error::wrong_type, "r"));
  BOOST_TEST(decode_exact(samples::with(samples::resources_changed, "ea", "{}")) ==
             expect(error::wrong_type, "ea"));
}

BOOST_AUTO_TEST_CASE(invalid_timestamps) {
  for (const char* path : {"ca", "ea"}) {
    for (const char* value :
         {R"("")", R"("yesterday")", R"("2024-02-30T00:00:00Z")", R"("2024-05-14 25:00:00Z")",
          R"("2024-05-14T09:21:37+2")", R"("2024-05-14T09:21:37Z ")", R"("2024-05-14")"}) {
      const std::string json = samples::with(samples::resources_changed, path, value);
      BOOST_TEST_CONTEXT(json) {
        BOOST_TEST(decode_exact(json) == expect(error::invalid_timestamp, path));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(unknown_actions_name_p_a) {
  for (const char* value : {"0", "4", "-1", "1.0", "2e0", "10", "255"}) {
    const std::string json = samples::with(samples::resources_changed, "p.a", value);
    BOOST_TEST_CONTEXT(json) {
      BOOST_TEST(decode_exact(json) == expect(error::unknown_action, "p.a"));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_key_given_twice_is_an_error) {
  const std::string_view base = samples::licence_activated;
  const std::string tail(base.substr(1));
  const std::string twice_e = R"({"e":"portos.resources.changed",)" + tail;
  const std::string twice_s = R"({"s":{"c":"x","u":{"u":"a","d":"b"}},)" + tail;
  BOOST_TEST(decode_exact(twice_e) == expect(error::duplicate_key, "e"));
  BOOST_TEST(decode_exact(twice_s) == expect(error::duplicate_key, "s"));
  std::string inner(samples::resources_changed);
  inner.replace(inner.find(R"("v":7})"), 6, R"("v":7,"v":8})");
  BOOST_TEST(decode_exact(inner) == expect(error::duplicate_key, "p.i.v"));
}

BOOST_AUTO_TEST_CASE(a_key_given_twice_inside_is_named) {
  std::string json(samples::licence_activated);  // not through Boost.JSON, which keeps one "u"
  json.replace(json.find(R"("d":"System")"), 0, R"("u":"again",)");
  BOOST_TEST(decode_exact(json) == expect(error::duplicate_key, "s.u.u"));
}

BOOST_AUTO_TEST_CASE(errors_inside_a_payload_that_came_first_are_named_and_placed) {
  const std::string changed = samples::with(samples::resources_changed, "p.i.v", "\"7\"");
  const std::string_view whole = changed;
  const std::size_t p = whole.find(",\"p\":");
  const std::string reordered = "{" + std::string(whole.substr(p + 1, whole.size() - p - 2)) + "," +
                                std::string(whole.substr(1, p - 1)) + "}";
  portos::notification_decoder decoder;
  portos::notification n;
  BOOST_TEST((decoder.decode(reordered, n) == error::wrong_type));
  BOOST_TEST(decoder.error_path() == "p.i.v");
  BOOST_TEST(reordered.substr(decoder.error_offset(), 3) == "\"7\"");
  BOOST_TEST(
      decode_exact(R"({"p":[],"e":"portos.resources.changed","s":{"c":"x","u":{"u":"a","d":"b"}},)"
                   R"("ca":"2024-05-14T07:00:00Z"})") == expect(error::wrong_type, "p"));
}

BOOST_AUTO_TEST_CASE(invalid_json_under_an_unknown_key_names_that_key) {
  BOOST_TEST(decode_exact(R"({"zz":[1,}"})") == expect(error::invalid_json, "zz"));
  BOOST_TEST(decode_exact(R"({"s":{"":[0e+]}})") == expect(error::invalid_json, R"(s."")"));
  BOOST_TEST(decode_exact(R"({"":tru})") == expect(error::invalid_json, R"("")"));
}

BOOST_AUTO_TEST_CASE(the_document_must_be_an_object) {
  for (const char* json : {"[]", "\"x\"", "1", "null"})
    BOOST_TEST(decode_exact(json) == expect(error::wrong_type, ""), json);
}

BOOST_AUTO_TEST_CASE(invalid_json_names_where_it_broke_and_why) {
  using eventwire::json::error;
  struct row {
    std::string json;
    const char* path;
    error json_error;
  };
  std::string base(samples::licence_activated);
  const std::string control = samples::with(base, "s.u.d", "\"XX\"");
  const row rows[] = {
      {"", "", error::unexpected_end},
      {"{", "", error::unexpected_end},
      {"{\"e\" \"x\"}", "", error::unexpected_character},
      {std::string(base).replace(base.find("\"s\""), 0, "x"), "", error::unexpected_character},
      {std::string(control).replace(control.find("XX"), 2, "\x01"), "s.u.d",
       error::control_character_in_string},
      {std::string(base).replace(base.find("\"PRT"), 1, "\"\\q"), "p", error::invalid_escape},
      {std::string(base).replace(base.find("\"Licensing\""), 11, "nul"), "s.u.f",
       error::unexpected_character},
      {std::string(base) + "}", "", error::trailing_data},
      {std::string(base) + " x", "", error::trailing_data},
      {std::string(base).replace(base.find("\"System\""), 0, "\"\xff\","), "s.u.u",
       error::invalid_utf8},
      {std::string(base).replace(base.find("[\"pos\""), 1, "[-x,"), "p", error::invalid_number},
  };
  for (const row& r : rows) {
    BOOST_TEST_CONTEXT(r.json) {
      portos::notification_decoder decoder;
      portos::notification n;
      BOOST_TEST((decoder.decode(r.json, n) == portos::error::invalid_json));
      BOOST_TEST(decoder.error_path() == r.path);
      BOOST_TEST((decoder.json_error() == r.json_error));
    }
  }
}

BOOST_AUTO_TEST_CASE(nesting_beyond_the_depth_limit_is_invalid_json) {
  portos::notification_decoder decoder(portos::notification_decoder::limits{.max_depth = 8});
  portos::notification n;
  const std::string deep = samples::with(samples::licence_activated, "p", "[[[[[[[[[1]]]]]]]]]");
  BOOST_TEST((decoder.decode(deep, n) == portos::error::invalid_json));
  BOOST_TEST(decoder.error_path() == "p");
  BOOST_TEST((decoder.json_error() == eventwire::json::error::depth_exceeded));
}

BOOST_AUTO_TEST_CASE(affected_resources_beyond_the_limit_are_an_error) {
  portos::notification_decoder decoder(
      portos::notification_decoder::limits{.max_affected_resources = 2});
  portos::notification n;
  BOOST_TEST(!decoder.decode(samples::resources_changed, n));
  const std::string three =
      samples::with(samples::resources_changed, "p.r",
                    R"([{"i":"a","n":"A"},{"i":"b","n":"B"},{"i":"c","n":"C"}])");
  BOOST_TEST((decoder.decode(three, n) == portos::error::too_many_elements));
  BOOST_TEST(decoder.error_path() == "p.r");
  BOOST_TEST((std::error_code(portos::error::too_many_elements) ==
              eventwire::codec::condition::limit_exceeded));
}

// A truncated notification is an error wherever it was cut, never a crash or an over-read.
BOOST_AUTO_TEST_CASE(every_prefix_of_a_valid_notification_is_an_error) {
  for (std::string_view sample : {samples::resources_changed, samples::licence_activated}) {
    for (std::size_t size = 0; size < sample.size(); ++size) {
      const outcome got = decode_exact(sample.substr(0, size));
      BOOST_TEST_CONTEXT("prefix of " << size << " bytes: " << sample.substr(0, size)) {
        BOOST_TEST((got.code == portos::error::invalid_json));
      }
    }
    BOOST_TEST(!decode_exact(sample).code);
  }
}

BOOST_AUTO_TEST_CASE(an_error_clears_with_the_next_success) {
  portos::notification_decoder decoder;
  portos::notification n;
  BOOST_TEST(!!decoder.decode("{}", n));
  BOOST_TEST(decoder.error_path() == "e");
  BOOST_TEST(!decoder.decode(samples::licence_activated, n));
  BOOST_TEST(decoder.error_path() == "");
  BOOST_TEST(!decoder.json_error());
  BOOST_TEST(decoder.describe_error() == "no error");
}

BOOST_AUTO_TEST_SUITE_END()
