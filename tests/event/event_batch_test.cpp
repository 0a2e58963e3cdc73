#include <eventwire/event/event_batch.hpp>

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

namespace json = boost::json;
using eventwire::event::event_batch;
using eventwire::event::event_fields;

namespace {

eventwire::time::utc_time at(std::string_view text) {
  eventwire::time::timestamp t;
  BOOST_TEST_REQUIRE(eventwire::time::parse_iso8601(text, t), text);
  return t.utc;
}

event_fields unity_event() {
  event_fields f;
  f.id = "32368861-aaaa";
  f.type_prefix = "webroot.unity.";
  f.type_name = "Endpoint.FileDetection";
  f.subject = "device \"7\"";
  f.time = at("2024-05-01T10:00:00.1234567Z");
  f.data_json = R"({"Timestamp":"2024-05-01T10:00:00.1234567Z","n":[1,2]})";
  return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(event_batch_rendering)

BOOST_AUTO_TEST_CASE(an_event_is_one_cloudevents_json_object) {
  event_batch batch("webroot");
  batch.add(unity_event(), at("2024-05-01T10:00:01Z"));
  BOOST_TEST_REQUIRE(batch.size() == 1u);
  const auto e = batch[0];
  BOOST_TEST(e.line.find('\n') == std::string_view::npos);
  const json::object o = json::parse(e.line).as_object();
  BOOST_TEST(o.at("specversion").as_string() == "1.0");
  BOOST_TEST(o.at("id").as_string() == "32368861-aaaa");
  BOOST_TEST(o.at("source").as_string() == "eventwire/webroot");
  BOOST_TEST(o.at("type").as_string() == "webroot.unity.Endpoint.FileDetection");
  BOOST_TEST(o.at("subject").as_string() == "device \"7\"");
  BOOST_TEST(o.at("time").as_string() == "2024-05-01T10:00:00.1234567Z");
  BOOST_TEST(o.at("datacontenttype").as_string() == "application/json");
  BOOST_TEST(o.at("data").at("n").as_array().size() == 2u);
  BOOST_TEST(o.at("eventwirereceived").as_string() == "2024-05-01T10:00:01Z");
  BOOST_TEST(e.id == "32368861-aaaa");
  BOOST_TEST(e.type == "webroot.unity.Endpoint.FileDetection");
  BOOST_TEST(e.subject == "device \\\"7\\\"", "views show the JSON text as rendered");
}

BOOST_AUTO_TEST_CASE(subject_and_time_are_omitted_when_unknown) {
  event_batch batch("pos");
  event_fields f;
  f.id = "1";
  f.type_prefix = "portos.licence.activated";
  f.data_json = "{}";
  batch.add(f, at("2024-05-01T10:00:01Z"));
  const json::object o = json::parse(batch[0].line).as_object();
  BOOST_TEST(!o.contains("subject"));
  BOOST_TEST(!o.contains("time"));
  BOOST_TEST(o.at("type").as_string() == "portos.licence.activated");
}

BOOST_AUTO_TEST_CASE(without_a_vendor_id_the_id_is_a_stable_hash_of_source_and_raw_bytes) {
  event_fields f = unity_event();
  f.id = {};
  event_batch a("clay");
  a.add(f, at("2024-05-01T10:00:01Z"));
  event_batch b("clay");
  b.add(f, at("2025-01-01T00:00:00Z"));
  BOOST_TEST(a[0].id == b[0].id, "same source, same bytes, other receive time: same id");
  BOOST_TEST(a[0].id.size() == 32u);
  event_batch other_source("clay2");
  other_source.add(f, at("2024-05-01T10:00:01Z"));
  BOOST_TEST(a[0].id != other_source[0].id);
  f.raw = "the raw record";
  event_batch raw("clay");
  raw.add(f, at("2024-05-01T10:00:01Z"));
  BOOST_TEST(raw[0].id != a[0].id, "raw bytes take precedence over data");
}

BOOST_AUTO_TEST_CASE(the_hash_is_fnv1a_128) {
  // Reference values computed with Python's big integers (prime 2^88 + 0x13b).
  std::string empty_input;
  eventwire::event::append_stable_id(empty_input, "", "");
  // The hash input is source + '\0' + raw: here the single byte 0x00.
  std::string direct;
  eventwire::event::append_stable_id(direct, "a", "");
  BOOST_TEST(empty_input == "d228cb69101a8caf78912b704e4a147f");  // FNV-1a 128 of "\0"
  BOOST_TEST(direct == "0880954519ab1be95aa0733055b70e0c");       // FNV-1a 128 of "a\0"
}

BOOST_AUTO_TEST_CASE(events_accumulate_and_clear_reuses_the_buffer) {
  event_batch batch("s");
  for (int i = 0; i < 100; ++i) batch.add(unity_event(), at("2024-05-01T10:00:01Z"));
  BOOST_TEST(batch.size() == 100u);
  BOOST_TEST(batch[99].type == "webroot.unity.Endpoint.FileDetection");
  const auto bytes = batch.bytes();
  BOOST_TEST(bytes > 100u * 200u);
  batch.clear();
  BOOST_TEST(batch.empty());
  BOOST_TEST(batch.bytes() == 0u);
}

BOOST_AUTO_TEST_CASE(append_keeps_every_event_and_its_views) {
  event_batch first("webroot");
  first.add(unity_event(), at("2024-05-01T10:00:01Z"));
  event_batch second("webroot");
  auto f = unity_event();
  f.id = "second";
  f.subject = {};
  second.add(f, at("2024-05-01T10:00:02Z"));
  second.add(unity_event(), at("2024-05-01T10:00:03Z"));
  event_batch alone("webroot");
  alone.add(f, at("2024-05-01T10:00:02Z"));

  const std::string first_line(first[0].line);
  first.append(second);
  BOOST_TEST_REQUIRE(first.size() == 3u);
  BOOST_TEST(first.bytes() == first_line.size() + second.bytes());
  BOOST_TEST(first[0].line == first_line);
  BOOST_TEST(first[1].line == alone[0].line);
  BOOST_TEST(first[1].id == "second");
  BOOST_TEST(first[1].type == alone[0].type);
  BOOST_TEST(first[1].subject.empty());
  BOOST_TEST(first[2].line == second[1].line);
  BOOST_TEST(first[2].subject == second[1].subject);
}

BOOST_AUTO_TEST_SUITE_END()
