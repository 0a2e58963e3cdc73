#include <eventwire/codec/condition.hpp>
#include <eventwire/json/error.hpp>
#include <eventwire/signalr/error.hpp>
#include <eventwire/signalr/negotiate.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

using namespace eventwire;
using namespace eventwire::signalr;

namespace {

std::string printed(std::string_view body) {
  negotiate_response r;
  const std::error_code ec = decode_negotiate_response(body, r);
  if (ec) return "error: " + ec.message();
  std::ostringstream os;
  os << r;
  return os.str();
}

connection_offer offer(std::string_view body) {
  negotiate_response r;
  const std::error_code ec = decode_negotiate_response(body, r);
  BOOST_TEST_REQUIRE(!ec, ec.message());
  BOOST_TEST_REQUIRE(std::holds_alternative<connection_offer>(r));
  return std::get<connection_offer>(r);
}

constexpr std::string_view v1_body = R"({
  "connectionId":"807809a5-31bf-470d-9e23-afaee35d8a0d",
  "connectionToken":"3fa85f64-5717-4562-b3fc-2c963f66afa6",
  "negotiateVersion":1,
  "availableTransports":[
    {"transport":"WebSockets","transferFormats":["Text","Binary"]},
    {"transport":"ServerSentEvents","transferFormats":["Text"]},
    {"transport":"LongPolling","transferFormats":["Text","Binary"]}
  ]
})";

}  // namespace

BOOST_AUTO_TEST_SUITE(negotiate_tests)

BOOST_AUTO_TEST_CASE(version_1) {
  const connection_offer o = offer(v1_body);
  BOOST_TEST(o.negotiate_version == 1);
  BOOST_TEST(o.connection_id.equals("807809a5-31bf-470d-9e23-afaee35d8a0d"));
  BOOST_TEST(o.connection_token.equals("3fa85f64-5717-4562-b3fc-2c963f66afa6"));
  BOOST_TEST_REQUIRE(o.transports.size() == 3u);
  BOOST_TEST(o.transports[1].transport.equals("ServerSentEvents"));
  BOOST_TEST(o.transports[2].transfer_formats.size() == 2u);
  BOOST_TEST(!o.use_stateful_reconnect);
  BOOST_TEST(offers_websockets_text(o));
  BOOST_TEST(printed(v1_body) ==
             R"(connection_offer{negotiateVersion=1, connectionId="807809a5-31bf-470d-9e23-afaee35d8a0d", )"
             R"(connectionToken="3fa85f64-5717-4562-b3fc-2c963f66afa6", transports=["WebSockets":["Text","Binary"], )"
             R"("ServerSentEvents":["Text"], "LongPolling":["Text","Binary"]]})");
}

BOOST_AUTO_TEST_CASE(version_0_uses_the_connection_id_as_token) {
  const connection_offer o = offer(
      R"({"connectionId":"abc","availableTransports":[{"transport":"LongPolling","transferFormats":["Text"]}]})");
  BOOST_TEST(o.negotiate_version == 0);
  BOOST_TEST(o.connection_token.equals("abc"));
  BOOST_TEST(!offers_websockets_text(o));
  // A version-0 server that sends a token anyway: still the connectionId.
  BOOST_TEST(offer(R"({"negotiateVersion":0,"connectionId":"abc","connectionToken":"xyz"})").connection_token.equals("abc"));
}

BOOST_AUTO_TEST_CASE(stateful_reconnect_and_unknown_keys) {
  const connection_offer o = offer(
      R"({"x":{"error":"not me"},"negotiateVersion":1,"connectionId":"a","connectionToken":"b","useStatefulReconnect":true,"y":[1]})");
  BOOST_TEST(o.use_stateful_reconnect);
  BOOST_TEST(o.transports.empty());
  BOOST_TEST(!offers_websockets_text(o));
}

BOOST_AUTO_TEST_CASE(websockets_without_text_is_not_offered) {
  BOOST_TEST(!offers_websockets_text(offer(
      R"({"connectionId":"a","availableTransports":[{"transport":"WebSockets","transferFormats":["Binary"]},{"transport":"LongPolling","transferFormats":["Text"]}]})")));
  BOOST_TEST(!offers_websockets_text(offer(R"({"connectionId":"a","availableTransports":[{"transport":"WebSockets"}]})")));
  BOOST_TEST(offers_websockets_text(offer(
      R"({"connectionId":"a","availableTransports":[{"transferFormats":["Binary","Text"],"transport":"WebSockets","extra":1}]})")));
}

