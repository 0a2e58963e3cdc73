#include "samples.hpp"

#include <eventwire/clay/error.hpp>
#include <eventwire/clay/message_decoder.hpp>
#include <eventwire/json/error.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace clay = eventwire::clay;
namespace samples = clay_samples;
using clay::error;
using samples::outcome;

BOOST_AUTO_TEST_SUITE(clay_message_decoder_errors)

BOOST_AUTO_TEST_CASE(the_argument_must_be_valid_json) {
  using eventwire::json::error;
  struct row {
    std::string argument;
    error json_error;
  };
  const row rows[] = {
      {"", error::unexpected_end},
      {"   ", error::unexpected_end},
      {"\"{}", error::unexpected_end},
      {"\"{}\" \"\"", error::trailing_data},
      {"\"\\q\"", error::invalid_escape},
      {"\"\xff\"", error::invalid_utf8},
      {"\"a\x01\"", error::control_character_in_string},
      {"\"\\ud800\\n1234\"", error::invalid_escape},
      {"[1,", error::unexpected_end},
      {"{\"a\" 1}", error::unexpected_character},
      {"x", error::unexpected_character},
  };
  for (const row& r : rows) {
    BOOST_TEST_CONTEXT(r.argument) {
      clay::message_decoder decoder;
      std::string buffer;
      clay::message m;
      BOOST_TEST((decoder.decode(r.argument, clay::hub::incident, buffer, m) ==
                  clay::error::invalid_argument_json));
      BOOST_TEST((decoder.json_error() == r.json_error));
      BOOST_TEST(decoder.error_key() == "");
      BOOST_TEST(decoder.error_offset() <= r.argument.size());
    }
  }
}

BOOST_AUTO_TEST_CASE(the_argument_must_be_a_string) {
  for (const char* argument : {"{}", samples::incident.data(), "[\"{}\"]", "1", "null", "true"}) {
    BOOST_TEST(samples::decode_outcome(argument) == (outcome{error::argument_not_string, ""}),
               argument);
  }
}

BOOST_AUTO_TEST_CASE(the_message_must_be_valid_json) {
  using eventwire::json::error;
  struct row {
    std::string message;
    const char* key;
    error json_error;
  };
  const row rows[] = {
      {"", "", error::unexpected_end},
      {"{", "", error::unexpected_end},
      {"{} x", "", error::trailing_data},
      {R"({"id":"a",})", "", error::unexpected_character},
      {R"({"lock":[1,]})", "lock", error::unexpected_character},
      {R"({"id":"a\q"})", "id", error::invalid_escape},
      {"{\"type\":\"\x01\"}", "type", error::control_character_in_string},
      {R"({"x":-})", "x", error::invalid_number},
      {R"({"x":01})", "", error::unexpected_character},
      {R"({"id":tru})", "id", error::unexpected_character},
      {R"({"type":[1,]})", "type", error::unexpected_character},
      {R"({"time":{"a"}})", "time", error::unexpected_character},
      {"[1,", "", error::unexpected_end},
  };
  for (const row& r : rows) {
    BOOST_TEST_CONTEXT(r.message) {
      clay::message_decoder decoder;
      std::string buffer;
      clay::message m;
      BOOST_TEST((decoder.decode(samples::argument_of(r.message), clay::hub::entry, buffer, m) ==
                  clay::error::invalid_message_json));
      BOOST_TEST(decoder.error_key() == r.key);
      BOOST_TEST((decoder.json_error() == r.json_error));
      BOOST_TEST(decoder.error_offset() <= r.message.size());
    }
  }
}

BOOST_AUTO_TEST_CASE(the_message_must_be_an_object) {
  for (const char* message : {"[]", "\"x\"", "1", "null", "true", " [{\"id\":1}] "})
    BOOST_TEST(samples::message_outcome(message) == (outcome{error::message_not_object, ""}),
               message);
}

