#include "samples.hpp"

#include <eventwire/clay/message_decoder.hpp>
#include <eventwire/signalr/hub_message_decoder.hpp>
#include <eventwire/time/timestamp.hpp>

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

namespace clay = eventwire::clay;
namespace samples = clay_samples;
using eventwire::json::raw_string;

namespace {

std::string text(const raw_string& s) {
  std::string out;
  s.append_to(out);
  return out;
}

std::string utc_text(const eventwire::time::timestamp& t) {
  std::string out;
  eventwire::time::append_rfc3339(out, t.utc);
  return out;
}

bool inside(std::string_view view, const char* begin, std::size_t size) {
  return view.data() >= begin && view.data() + view.size() <= begin + size;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(clay_message_decoder)

BOOST_AUTO_TEST_CASE(decodes_an_incident_message_from_its_escaped_argument) {
  auto copy = std::make_unique<samples::exact_copy>(samples::argument_of(samples::incident));
  auto buffer = std::make_unique<std::string>();
  clay::message_decoder decoder;
  clay::message m;
  BOOST_REQUIRE(!decoder.decode(copy->view(), clay::hub::incident, *buffer, m));
  BOOST_TEST(decoder.error_key() == "");
  BOOST_TEST((m.hub == clay::hub::incident));
  BOOST_TEST(m.json == samples::incident);
  BOOST_TEST(inside(m.json, buffer->data(), buffer->size()));  // unescaped into the buffer
  BOOST_TEST(buffer->size() <= copy->size);
  BOOST_REQUIRE(m.id);
  BOOST_TEST(!m.id->is_number);
  BOOST_TEST(text(m.id->text) == "5b0e7c1a-3f2d-4e8b-9a6c-0d1e2f3a4b5c");
  BOOST_REQUIRE(m.type);
  BOOST_TEST(text(*m.type) == "DoorLeftOpen");
  BOOST_REQUIRE(m.time);
  BOOST_TEST(utc_text(m.time->value) == "2024-05-14T09:21:37.512Z");
  BOOST_TEST(m.time->text.escaped == "2024-05-14T09:21:37.512Z");
  BOOST_REQUIRE(m.collection_id);
  BOOST_TEST(text(m.collection_id->text) == "a1b2c3d4-e5f6-4711-8899-aabbccddeeff");
  copy.reset();
  buffer.reset();  // any use of m's views from here on would be a use after free
}

BOOST_AUTO_TEST_CASE(decodes_an_entry_message_with_numeric_ids) {
  clay::message_decoder decoder;
  std::string buffer;
  clay::message m;
  BOOST_REQUIRE(!decoder.decode(samples::argument_of(samples::entry), clay::hub::entry, buffer, m));
  BOOST_TEST((m.hub == clay::hub::entry));
  BOOST_TEST(m.id->is_number);
  BOOST_TEST(m.id->text.escaped == "90817");
  BOOST_TEST(m.collection_id->is_number);
  BOOST_TEST(m.collection_id->text.escaped == "42");
  BOOST_TEST(text(*m.type) == "Entry");
  BOOST_TEST(utc_text(m.time->value) == "2024-05-14T09:21:37Z");
  BOOST_TEST(m.time->value.offset_minutes == 120);
  BOOST_TEST(m.json == samples::entry);
}

// The inner strings stay escaped once more: "Gate \"7\" \u00e9" inside the message.
BOOST_AUTO_TEST_CASE(strings_inside_the_message_keep_their_own_escapes) {
  clay::message_decoder decoder;
  std::string buffer;
  clay::message m;
  const std::string message = R"({"type":"A\"B\u00e9","id":"\u0031"})";
  BOOST_REQUIRE(!decoder.decode(samples::argument_of(message), clay::hub::incident, buffer, m));
  BOOST_TEST(m.type->escaped == R"(A\"B\u00e9)");
  BOOST_TEST(text(*m.type) == "A\"B\xc3\xa9");
  BOOST_TEST(text(m.id->text) == "1");
}

BOOST_AUTO_TEST_CASE(an_argument_without_escapes_is_read_in_place) {
  const std::string argument = R"(  "{}" )";
  clay::message_decoder decoder;
  std::string buffer;
  clay::message m;
  BOOST_REQUIRE(!decoder.decode(argument, clay::hub::entry, buffer, m));
  BOOST_TEST(m.json == "{}");
  BOOST_TEST(inside(m.json, argument.data(), argument.size()));
  BOOST_TEST(buffer.empty());
  BOOST_TEST(!m.id);
  BOOST_TEST(!m.type);
  BOOST_TEST(!m.time);
  BOOST_TEST(!m.collection_id);
}

