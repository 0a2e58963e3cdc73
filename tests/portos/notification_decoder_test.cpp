#include "samples.hpp"

#include <eventwire/portos/notification_decoder.hpp>
#include <eventwire/time/timestamp.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <vector>

namespace portos = eventwire::portos;
namespace samples = portos_samples;
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

// Joins `members` (each `"key":value`) into an object.
std::string object_of(const std::vector<std::string>& members) {
  std::string out = "{";
  for (const std::string& m : members) out += (out.size() > 1 ? "," : "") + m;
  return out + "}";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(portos_notification_decoder)

BOOST_AUTO_TEST_CASE(decodes_every_field_of_resources_changed) {
  portos::notification_decoder decoder;
  portos::notification n;
  BOOST_REQUIRE(!decoder.decode(samples::resources_changed, n));
  BOOST_TEST(decoder.error_path() == "");
  BOOST_TEST(text(n.event) == "portos.resources.changed");
  BOOST_TEST(text(n.sender.connection_id) == "Yb3kQ9x2T1mZ-8wH4nLp0A");
  BOOST_TEST(text(n.sender.user.user_name) == "jana.novakova");
  BOOST_TEST(text(n.sender.user.device) == "POS-02 Bratislava");
  BOOST_REQUIRE(n.sender.user.feature);
  BOOST_TEST(text(*n.sender.user.feature) == "Inventory");
  BOOST_REQUIRE(n.reference);
  BOOST_TEST(text(*n.reference) == "c0a8f7e2-5d1b-4c3e-9f00-3b7d2a1e6c44");
  BOOST_TEST(n.created_at.text.escaped == "2024-05-14T09:21:37.5123456+02:00");
  BOOST_TEST(utc_text(n.created_at.value) == "2024-05-14T07:21:37.5123456Z");
  BOOST_TEST(n.created_at.value.offset_minutes == 120);
  BOOST_REQUIRE(n.expires_at);
  BOOST_TEST(utc_text(n.expires_at->value) == "2024-05-14T10:21:37Z");

  BOOST_REQUIRE(n.change);
  const portos::resources_changed& p = *n.change;
  BOOST_TEST(text(p.user.user_id) == "8f14e45f-ceea-467f");
  BOOST_TEST(p.user.display_name.escaped == R"(Jana Nov\u00e1kov\u00e1)");
  BOOST_TEST(text(p.user.display_name) == "Jana Nov\xc3\xa1kov\xc3\xa1");
  BOOST_REQUIRE(p.user.feature);
  BOOST_TEST(text(*p.user.feature) == "Sync");
  BOOST_TEST(text(p.resource_name) == "door");
  BOOST_TEST((p.action == portos::resource_action::updated));
  BOOST_TEST(text(p.resource.id) == "1042");
  BOOST_TEST(text(p.resource.name) == "Front entrance");
  BOOST_TEST(p.resource.version.value_or(-1) == 7);
  BOOST_REQUIRE(p.affected.size() == 2u);
  BOOST_TEST(text(p.affected[0].id) == "1042");
  BOOST_TEST(p.affected[0].version.value_or(-1) == 7);
  BOOST_TEST(text(p.affected[1].id) == "311");
  BOOST_TEST(text(p.affected[1].name) == "Lobby zone");
  BOOST_TEST(!p.affected[1].version);

  const std::string_view whole = samples::resources_changed;
  BOOST_TEST(n.payload_json == whole.substr(whole.find("{\"u\":{\"u\":\"8f14"),
                                            whole.size() - 1 - whole.find("{\"u\":{\"u\":\"8f14")));
}

BOOST_AUTO_TEST_CASE(keeps_another_events_payload_as_text) {
  portos::notification_decoder decoder;
  portos::notification n;
  BOOST_REQUIRE(!decoder.decode(samples::licence_activated, n));
  BOOST_TEST(text(n.event) == "portos.licence.activated");
  BOOST_TEST(text(n.sender.user.user_name) == "System");
  BOOST_TEST(text(*n.sender.user.feature) == "Licensing");
  BOOST_TEST(!n.reference);
  BOOST_TEST(!n.expires_at);
  BOOST_TEST(!n.change);
  BOOST_TEST(n.payload_json ==
             R"({"licenceId":"PRT-2024-0042","validTo":"2025-05-14","modules":["pos","stock"]})");
}

BOOST_AUTO_TEST_CASE(another_events_payload_may_be_any_json_value) {
  for (const char* payload : {"null", "42", "\"text\"", "[1,{\"a\":[]}]", "true", "{}"}) {
    portos::notification_decoder decoder;
    portos::notification n;
    const std::string json = samples::with(samples::licence_activated, "p", payload);
    BOOST_TEST_CONTEXT(json) {
      BOOST_REQUIRE(!decoder.decode(json, n));
      BOOST_TEST(n.payload_json == payload);
    }
  }
}

BOOST_AUTO_TEST_CASE(keys_in_any_order_give_the_same_notification) {
  const std::string expected = samples::decode_printed(samples::resources_changed);
  std::array<std::string, 6> top = {
      R"("e":"portos.resources.changed")",
      R"("s":{"u":{"f":"Inventory","d":"POS-02 Bratislava","u":"jana.novakova"},"c":"Yb3kQ9x2T1mZ-8wH4nLp0A"})",
      R"("r":"c0a8f7e2-5d1b-4c3e-9f00-3b7d2a1e6c44")",
      R"("ca":"2024-05-14T09:21:37.5123456+02:00")",
      R"("ea":"2024-05-14T10:21:37Z")",
      R"("p":{"r":[{"v":7,"n":"Front entrance","i":"1042"},{"n":"Lobby zone","i":"311"}],)"
      R"("i":{"v":7,"n":"Front entrance","i":"1042"},"a":2,"n":"door",)"
      R"("u":{"f":"Sync","d":"Jana Nov\u00e1kov\u00e1","u":"8f14e45f-ceea-467f"}})"};
  std::sort(top.begin(), top.end());
  portos::notification_decoder decoder;
  int orders = 0;
  do {
    const std::string json = object_of({top.begin(), top.end()});
    BOOST_TEST_CONTEXT(json) { BOOST_TEST(samples::decode_printed(decoder, json) == expected); }
    ++orders;
  } while (std::next_permutation(top.begin(), top.end()));
  BOOST_TEST(orders == 720);
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_ignored_at_every_level) {
  const std::string expected =
      samples::decode_printed(samples::normalized(samples::resources_changed));
  const char* unknown = R"({"deep":[1,{"e":"x","p":null}],"s":"\u0041"})";
  for (const char* object : {"", "s", "s.u", "p", "p.u", "p.i", "p.r[0]", "p.r[1]"}) {
    const std::string path = std::string(object) + (*object ? "." : "") + "zz";
    const std::string json = samples::with(samples::resources_changed, path, unknown);
    BOOST_TEST_CONTEXT(json) { BOOST_TEST(samples::decode_printed(json) == expected); }
  }
}

BOOST_AUTO_TEST_CASE(optional_keys_may_be_null_or_absent) {
  for (const char* path : {"r", "ea", "s.u.f", "p.u.f", "p.i.v", "p.r[0].v"}) {
    BOOST_TEST_CONTEXT(path) {
      portos::notification_decoder decoder;
      portos::notification absent;
      BOOST_TEST(!decoder.decode(samples::without(samples::resources_changed, path), absent));
      const std::string absent_printed =
          samples::decode_printed(decoder, samples::without(samples::resources_changed, path));
      const std::string null_printed =
          samples::decode_printed(decoder, samples::with(samples::resources_changed, path, "null"));
      BOOST_TEST(absent_printed == null_printed);
      BOOST_TEST(absent_printed.find("=null") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(affected_resources_may_be_empty) {
  portos::notification_decoder decoder;
  portos::notification n;
  BOOST_REQUIRE(!decoder.decode(samples::with(samples::resources_changed, "p.r", "[]"), n));
  BOOST_TEST(n.change->affected.empty());
}

// Fractions beyond 7 digits are truncated to the 100 ns ticks of .NET's DateTime.
BOOST_AUTO_TEST_CASE(timestamps_with_fractions_and_offsets) {
  struct row {
    const char* text;
    const char* utc;
    int offset_minutes;
    bool has_offset;
  };
  const row rows[] = {
      {"2024-05-14T09:21:37.5Z", "2024-05-14T09:21:37.500Z", 0, true},
      {"2024-05-14T09:21:37.51Z", "2024-05-14T09:21:37.510Z", 0, true},
      {"2024-05-14T09:21:37.512Z", "2024-05-14T09:21:37.512Z", 0, true},
      {"2024-05-14T09:21:37.5123Z", "2024-05-14T09:21:37.512300Z", 0, true},
      {"2024-05-14T09:21:37.51234Z", "2024-05-14T09:21:37.512340Z", 0, true},
      {"2024-05-14T09:21:37.512345Z", "2024-05-14T09:21:37.512345Z", 0, true},
      {"2024-05-14T09:21:37.5123456Z", "2024-05-14T09:21:37.5123456Z", 0, true},
      {"2024-05-14T09:21:37.51234567Z", "2024-05-14T09:21:37.5123456Z", 0, true},
      {"2024-05-14T09:21:37.512345678Z", "2024-05-14T09:21:37.5123456Z", 0, true},
      {"2024-05-14T09:21:37+02:00", "2024-05-14T07:21:37Z", 120, true},
      {"2024-05-14T09:21:37.25+02:00", "2024-05-14T07:21:37.250Z", 120, true},
      {"2024-05-14T09:21:37-0530", "2024-05-14T14:51:37Z", -330, true},
      {"2024-05-14T09:21:37", "2024-05-14T09:21:37Z", 0, false},
      {"2024-05-14T09:21:37.1234567", "2024-05-14T09:21:37.1234567Z", 0, false},
  };
  for (const row& r : rows) {
    BOOST_TEST_CONTEXT(r.text) {
      const std::string quoted = std::string("\"") + r.text + "\"";
      std::string json = samples::with(samples::resources_changed, "ca", quoted);
      json = samples::with(json, "ea", quoted);
      portos::notification_decoder decoder;
      portos::notification n;
      BOOST_REQUIRE(!decoder.decode(json, n));
      for (const portos::sent_time& t : {n.created_at, *n.expires_at}) {
        BOOST_TEST(t.text.escaped == r.text);
        BOOST_TEST(utc_text(t.value) == r.utc);
        BOOST_TEST(t.value.offset_minutes == r.offset_minutes);
        BOOST_TEST(t.value.has_offset == r.has_offset);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_timestamp_with_escapes_is_decoded_before_parsing) {
  const std::string json =
      samples::with(samples::resources_changed, "ca", R"("2024-05-14T09:21:37\u002B02:00")");
  portos::notification_decoder decoder;
  portos::notification n;
  BOOST_REQUIRE(!decoder.decode(json, n));
  BOOST_TEST(utc_text(n.created_at.value) == "2024-05-14T07:21:37Z");
}

BOOST_AUTO_TEST_CASE(actions_1_2_3) {
  using portos::resource_action;
  const std::pair<const char*, resource_action> rows[] = {{"1", resource_action::created},
                                                          {"2", resource_action::updated},
                                                          {"3", resource_action::deleted}};
  for (const auto& [number, action] : rows) {
    portos::notification_decoder decoder;
    portos::notification n;
    BOOST_REQUIRE(!decoder.decode(samples::with(samples::resources_changed, "p.a", number), n));
    BOOST_TEST((n.change->action == action));
  }
}

BOOST_AUTO_TEST_CASE(the_payload_may_come_before_the_event_name) {
  const std::string expected = samples::decode_printed(samples::resources_changed);
  const std::string_view whole = samples::resources_changed;
  const std::size_t p = whole.find(",\"p\":");
  // {"p":{...}, "e":..., ...}: the payload moved to the front.
  const std::string reordered = "{" + std::string(whole.substr(p + 1, whole.size() - p - 2)) + "," +
                                std::string(whole.substr(1, p - 1)) + "}";
  BOOST_TEST_REQUIRE(reordered.substr(0, 5) == "{\"p\":");
  portos::notification_decoder decoder;
  BOOST_TEST(samples::decode_printed(decoder, reordered) == expected);
  portos::notification n;
  BOOST_REQUIRE(!decoder.decode(reordered, n));
  BOOST_TEST(n.payload_json.front() == '{');
  BOOST_TEST(n.payload_json.back() == '}');
}

BOOST_AUTO_TEST_CASE(escaped_keys_are_recognised) {
  const std::string expected = samples::decode_printed(samples::licence_activated);
  std::string json(samples::licence_activated);
  json.replace(json.find("\"ca\""), 4, R"("\u0063a")");
  json.replace(json.find("\"e\""), 3, R"("\u0065")");
  BOOST_TEST(samples::decode_printed(json) == expected);
}

BOOST_AUTO_TEST_CASE(whitespace_around_and_inside_is_allowed) {
  const std::string json =
      " \n\t{ \"e\" : \"portos.licence.activated\" , \"s\" : { \"c\" : \"x\" , "
      "\"u\" : { \"u\" : \"System\" , \"d\" : \"System\" } } , \"ca\" : "
      "\"2024-05-14T07:00:00Z\" , \"p\" : { } }\r\n ";
  portos::notification_decoder decoder;
  portos::notification n;
  BOOST_REQUIRE(!decoder.decode(json, n));
  BOOST_TEST(n.payload_json == "{ }");
}

// The value sits inside a larger buffer: the decoder reads only the bytes it was given, and every
// view it returns lies inside them.
BOOST_AUTO_TEST_CASE(reads_only_its_own_bytes_inside_a_larger_buffer) {
  for (std::string_view sample : {samples::resources_changed, samples::licence_activated}) {
    const std::string before = "\x1e{\"type\":1,\"target\":\"OnEvent\",\"arguments\":[";
    const std::string after = R"(,"x":"y"}],"extra":"}"}garbage)";
    const std::string inner(sample.substr(0, sample.size() - 1));  // without the final '}'
    const std::string buffer = before + inner + "}" + after;
    const std::string_view value = std::string_view(buffer).substr(before.size(), inner.size() + 1);
    portos::notification_decoder decoder;
    portos::notification n;
    BOOST_REQUIRE(!decoder.decode(value, n));
    BOOST_TEST(samples::decode_printed(decoder, value) == samples::decode_printed(sample));
    auto inside = [&](std::string_view v) {
      return v.data() >= value.data() && v.data() + v.size() <= value.data() + value.size();
    };
    BOOST_TEST(inside(n.event.escaped));
    BOOST_TEST(inside(n.payload_json));
    BOOST_TEST(inside(n.created_at.text.escaped));
    // Cut one byte short, the value is incomplete even though the buffer goes on.
    BOOST_TEST(!!decoder.decode(value.substr(0, value.size() - 1), n));
    BOOST_TEST(decoder.error_path() == "");
  }
}

BOOST_AUTO_TEST_CASE(a_reused_decoder_gives_the_same_results_as_a_fresh_one) {
  portos::notification_decoder reused;
  std::vector<std::string> first_round;
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 60; ++i) {
      std::string affected = "[";
      for (int k = 0; k < i % 7; ++k)
        affected += (k ? "," : "") + std::string(R"({"i":"r)") + std::to_string(i * 10 + k) +
                    R"(","n":"n)" + std::to_string(k) + "\"" +
                    (k % 2 ? "" : ",\"v\":" + std::to_string(k)) + "}";
      affected += "]";
      std::string json = samples::with(samples::resources_changed, "p.r", affected);
      json = samples::with(json, "p.a", std::to_string(1 + i % 3));
      if (i % 5 == 0) json = samples::licence_activated;
      if (i % 11 == 3) json = samples::with(json, "s.c", "17");  // an error in between
      const std::string got = samples::decode_printed(reused, json);
      BOOST_TEST(got == samples::decode_printed(json));
      if (round == 0)
        first_round.push_back(got);
      else
        BOOST_TEST(got == first_round[static_cast<std::size_t>(i)]);
    }
  }
}

BOOST_AUTO_TEST_CASE(earlier_results_stay_valid_until_the_next_decode) {
  portos::notification_decoder decoder;
  portos::notification n;
  const std::string json =
      samples::with(samples::resources_changed, "p.r",
                    R"([{"i":"a","n":"A"},{"i":"b","n":"B"},{"i":"c","n":"C"}])");
  BOOST_REQUIRE(!decoder.decode(json, n));
  BOOST_REQUIRE(n.change->affected.size() == 3u);
  BOOST_TEST(text(n.change->affected[2].name) == "C");
}

BOOST_AUTO_TEST_SUITE_END()