BOOST_AUTO_TEST_CASE(nesting_beyond_the_depth_limit_is_invalid_message_json) {
  clay::message_decoder::options o;
  o.max_depth = 3;
  clay::message_decoder decoder(o);
  clay::message m;
  BOOST_TEST(!decoder.decode_message(R"({"a":[[1]]})", clay::hub::entry, m));
  BOOST_TEST((decoder.decode_message(R"({"a":[[[1]]]})", clay::hub::entry, m) ==
              error::invalid_message_json));
  BOOST_TEST((decoder.json_error() == eventwire::json::error::depth_exceeded));
  BOOST_TEST(decoder.error_key() == "a");
}

BOOST_AUTO_TEST_CASE(every_wrong_type_is_named) {
  struct row {
    const char* key;
    std::vector<const char*> values;
  };
  const row rows[] = {
      {"id", {"true", "{}", "[]", "1.5", "1e3", "-0.0"}},
      {"collectionId", {"false", "{\"a\":1}", "[\"x\"]", "2.0", "7E1"}},
      {"type", {"1", "true", "{}", "[]"}},
      {"time", {"1715678497", "true", "{}", "[]"}},
  };
  for (const row& r : rows) {
    for (const char* value : r.values) {
      const std::string message = std::string("{\"") + r.key + "\":" + value + "}";
      BOOST_TEST_CONTEXT(message) {
        BOOST_TEST(samples::message_outcome(message) == (outcome{error::wrong_type, r.key}));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(invalid_timestamps) {
  for (const char* value : {R"("")", R"("now")", R"("2024-02-30T00:00:00Z")", R"("2024-05-14")",
                            R"("2024-05-14T09:21:37+2")"}) {
    const std::string message = std::string(R"({"id":"a","time":)") + value + "}";
    BOOST_TEST_CONTEXT(message) {
      clay::message_decoder decoder;
      clay::message m;
      BOOST_TEST((decoder.decode_message(message, clay::hub::incident, m) == error::invalid_timestamp));
      BOOST_TEST(decoder.error_key() == "time");
      BOOST_TEST(message.substr(decoder.error_offset(), std::string_view(value).size()) == value);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_known_key_given_twice_in_any_case_is_an_error) {
  BOOST_TEST(samples::message_outcome(R"({"id":"a","id":"b"})") == (outcome{error::duplicate_key, "id"}));
  BOOST_TEST(samples::message_outcome(R"({"type":null,"TYPE":"b"})") ==
             (outcome{error::duplicate_key, "type"}));
  BOOST_TEST(samples::message_outcome(R"({"collectionId":1,"collectionid":2})") ==
             (outcome{error::duplicate_key, "collectionId"}));
  BOOST_TEST(!samples::message_outcome(R"({"x":1,"x":2})").code);
}

// Every message error but invalid_message_json is about valid JSON: invalid JSON later wins.
BOOST_AUTO_TEST_CASE(invalid_json_after_another_error_takes_precedence) {
  for (const char* message : {R"({"id":true,)", R"({"id":"a","ID":"b","x":[})",
                              R"({"time":"now"} x)"}) {
    clay::message_decoder decoder;
    clay::message m;
    BOOST_TEST((decoder.decode_message(message, clay::hub::entry, m) == error::invalid_message_json),
               message);
    BOOST_TEST(decoder.error_key() == "");
  }
}

BOOST_AUTO_TEST_CASE(describe_error_says_where) {
  clay::message_decoder decoder;
  clay::message m;
  BOOST_TEST((decoder.decode_message(R"({"id":true})", clay::hub::incident, m) == error::wrong_type));
  BOOST_TEST(decoder.describe_error() ==
             "value has the wrong type at \"id\" (expected a JSON string) at offset 6");
  BOOST_TEST(!decoder.decode_message("{}", clay::hub::incident, m));
  BOOST_TEST(decoder.describe_error() == "no error");
  BOOST_TEST(decoder.error_key() == "");
  std::string buffer;
  BOOST_TEST((decoder.decode("[]", clay::hub::incident, buffer, m) == error::argument_not_string));
  BOOST_TEST(decoder.describe_error() == "argument is not a JSON string at offset 0");
}

BOOST_AUTO_TEST_SUITE_END()