BOOST_AUTO_TEST_CASE(every_prefix_of_the_argument_is_invalid_argument_json) {
  for (std::string_view message : {samples::incident, samples::entry}) {
    const std::string argument = samples::argument_of(message);
    for (std::size_t size = 0; size < argument.size(); ++size) {
      BOOST_TEST_CONTEXT("prefix of " << size << " bytes: " << argument.substr(0, size)) {
        BOOST_TEST((samples::decode_outcome(argument.substr(0, size)).code ==
                    clay::error::invalid_argument_json));
      }
    }
    BOOST_TEST(!samples::decode_outcome(argument).code);
  }
}

BOOST_AUTO_TEST_CASE(every_prefix_of_the_message_is_invalid_message_json) {
  for (std::string_view message : {samples::incident, samples::entry}) {
    for (std::size_t size = 0; size < message.size(); ++size) {
      const std::string_view prefix = message.substr(0, size);
      if (size != 0 && prefix.back() == '\\') continue;  // not a whole character
      BOOST_TEST_CONTEXT("prefix of " << size << " bytes: " << prefix) {
        BOOST_TEST((samples::message_outcome(prefix).code == clay::error::invalid_message_json));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(one_buffer_serves_every_decode_and_never_shrinks) {
  clay::message_decoder decoder;
  std::string buffer;
  clay::message m;
  const std::string big = samples::argument_of(samples::incident);
  const std::string small = samples::argument_of(samples::entry);
  BOOST_REQUIRE(!decoder.decode(big, clay::hub::incident, buffer, m));
  const std::size_t grown = buffer.size();
  const char* const data = buffer.data();
  for (int i = 0; i < 3; ++i) {
    BOOST_REQUIRE(!decoder.decode(small, clay::hub::entry, buffer, m));
    BOOST_TEST(m.json == samples::entry);
    BOOST_REQUIRE(!decoder.decode(big, clay::hub::incident, buffer, m));
    BOOST_TEST(m.json == samples::incident);
  }
  BOOST_TEST(buffer.size() == grown);
  BOOST_TEST((buffer.data() == data));
}

BOOST_AUTO_TEST_CASE(the_size_limit_is_exact_on_both_paths) {
  const std::string message(samples::incident);
  clay::message_decoder::options o;
  o.max_message_size = message.size();
  BOOST_TEST(!samples::decode_outcome(samples::argument_of(message), o).code);
  const std::string plain = R"("{\"n\":1}")";  // escaped: 7 bytes decoded
  o.max_message_size = 7;
  BOOST_TEST(!samples::decode_outcome(plain, o).code);
  const std::string unescaped = R"("{}")";
  o.max_message_size = 2;
  BOOST_TEST(!samples::decode_outcome(unescaped, o).code);

  o.max_message_size = message.size() - 1;
  BOOST_TEST((samples::decode_outcome(samples::argument_of(message), o) ==
              samples::outcome{clay::error::message_too_large, ""}));
  o.max_message_size = 6;
  BOOST_TEST((samples::decode_outcome(plain, o).code == clay::error::message_too_large));
  o.max_message_size = 1;
  BOOST_TEST((samples::decode_outcome(unescaped, o).code == clay::error::message_too_large));
  clay::message_decoder decoder(o);
  std::string buffer;
  clay::message m;
  BOOST_TEST((decoder.decode(samples::argument_of(message), clay::hub::incident, buffer, m) ==
              clay::error::message_too_large));
  BOOST_TEST(buffer.size() <= 1u);  // the buffer never grows past the limit
  BOOST_TEST((decoder.decode_message("{ }", clay::hub::incident, m) == clay::error::message_too_large));
}

BOOST_AUTO_TEST_CASE(keys_match_in_any_case_and_null_means_absent) {
  clay::message_decoder decoder;
  std::string buffer;
  clay::message m;
  const std::string message =
      R"({"ID":"x","Type":null,"TIME":null,"CollectionID":"site-42","other":{"id":1}})";
  BOOST_REQUIRE(!decoder.decode(samples::argument_of(message), clay::hub::incident, buffer, m));
  BOOST_TEST(text(m.id->text) == "x");
  BOOST_TEST(!m.type);
  BOOST_TEST(!m.time);
  BOOST_TEST(text(m.collection_id->text) == "site-42");
  BOOST_TEST(m.json == message);
}

BOOST_AUTO_TEST_CASE(escaped_keys_are_recognised) {
  clay::message_decoder decoder;
  clay::message m;
  BOOST_REQUIRE(!decoder.decode_message(R"({"\u0069d":"a","t\u0079pe":"b"})", clay::hub::entry, m));
  BOOST_TEST(text(m.id->text) == "a");
  BOOST_TEST(text(*m.type) == "b");
}

BOOST_AUTO_TEST_CASE(field_names_are_configurable_and_an_empty_name_turns_a_field_off) {
  clay::message_decoder::options o;
  o.keys.id = "eventId";
  o.keys.collection_id = "siteId";
  o.keys.time = "";
  clay::message_decoder decoder(o);
  clay::message m;
  BOOST_REQUIRE(!decoder.decode_message(
      R"({"eventId":"e1","siteId":"s1","id":[],"time":"not a time","collectionId":{}})",
      clay::hub::entry, m));
  BOOST_TEST(text(m.id->text) == "e1");
  BOOST_TEST(text(m.collection_id->text) == "s1");
  BOOST_TEST(!m.time);
}

BOOST_AUTO_TEST_CASE(decode_message_reads_an_unescaped_text_in_place) {
  clay::message_decoder decoder;
  clay::message m;
  const std::string text_with_space = std::string(" ") + std::string(samples::entry) + "\n";
  BOOST_REQUIRE(!decoder.decode_message(text_with_space, clay::hub::entry, m));
  BOOST_TEST(m.json == samples::entry);
  BOOST_TEST(inside(m.json, text_with_space.data(), text_with_space.size()));
}

// The whole path: a SignalR record, its invocation's only argument, the message.
BOOST_AUTO_TEST_CASE(decodes_the_argument_of_a_signalr_invocation) {
  const std::string record = R"({"type":1,"target":"ReceiveMessage","arguments":[)" +
                             samples::argument_of(samples::incident) + "]}";
  eventwire::signalr::hub_message message;
  BOOST_REQUIRE(!eventwire::signalr::decode_hub_message(record, message));
  const auto& call = std::get<eventwire::signalr::invocation>(message);
  clay::message_decoder decoder;
  std::string buffer;
  clay::message m;
  BOOST_REQUIRE(!decoder.decode(*call.arguments.begin(), clay::hub::incident, buffer, m));
  BOOST_TEST(m.json == samples::incident);
}

// decode_validated takes an argument as hub_connection hands it over and decodes it as decode
// does, without a second scan of the string; an argument that is not a string is still an error.
BOOST_AUTO_TEST_CASE(decode_validated_agrees_with_decode_on_invocation_arguments) {
  const std::string record = R"({"type":1,"target":"ReceiveMessage","arguments":[)" +
                             samples::argument_of(samples::incident) + "," + samples::argument_of(samples::entry) +
                             R"(,"{\"id\":7}",42,{"id":1}]})";
  eventwire::signalr::hub_message message;
  BOOST_REQUIRE(!eventwire::signalr::decode_hub_message(record, message));
  const auto& call = std::get<eventwire::signalr::invocation>(message);
  int strings = 0;
  for (std::string_view argument : call.arguments) {
    BOOST_TEST_CONTEXT(argument) {
      clay::message_decoder full, validated;
      std::string full_buffer, validated_buffer;
      clay::message a, b;
      const std::error_code full_error = full.decode(argument, clay::hub::incident, full_buffer, a);
      const std::error_code validated_error = validated.decode_validated(argument, clay::hub::incident, validated_buffer, b);
      BOOST_TEST(validated_error == full_error);
      if (full_error) {
        BOOST_TEST((full_error == clay::error::argument_not_string));
        continue;
      }
      ++strings;
      BOOST_TEST(b.json == a.json);
      BOOST_TEST(b.id.has_value() == a.id.has_value());
      if (a.id) BOOST_TEST(text(b.id->text) == text(a.id->text));
      BOOST_TEST(b.type.has_value() == a.type.has_value());
      if (a.type) BOOST_TEST(text(*b.type) == text(*a.type));
    }
  }
  BOOST_TEST(strings == 3);
}

BOOST_AUTO_TEST_CASE(a_message_reads_like_its_fields) {
  BOOST_TEST(samples::decode_printed(samples::argument_of(samples::entry), clay::hub::entry) ==
             R"(message{hub=entry, id=90817, type="Entry", )"
             R"(time="2024-05-14T11:21:37+02:00" (2024-05-14T09:21:37Z), collection_id=42, json=)" +
                 std::string(samples::entry) + "}");
  BOOST_TEST(samples::decode_printed(R"("{\"id\":\"a\"}")") ==
             R"(message{hub=incident, id="a", type=null, time=null, collection_id=null, json={"id":"a"}})");
  BOOST_TEST(samples::decode_printed("1") == "error: argument is not a JSON string at ''");
}

BOOST_AUTO_TEST_SUITE_END()
