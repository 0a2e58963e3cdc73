#include <eventwire/codec/condition.hpp>
#include <eventwire/signalr/error.hpp>

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

using namespace eventwire;
using namespace eventwire::signalr;

BOOST_AUTO_TEST_SUITE(signalr_error_tests)

BOOST_AUTO_TEST_CASE(category_and_conditions) {
  BOOST_TEST(std::string(error_category().name()) == "eventwire.signalr");
  const std::error_code ec = error::record_too_large;
  BOOST_TEST((ec == codec::condition::limit_exceeded));
  BOOST_TEST((std::error_code(error::handshake_too_large) == codec::condition::limit_exceeded));
  BOOST_TEST((std::error_code(error::missing_type) == codec::condition::protocol_violation));
  BOOST_TEST((std::error_code(error::negotiate_rejected) == codec::condition::protocol_violation));
}

BOOST_AUTO_TEST_CASE(every_code_has_its_own_message) {
  std::set<std::string> messages;
  const int last = static_cast<int>(error::negotiate_transports_malformed);
  for (int code = 1; code <= last; ++code) {
    const std::string m = error_category().message(code);
    BOOST_TEST(m.find("eventwire.signalr error") == std::string::npos, m);
    messages.insert(m);
    const bool limit = code == static_cast<int>(error::record_too_large) ||
                       code == static_cast<int>(error::handshake_too_large);
    BOOST_TEST((std::error_code(code, error_category()) ==
                (limit ? codec::condition::limit_exceeded : codec::condition::protocol_violation)));
  }
  BOOST_TEST(messages.size() == static_cast<std::size_t>(last));
  BOOST_TEST(error_category().message(last + 1) == "eventwire.signalr error " + std::to_string(last + 1));
}

BOOST_AUTO_TEST_SUITE_END()
