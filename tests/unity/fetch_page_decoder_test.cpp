#include "samples.hpp"

#include <eventwire/time/timestamp.hpp>
#include <eventwire/unity/fetch_page_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace unity = eventwire::unity;
namespace samples = unity_samples;
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

bool inside(std::string_view view, std::string_view buffer) {
  return view.data() >= buffer.data() && view.data() + view.size() <= buffer.data() + buffer.size();
}

// `notification` (an object's text) with its members in the order given by `keys`.
std::string reordered(std::string_view notification, const std::vector<std::string>& keys) {
  const boost::json::object o = boost::json::parse(notification).as_object();
  boost::json::object out;
  for (const std::string& k : keys) out[k] = o.at(k);
  return boost::json::serialize(out);
}

std::string page_with_notifications(const std::vector<std::string>& elements) {
  std::string list = "[";
  for (const std::string& e : elements) list += (list.size() > 1 ? "," : "") + e;
  std::string page = samples::with(samples::seed_page, "Notifications", list + "]");
  return samples::with(page, "Count", std::to_string(elements.size()));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(unity_fetch_page_decoder)

BOOST_AUTO_TEST_CASE(decodes_every_field_of_the_seed_page) {
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  const std::string_view body = samples::seed_page;
  BOOST_REQUIRE(!decoder.decode(body, page));
  BOOST_TEST(decoder.error_path() == "");
  BOOST_TEST(text(page.subscription_id) == "222c9efe-c76d-41a9-a41b-c86a955a5529");
  BOOST_TEST(page.count == 2u);
  BOOST_TEST(text(page.next_position) ==
             "qZZBBqiWQQZ7uJSD9dHaCCkJAAAAAAAAMjIyYzllZmUtYzc2ZC00MWE5LWE0MWItYzg2YTk1NWE1NTI5");
  BOOST_TEST(!page.more_available);
  BOOST_REQUIRE(page.notifications.size() == 2u);

  const unity::notification& wts = page.notifications[0];
  BOOST_TEST(text(wts.event_type) == "WebThreatShield.UrlAction");
  BOOST_TEST(text(wts.event_object_name) == "WtsUrlActionEvent");
  BOOST_TEST(text(wts.event_id) == "848d1460-985a-46a4-bdf4-62b09354d963");
  BOOST_TEST(wts.time.text.escaped == "2022-11-29T10:33:06.9036303Z");
  BOOST_TEST(utc_text(wts.time.value) == "2022-11-29T10:33:06.9036303Z");
  BOOST_TEST(wts.time.value.has_offset);
  BOOST_TEST(wts.event_json.substr(0, 46) == R"({"Timestamp":"2022-11-29T10:33:06.9036303Z","G)");
  BOOST_TEST(wts.event_json.substr(wts.event_json.size() - 11) == R"("BCRI":10}})");
  BOOST_TEST(wts.notification_json.substr(0, 14) == R"({"EventType":")");
  BOOST_TEST(wts.notification_json.back() == '}');
  const boost::json::value event = boost::json::parse(wts.event_json);
  BOOST_TEST(event.at("BlockDetails").at("BlockedUrl") == "http://www.category-domain1.com");
  BOOST_TEST(boost::json::parse(wts.notification_json) ==
             boost::json::parse(samples::seed_page).at("Notifications").at(0));

  const unity::notification& file = page.notifications[1];
  BOOST_TEST(text(file.event_type) == "Endpoint.FileDetection");
  BOOST_TEST(text(file.event_object_name) == "EndpointFileDetectionEvent");
  BOOST_TEST(text(file.event_id) == "32368861-91ae-4c01-862f-d601c0a00c97");
  BOOST_TEST(utc_text(file.time.value) == "2022-11-29T10:32:07Z");
  const boost::json::value detection = boost::json::parse(file.event_json);
  BOOST_TEST(detection.at("DetectionInfo").at("FilePath") == "c:\\users\\user2\\desktop");
  BOOST_TEST(detection.at("ScanInfo").at("ScanType") == "RT");

  for (const unity::notification& n : page.notifications) {
    BOOST_TEST(inside(n.event_json, body));
    BOOST_TEST(inside(n.notification_json, body));
    BOOST_TEST(inside(n.event_id.escaped, body));
    BOOST_TEST(inside(n.event_json, n.notification_json));
  }
  BOOST_TEST(inside(page.next_position.escaped, body));
}

BOOST_AUTO_TEST_CASE(an_empty_page) {
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  BOOST_REQUIRE(!decoder.decode(samples::empty_page, page));
  BOOST_TEST(page.count == 0u);
  BOOST_TEST(page.notifications.empty());
  BOOST_TEST(!page.more_available);
}

BOOST_AUTO_TEST_CASE(more_available_is_read) {
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  BOOST_REQUIRE(!decoder.decode(samples::with(samples::seed_page, "MoreAvailable", "true"), page));
  BOOST_TEST(page.more_available);
}

BOOST_AUTO_TEST_CASE(a_full_page_of_1000_keeps_every_notification_in_order) {
  const std::string body = samples::page_of(1000, true);
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  BOOST_REQUIRE(!decoder.decode(body, page));
  BOOST_REQUIRE(page.notifications.size() == 1000u);
  BOOST_TEST(page.more_available);
  const boost::json::value reference = boost::json::parse(body);
  for (std::size_t i = 0; i < 1000; ++i) {
    const unity::notification& n = page.notifications[i];
    const boost::json::value& r = reference.at("Notifications").at(i);
    BOOST_TEST_CONTEXT("notification " << i) {
      BOOST_TEST(text(n.event_id) == r.at("UnityAPIEventId").as_string().c_str());
      BOOST_TEST(text(n.event_type) == r.at("EventType").as_string().c_str());
      BOOST_TEST(boost::json::parse(n.event_json) == r.at(r.at("EventObjectName").as_string()));
      BOOST_TEST(text(n.time.text) ==
                 r.at(r.at("EventObjectName").as_string()).at("Timestamp").as_string().c_str());
    }
  }
  BOOST_TEST(utc_text(page.notifications[61].time.value) == "2022-11-29T10:01:01.0000793Z");
}

// Json.NET, Unity's serializer, reads member names ignoring case; so does the decoder.
BOOST_AUTO_TEST_CASE(keys_match_ignoring_ascii_case) {
  const std::string expected = samples::decode_printed(samples::seed_page);
  std::string lower(samples::seed_page);
  for (const char* key : {"\"SubscriptionId\"", "\"Count\"", "\"NextPosition\"",
                          "\"MoreAvailable\"", "\"Notifications\"", "\"EventType\"",
                          "\"UnityAPIEventId\"", "\"EventObjectName\""}) {
    std::string camel(key);
    camel[1] = static_cast<char>(camel[1] | 0x20);
    for (std::size_t at; (at = lower.find(key)) != std::string::npos;)
      lower.replace(at, camel.size(), camel);
  }
  // The event object's key in another case than EventObjectName gives it.
  lower.replace(lower.find("\"WtsUrlActionEvent\":"), 19, "\"WTSURLACTIONEVENT\"");
  BOOST_TEST_REQUIRE(lower.find("\"subscriptionId\"") != std::string::npos);
  BOOST_TEST_REQUIRE(lower.find("\"unityAPIEventId\"") != std::string::npos);
  BOOST_TEST(samples::decode_printed(lower) == expected);
  // Timestamp, inside the event's own text, in upper case.
  std::string upper(samples::seed_page);
  upper.replace(upper.find("\"Timestamp\""), 11, "\"TIMESTAMP\"");
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  BOOST_REQUIRE(!decoder.decode(upper, page));
  BOOST_TEST(utc_text(page.notifications[0].time.value) == "2022-11-29T10:33:06.9036303Z");
}

BOOST_AUTO_TEST_CASE(page_keys_in_any_order_give_the_same_page) {
  const std::string expected = samples::decode_printed(samples::seed_page);
  const boost::json::object page = boost::json::parse(samples::seed_page).as_object();
  std::array<std::string, 5> keys{"Count", "MoreAvailable", "NextPosition", "Notifications",
                                  "SubscriptionId"};
  unity::fetch_page_decoder decoder;
  int orders = 0;
  do {
    boost::json::object o;
    for (const std::string& k : keys) o[k] = page.at(k);
    const std::string json = boost::json::serialize(o);
    BOOST_TEST_CONTEXT(json) { BOOST_TEST(samples::decode_printed(decoder, json) == expected); }
    ++orders;
  } while (std::next_permutation(keys.begin(), keys.end()));
  BOOST_TEST(orders == 120);
}

// The event object may come before EventObjectName names it; the decoder then looks again.
BOOST_AUTO_TEST_CASE(notification_keys_in_any_order_give_the_same_notification) {
  const std::string first = samples::first_notification();
  const std::string expected = samples::decode_printed(page_with_notifications({first}));
  std::vector<std::string> keys{"EventObjectName", "EventType", "UnityAPIEventId",
                                "WtsUrlActionEvent", "Zz"};
  const std::string with_unknown = samples::with(first, "Zz", R"({"Timestamp":"not a time"})");
  const std::string expected_unknown =
      samples::decode_printed(page_with_notifications({with_unknown}));
  std::sort(keys.begin(), keys.end());
  unity::fetch_page_decoder decoder;
  int orders = 0;
  do {
    const std::string json = page_with_notifications({reordered(with_unknown, keys)});
    BOOST_TEST_CONTEXT(json) {
      BOOST_TEST(samples::decode_printed(decoder, json) == expected_unknown);
    }
    ++orders;
  } while (std::next_permutation(keys.begin(), keys.end()));
  BOOST_TEST(orders == 120);
  BOOST_TEST(expected_unknown == expected);
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_ignored_at_every_level) {
  const std::string expected = samples::decode_printed(samples::normalized(samples::seed_page));
  const char* unknown = R"({"deep":[1,{"Count":"x","Notifications":null}],"s":"\u0041"})";
  for (const char* object : {"", "Notifications[0]", "Notifications[1]"}) {
    const std::string path = std::string(object) + (*object ? "." : "") + "Zz";
    const std::string json = samples::with(samples::seed_page, path, unknown);
    BOOST_TEST_CONTEXT(json) { BOOST_TEST(samples::decode_printed(json) == expected); }
  }
  // Inside the event object, an unknown key changes only the event's text.
  const std::string json =
      samples::with(samples::seed_page, "Notifications[0].WtsUrlActionEvent.Zz", unknown);
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  BOOST_REQUIRE(!decoder.decode(json, page));
  BOOST_TEST(page.notifications[0].event_json.find("\"deep\"") != std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(escaped_keys_and_names_are_recognised) {
  std::string json(samples::seed_page);
  json.replace(json.find("\"Count\""), 7, R"("\u0043ount")");
  json.replace(json.find("\"Timestamp\""), 11, R"("Time\u0073tamp")");
  json.replace(json.find("\"EndpointFileDetectionEvent\":"), 28,
               R"("Endpoint\u0046ileDetectionEvent")");
  // EventObjectName escaped, the event's key plain.
  json.replace(json.find("\"WtsUrlActionEvent\""), 19, R"("Wts\u0055rlActionEvent")");
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  BOOST_REQUIRE(!decoder.decode(json, page));
  BOOST_TEST(text(page.notifications[0].event_object_name) == "WtsUrlActionEvent");
  BOOST_TEST(page.notifications[0].event_json.substr(0, 13) == R"({"Time\u0073t)");
  BOOST_TEST(page.notifications[1].event_json.substr(0, 14) == R"({"Timestamp":")");
  BOOST_TEST(page.count == 2u);
  BOOST_TEST(text(page.next_position).size() == 80u);
  BOOST_TEST(utc_text(page.notifications[1].time.value) == "2022-11-29T10:32:07Z");
}

BOOST_AUTO_TEST_CASE(a_timestamp_with_escapes_is_decoded_before_parsing) {
  const std::string json = samples::with(samples::seed_page,
                                         "Notifications[1].EndpointFileDetectionEvent.Timestamp",
                                         R"("2022-11-29T10:32:07\u002B01:00")");
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  BOOST_REQUIRE(!decoder.decode(json, page));
  BOOST_TEST(utc_text(page.notifications[1].time.value) == "2022-11-29T09:32:07Z");
  BOOST_TEST(page.notifications[1].time.value.offset_minutes == 60);
}

BOOST_AUTO_TEST_CASE(timestamps_in_the_forms_dotnet_writes) {
  struct row {
    const char* text;
    const char* utc;
  };
  const row rows[] = {
      {"2022-11-29T10:33:06.9036303Z", "2022-11-29T10:33:06.9036303Z"},
      {"2022-11-29T10:33:06Z", "2022-11-29T10:33:06Z"},
      {"2022-11-29T10:33:06.5Z", "2022-11-29T10:33:06.500Z"},
      {"2022-11-29T10:33:06", "2022-11-29T10:33:06Z"},
      {"2022-11-29T10:33:06.123+02:00", "2022-11-29T08:33:06.123Z"},
  };
  for (const row& r : rows) {
    BOOST_TEST_CONTEXT(r.text) {
      const std::string json =
          samples::with(samples::seed_page, "Notifications[0].WtsUrlActionEvent.Timestamp",
                        std::string("\"") + r.text + "\"");
      unity::fetch_page_decoder decoder;
      unity::fetch_page page;
      BOOST_REQUIRE(!decoder.decode(json, page));
      BOOST_TEST(utc_text(page.notifications[0].time.value) == r.utc);
    }
  }
}

BOOST_AUTO_TEST_CASE(whitespace_around_and_inside_is_allowed) {
  const std::string json =
      " \r\n{ \"SubscriptionId\" : \"s\" , \"Count\" : 1 , \"NextPosition\" : \"p\" ,\n"
      "\t\"MoreAvailable\" : true , \"Notifications\" : [ { \"EventType\" : \"A.B\" , "
      "\"EventObjectName\" : \"E\" , \"UnityAPIEventId\" : \"i\" , \"E\" : { \"Timestamp\" : "
      "\"2022-11-29T10:32:07Z\" } } ] }\n ";
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  BOOST_REQUIRE(!decoder.decode(json, page));
  BOOST_TEST(page.notifications[0].event_json == R"({ "Timestamp" : "2022-11-29T10:32:07Z" })");
  BOOST_TEST(page.notifications[0].notification_json.front() == '{');
  BOOST_TEST(page.notifications[0].notification_json.back() == '}');
}

// The body sits inside a larger buffer: the decoder reads only the bytes it was given.
BOOST_AUTO_TEST_CASE(reads_only_its_own_bytes_inside_a_larger_buffer) {
  const std::string_view sample = samples::seed_page;
  const std::string before = "HTTP/1.1 200 OK\r\n\r\n";
  const std::string after = R"(,"x":"y"}]}garbage)";
  const std::string buffer = before + std::string(sample) + after;
  const std::string_view value = std::string_view(buffer).substr(before.size(), sample.size());
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  BOOST_REQUIRE(!decoder.decode(value, page));
  BOOST_TEST(samples::decode_printed(decoder, value) == samples::decode_printed(sample));
  BOOST_TEST(!!decoder.decode(value.substr(0, value.size() - 1), page));
  BOOST_TEST(decoder.error_path() == "");
}

BOOST_AUTO_TEST_CASE(a_reused_decoder_gives_the_same_results_as_a_fresh_one) {
  unity::fetch_page_decoder reused;
  std::vector<std::string> first_round;
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 0; i < 24; ++i) {
      std::string json = samples::page_of(i * 3 % 11);
      if (i % 5 == 2) json = samples::with(json, "Count", "99");  // an error in between
      if (i % 7 == 3) json = std::string(samples::seed_page);
      const std::string got = samples::decode_printed(reused, json);
      BOOST_TEST(got == samples::decode_printed(json));
      if (round == 0)
        first_round.push_back(got);
      else
        BOOST_TEST(got == first_round[i]);
    }
  }
}

// Each body lives in a heap block freed right after its page was used: a decoder that kept a
// view of an earlier body into a later decode would read freed memory, and ASan would say so.
BOOST_AUTO_TEST_CASE(views_never_outlive_the_body) {
  unity::fetch_page_decoder decoder;
  std::vector<std::string> printed;
  for (std::size_t n : {2u, 7u, 0u, 3u, 1u}) {
    const std::string body = n == 2 ? std::string(samples::seed_page) : samples::page_of(n);
    auto copy = std::make_unique<char[]>(body.size());
    std::memcpy(copy.get(), body.data(), body.size());
    unity::fetch_page page;
    BOOST_REQUIRE(!decoder.decode(std::string_view(copy.get(), body.size()), page));
    BOOST_TEST(page.notifications.size() == n);
    std::ostringstream os;
    os << page;
    BOOST_TEST(os.str() == samples::decode_printed(body));
    copy.reset();
  }
}

BOOST_AUTO_TEST_SUITE_END()