BOOST_AUTO_TEST_CASE(redirect) {
  negotiate_response r;
  BOOST_TEST_REQUIRE(!decode_negotiate_response(
      R"({"url":"https://x.service.signalr.net/client/?hub=chat","accessToken":"ey.J\/x"})", r));
  const auto& hop = std::get<negotiate_redirect>(r);
  BOOST_TEST(hop.url.equals("https://x.service.signalr.net/client/?hub=chat"));
  BOOST_TEST(hop.access_token->equals("ey.J/x"));
  BOOST_TEST(printed(R"({"url":"http://a/b"})") == R"(negotiate_redirect{url="http://a/b"})");
}

BOOST_AUTO_TEST_CASE(error_carries_the_server_text) {
  negotiate_response r;
  const std::error_code ec = decode_negotiate_response(R"({"error":"Negotiate \"failed\"","url":"http://x"})", r);
  BOOST_TEST(ec == make_error_code(error::negotiate_rejected));
  BOOST_TEST(ec.message() == "the server rejected the negotiation");
  BOOST_TEST((ec == codec::condition::protocol_violation));
  std::string scratch;
  BOOST_TEST(std::get<negotiate_failure>(r).message.decode(scratch) == "Negotiate \"failed\"");
  std::ostringstream os;
  os << r;
  BOOST_TEST(os.str() == R"(negotiate_failure{error="Negotiate \"failed\""})");
}

BOOST_AUTO_TEST_CASE(classic_asp_net_signalr_is_rejected) {
  BOOST_TEST(printed(R"({"Url":"/signalr","ConnectionToken":"x","ConnectionId":"y","ProtocolVersion":"1.5"})") ==
             "error: the server is classic ASP.NET SignalR (its negotiate response has 'ProtocolVersion'); only "
             "ASP.NET Core SignalR is supported");
}

BOOST_AUTO_TEST_CASE(every_negotiate_error_text) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"negotiateVersion":1,"availableTransports":[]})", "negotiate response without a connectionId"},
      {R"({"negotiateVersion":1,"connectionId":"a"})", "negotiate response (version 1 or later) without a connectionToken"},
      {R"({"connectionId":5})", "negotiate response property has the wrong type"},
      {R"({"connectionId":"a","negotiateVersion":"1"})", "negotiate response property has the wrong type"},
      {R"({"connectionId":"a","negotiateVersion":1.5})", "negotiate response property has the wrong type"},
      {R"({"connectionId":"a","useStatefulReconnect":1})", "negotiate response property has the wrong type"},
      {R"({"url":["x"]})", "negotiate response property has the wrong type"},
      {R"({"connectionId":"a","availableTransports":{}})", "negotiate response property has the wrong type"},
      {R"({"connectionId":"a","availableTransports":["WebSockets"]})",
       "negotiate 'availableTransports' is not an array of {transport, transferFormats} objects"},
      {R"({"connectionId":"a","availableTransports":[{"transferFormats":["Text"]}]})",
       "negotiate 'availableTransports' is not an array of {transport, transferFormats} objects"},
      {R"({"connectionId":"a","availableTransports":[{"transport":"WebSockets","transferFormats":[1]}]})",
       "negotiate 'availableTransports' is not an array of {transport, transferFormats} objects"},
      {R"({"connectionId":"a","availableTransports":[{"transport":"WebSockets","transferFormats":"Text"}]})",
       "negotiate 'availableTransports' is not an array of {transport, transferFormats} objects"},
  };
  for (const auto& [body, message] : cases) {
    BOOST_TEST_CONTEXT(body) { BOOST_TEST(printed(body) == std::string("error: ") + message); }
  }
}

BOOST_AUTO_TEST_CASE(null_properties_count_as_absent) {
  const connection_offer o = offer(R"({"connectionId":"a","url":null,"error":null,"availableTransports":null})");
  BOOST_TEST(o.transports.empty());
}

BOOST_AUTO_TEST_CASE(invalid_json) {
  negotiate_response r;
  BOOST_TEST(decode_negotiate_response("", r) == make_error_code(json::error::unexpected_end));
  BOOST_TEST(decode_negotiate_response("<html>", r) == make_error_code(json::error::unexpected_character));
  BOOST_TEST(decode_negotiate_response("[]", r) == make_error_code(json::error::expected_object));
  BOOST_TEST(decode_negotiate_response(R"({"connectionId":"a"} x)", r) == make_error_code(json::error::trailing_data));
}

BOOST_AUTO_TEST_SUITE_END()
