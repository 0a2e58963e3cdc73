#include <eventwire/codec/condition.hpp>
#include <eventwire/net/error.hpp>

#include <boost/test/unit_test.hpp>

#include <set>
#include <sstream>
#include <string>

namespace net = eventwire::net;

BOOST_AUTO_TEST_SUITE(net_error)

BOOST_AUTO_TEST_CASE(every_code_has_its_own_message) {
  std::set<std::string> seen;
  for (int code = 1; code <= static_cast<int>(net::error::not_connected); ++code) {
    const std::error_code ec(static_cast<net::error>(code));
    BOOST_TEST(ec.category().name() == std::string("eventwire.net"));
    BOOST_TEST(ec.message().find("eventwire.net error") == std::string::npos, code);
    BOOST_TEST(seen.insert(ec.message()).second, ec.message());
  }
  BOOST_TEST(std::error_code(99, net::error_category()).message() == "eventwire.net error 99");
}

BOOST_AUTO_TEST_CASE(messages_read_as_sentences) {
  BOOST_TEST(std::error_code(net::error::certificate_pin_mismatch).message() ==
             "the server's TLS certificate does not match the pinned SHA-256 fingerprint");
  BOOST_TEST(std::error_code(net::error::too_many_redirects).message() == "too many redirects");
  std::ostringstream os;
  os << net::error::read_timeout;
  BOOST_TEST(os.str() == "nothing arrived within the read timeout");
}

BOOST_AUTO_TEST_CASE(codes_map_to_conditions_by_kind) {
  for (auto e : {net::error::connect_timeout, net::error::handshake_timeout,
                 net::error::write_timeout, net::error::read_timeout})
    BOOST_TEST((std::error_code(e) == std::errc::timed_out));
  for (auto e : {net::error::response_too_large, net::error::header_too_large,
                 net::error::message_too_large, net::error::too_many_redirects})
    BOOST_TEST((std::error_code(e) == eventwire::codec::condition::limit_exceeded));
  for (auto e : {net::error::invalid_url, net::error::missing_scheme, net::error::invalid_pin})
    BOOST_TEST((std::error_code(e) == std::errc::invalid_argument));
  BOOST_TEST((std::error_code(net::error::redirect_without_location) ==
              eventwire::codec::condition::protocol_violation));
  BOOST_TEST((std::error_code(net::error::certificate_rejected) != std::errc::timed_out));
}

BOOST_AUTO_TEST_SUITE_END()
