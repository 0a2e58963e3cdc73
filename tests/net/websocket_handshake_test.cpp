// The opening handshake without I/O: the key, the accept value, the request and the checks on
// the answer.

#include "detail/mask_key_source.hpp"
#include "detail/websocket_handshake.hpp"

#include <eventwire/codec/condition.hpp>
#include <eventwire/net/error.hpp>

#include <boost/beast/http/field.hpp>
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

namespace net = eventwire::net;
namespace detail = eventwire::net::detail;
namespace http = boost::beast::http;

namespace {

net::http_response switching(std::string_view accept) {
  net::http_response res(http::status::switching_protocols, 11);
  res.set(http::field::upgrade, "websocket");
  res.set(http::field::connection, "Upgrade");
  res.set(http::field::sec_websocket_accept, accept);
  return res;
}

constexpr std::string_view rfc_key = "dGhlIHNhbXBsZSBub25jZQ==";
constexpr std::string_view rfc_accept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

}  // namespace

BOOST_AUTO_TEST_SUITE(websocket_handshake)

BOOST_AUTO_TEST_CASE(the_rfc_example_accept_value) {
  BOOST_TEST(detail::websocket_accept_for(rfc_key) == rfc_accept);
}

BOOST_AUTO_TEST_CASE(keys_are_16_random_bytes_in_base64) {
  detail::mask_key_source random;
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string key = detail::make_websocket_key(random);
    BOOST_TEST(key.size() == 24u);
    BOOST_TEST(key.ends_with("=="));
    seen.insert(key);
  }
  BOOST_TEST(seen.size() == 100u);
}

BOOST_AUTO_TEST_CASE(mask_keys_differ_from_frame_to_frame_and_between_clients) {
  detail::mask_key_source a;
  detail::mask_key_source b;
  std::set<eventwire::websocket::mask_key> keys;
  for (int i = 0; i < 1000; ++i) {
    keys.insert(a.next_key());
    keys.insert(b.next_key());
  }
  BOOST_TEST(keys.size() > 1990u);
}

BOOST_AUTO_TEST_CASE(the_request_carries_what_the_upgrade_needs) {
  net::url target;
  BOOST_TEST_REQUIRE(!net::parse_url("ws://example.com:8080/hub?id=1", target));
  http::fields headers;
  headers.set(http::field::authorization, "Bearer t");
  headers.set(http::field::user_agent, "custom");
  headers.set(http::field::upgrade, "h2c");  // may not break the upgrade
  headers.set(http::field::sec_websocket_extensions, "permessage-deflate");
  const auto req = detail::make_upgrade_request(target, headers, rfc_key, "eventwire");
  BOOST_TEST(req.method() == http::verb::get);
  BOOST_TEST(req.target() == "/hub?id=1");
  BOOST_TEST(req.version() == 11u);
  BOOST_TEST(req[http::field::host] == "example.com:8080");
  BOOST_TEST(req[http::field::user_agent] == "custom");
  BOOST_TEST(req[http::field::authorization] == "Bearer t");
  BOOST_TEST(req[http::field::upgrade] == "websocket");
  BOOST_TEST(req[http::field::connection] == "Upgrade");
  BOOST_TEST(req[http::field::sec_websocket_key] == rfc_key);
  BOOST_TEST(req[http::field::sec_websocket_version] == "13");
  BOOST_TEST(req.count(http::field::sec_websocket_extensions) == 0u);
}

BOOST_AUTO_TEST_CASE(a_valid_answer_passes) {
  std::string why;
  BOOST_TEST(!detail::check_upgrade_response(switching(rfc_accept), rfc_key, {}, why));
  auto res = switching(rfc_accept);
  res.set(http::field::upgrade, "WebSocket");
  res.set(http::field::connection, "keep-alive, upgrade");
  BOOST_TEST(!detail::check_upgrade_response(res, rfc_key, {}, why));
}

BOOST_AUTO_TEST_CASE(any_status_but_101_is_a_refusal) {
  std::string why;
  net::http_response res(http::status::unauthorized, 11);
  BOOST_TEST(detail::check_upgrade_response(res, rfc_key, {}, why) == std::error_code(net::error::upgrade_refused));
  BOOST_TEST(why == "refused with status 401");
}

BOOST_AUTO_TEST_CASE(a_101_that_is_not_a_websocket_switch_is_invalid) {
  const auto invalid = std::error_code(net::error::upgrade_invalid);
  std::string why;
  BOOST_TEST(detail::check_upgrade_response(switching("wrong"), rfc_key, {}, why) == invalid);
  BOOST_TEST(why == "answered 101 with a wrong Sec-WebSocket-Accept");
  auto res = switching(rfc_accept);
  res.erase(http::field::upgrade);
  BOOST_TEST(detail::check_upgrade_response(res, rfc_key, {}, why) == invalid);
  BOOST_TEST(why == "answered 101 with no \"Upgrade: websocket\"");
  res = switching(rfc_accept);
  res.set(http::field::connection, "keep-alive");
  BOOST_TEST(detail::check_upgrade_response(res, rfc_key, {}, why) == invalid);
  BOOST_TEST(why == "answered 101 with no \"Connection: Upgrade\"");
  res = switching(rfc_accept);
  res.set(http::field::sec_websocket_extensions, "permessage-deflate");
  BOOST_TEST(detail::check_upgrade_response(res, rfc_key, {}, why) == invalid);
  BOOST_TEST(why == "answered 101 with an extension that was not offered");
  res = switching(rfc_accept);
  res.set(http::field::sec_websocket_protocol, "chat");
  BOOST_TEST(detail::check_upgrade_response(res, rfc_key, {}, why) == invalid);
  BOOST_TEST(why == "answered 101 with a subprotocol that was not offered");
  http::fields offered;
  offered.set(http::field::sec_websocket_protocol, "superchat, chat");
  BOOST_TEST(!detail::check_upgrade_response(res, rfc_key, offered, why));
}

BOOST_AUTO_TEST_CASE(upgrade_invalid_has_its_own_message) {
  const std::error_code ec = net::error::upgrade_invalid;
  BOOST_TEST(ec.message() == "the server's answer to the WebSocket upgrade is not a valid switch to WebSocket");
  BOOST_TEST((ec == eventwire::codec::condition::protocol_violation));
}

BOOST_AUTO_TEST_SUITE_END()
