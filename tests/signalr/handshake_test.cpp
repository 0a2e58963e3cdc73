#include "signalr_testing.hpp"

#include <eventwire/codec/condition.hpp>
#include <eventwire/json/error.hpp>
#include <eventwire/signalr/error.hpp>
#include <eventwire/signalr/handshake.hpp>
#include <eventwire/testing/split_check.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace eventwire;
using namespace eventwire::signalr;
using codec::status;
using strings = std::vector<std::string>;

namespace {

// Runs a stream through the handshake decoder and then, from the same buffers, the framer: the
// handshake outcome (with the bytes it consumed in all) followed by every later record.
std::vector<std::string> handshake_then_records(std::string_view input, std::span<const std::size_t> cuts,
                                                std::size_t max_response_size) {
  handshake_decoder handshake;
  handshake.max_response_size = max_response_size;
  record_framer framer;
  std::vector<std::string> out;
  std::size_t consumed = 0;
  bool stopped = false;
  eventwire::testing::feed_in_chunks(input, cuts, [&](std::string_view piece) {
    if (stopped) return;
    if (!handshake.succeeded()) {
      const codec::feed_result r = handshake.feed(piece);
      BOOST_TEST(r.consumed <= piece.size());
      consumed += r.consumed;
      if (r.state == status::error) {
        out.push_back("error: " + handshake.error().message() + " [" + std::string(handshake.server_error()) + "]");
        stopped = true;
        return;
      }
      if (r.state == status::need_more) return;
      out.push_back("handshake ok after " + std::to_string(consumed) + " bytes");
      piece.remove_prefix(r.consumed);
    }
    for (;;) {
      const codec::feed_result r = framer.feed(piece);
      if (r.state != status::event) break;
      piece.remove_prefix(r.consumed);
      out.emplace_back(framer.record());
    }
  });
  if (!stopped) {
    if (const std::error_code ec = handshake.finish()) out.push_back("finish: " + ec.message());
    else if (const std::error_code fec = framer.finish()) out.push_back("finish: " + fec.message());
  }
  return out;
}

std::vector<std::string> check(std::string_view input, std::size_t max = handshake_decoder::default_max_response_size) {
  return eventwire::testing::check_all_splits(input, [max](std::string_view in, std::span<const std::size_t> cuts) {
    return handshake_then_records(in, cuts, max);
  });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(handshake_tests)

BOOST_AUTO_TEST_CASE(request_for_version_1_and_2) {
  std::string out = "x";
  append_handshake_request(out);
  BOOST_TEST(out == "x{\"protocol\":\"json\",\"version\":1}\x1e");
  out.clear();
  append_handshake_request(out, 2);
  BOOST_TEST(out == "{\"protocol\":\"json\",\"version\":2}\x1e");
}

BOOST_AUTO_TEST_CASE(empty_object_is_success) {
  BOOST_TEST(check("{}\x1e") == strings{"handshake ok after 3 bytes"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bytes_after_the_response_are_left_for_the_framer) {
  const auto got = check("{}\x1e{\"type\":6}\x1e{\"type\":1,\"target\":\"T\",\"arguments\":[1]}\x1e{\"ty");
  BOOST_TEST(got == (strings{"handshake ok after 3 bytes", "{\"type\":6}", "{\"type\":1,\"target\":\"T\",\"arguments\":[1]}",
                             "finish: connection ended inside a record"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(feed_returns_the_offset_of_the_first_hub_message) {
  handshake_decoder d;
  const std::string input = "{}\x1e{\"type\":6}\x1e";
  BOOST_TEST(d.feed(input) == (codec::feed_result{3, status::event}));
  BOOST_TEST(d.succeeded());
  BOOST_TEST(d.feed(std::string_view(input).substr(3)) == (codec::feed_result{0, status::event}));
  BOOST_TEST(!d.finish());
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_ignored) {
  BOOST_TEST(check(" { \"minorVersion\" : 1, \"x\":[{\"error\":1}] }\x1e") == strings{"handshake ok after 43 bytes"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(error_is_a_rejection_with_the_server_text) {
  const auto got = check("{\"error\":\"Requested protocol 'messagepack' is not available.\"}\x1e");
  BOOST_TEST(got == strings{"error: the server rejected the handshake [Requested protocol 'messagepack' is not available.]"},
             boost::test_tools::per_element());
  handshake_decoder d;
  BOOST_TEST(d.feed("{\"error\":\"a \\\"quoted\\\" \\u00e9\"}\x1e").state == status::error);
  BOOST_TEST(d.error() == make_error_code(error::handshake_rejected));
  BOOST_TEST((d.error() == codec::condition::protocol_violation));
  BOOST_TEST(d.server_error() == "a \"quoted\" \xc3\xa9");
  BOOST_TEST(d.finish() == make_error_code(error::handshake_rejected));
  d.reset();
  BOOST_TEST(d.server_error().empty());
  BOOST_TEST(d.feed("{}\x1e").state == status::event);
}

BOOST_AUTO_TEST_CASE(null_error_is_success) {
  BOOST_TEST(check("{\"error\":null}\x1e") == strings{"handshake ok after 15 bytes"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(error_that_is_not_a_string) {
  BOOST_TEST(check("{\"error\":42}\x1e") ==
                 strings{"error: the handshake response's 'error' property is not a string []"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(type_key_means_a_hub_message_not_a_response) {
  BOOST_TEST(check("{\"type\":6}\x1e") == strings{"error: expected a handshake response from the server []"},
             boost::test_tools::per_element());
  BOOST_TEST(check("{\"error\":\"x\",\"type\":1}\x1e") ==
                 strings{"error: expected a handshake response from the server []"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(invalid_json_is_an_error) {
  BOOST_TEST(check("{\"a\":}\x1e") == strings{"error: unexpected character in JSON text []"},
             boost::test_tools::per_element());
  BOOST_TEST(check("[]\x1e") == strings{"error: expected a JSON object []"}, boost::test_tools::per_element());
  BOOST_TEST(check("{}}\x1e") == strings{"error: unexpected data after the JSON value []"},
             boost::test_tools::per_element());
  handshake_decoder d;
  BOOST_TEST(d.feed("{\x1e").state == status::error);
  BOOST_TEST(d.error() == make_error_code(json::error::unexpected_end));
}

BOOST_AUTO_TEST_CASE(size_limit) {
  const std::string big = "{\"x\":\"" + std::string(100, 'a') + "\"}\x1e";
  BOOST_TEST(check(big, 50) == strings{"error: SignalR handshake response exceeds the maximum size []"},
             boost::test_tools::per_element());
  handshake_decoder d;
  d.max_response_size = 50;
  BOOST_TEST(d.feed(std::string(51, ' ')).state == status::error);
  BOOST_TEST((d.error() == codec::condition::limit_exceeded));
}

BOOST_AUTO_TEST_CASE(end_of_input_before_the_response) {
  BOOST_TEST(check("{\"err") == strings{"finish: connection ended before the handshake response was complete"},
             boost::test_tools::per_element());
  handshake_decoder d;
  BOOST_TEST(d.finish() == make_error_code(error::handshake_incomplete));
}

BOOST_AUTO_TEST_SUITE_END()
