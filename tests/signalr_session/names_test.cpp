// Every session error has its message and condition; the small types print.

#include <eventwire/codec/condition.hpp>
#include <eventwire/signalr/connection_state.hpp>
#include <eventwire/signalr/invocation_result.hpp>
#include <eventwire/signalr/session_error.hpp>

#include <boost/test/unit_test.hpp>

#include <set>
#include <sstream>
#include <string>

namespace {

namespace signalr = eventwire::signalr;
using signalr::session_error;

template <class T>
std::string printed(const T& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hub_connection_names)

BOOST_AUTO_TEST_CASE(every_session_error_has_a_distinct_message) {
  std::set<std::string> seen;
  for (int code = 1; code <= static_cast<int>(session_error::reconnect_gave_up); ++code) {
    const std::error_code ec = static_cast<session_error>(code);
    BOOST_TEST(std::string(ec.category().name()) == "eventwire.signalr.session");
    BOOST_TEST(!ec.message().empty());
    BOOST_TEST(ec.message().find("error " + std::to_string(code)) == std::string::npos, ec.message());
    BOOST_TEST(seen.insert(ec.message()).second, "duplicate message " << ec.message());
  }
  BOOST_TEST(std::error_code(static_cast<session_error>(99)).message() == "eventwire.signalr.session error 99");
}

BOOST_AUTO_TEST_CASE(session_errors_use_the_official_clients_texts) {
  BOOST_TEST(printed(session_error::stopped) == "connection stopped");
  BOOST_TEST(printed(session_error::connection_lost) == "Invocation canceled due to the underlying connection being closed.");
  BOOST_TEST(printed(session_error::server_timeout) == "Server timeout elapsed without receiving a message from the server.");
  BOOST_TEST(printed(session_error::negotiate_redirect_limit) == "Negotiate redirection limit exceeded.");
}

BOOST_AUTO_TEST_CASE(session_errors_map_to_conditions) {
  using eventwire::codec::condition;
  BOOST_TEST((std::error_code(session_error::server_timeout) == std::errc::timed_out));
  BOOST_TEST((std::error_code(session_error::handshake_timeout) == std::errc::timed_out));
  BOOST_TEST((std::error_code(session_error::send_queue_full) == condition::limit_exceeded));
  BOOST_TEST((std::error_code(session_error::negotiate_redirect_limit) == condition::limit_exceeded));
  BOOST_TEST((std::error_code(session_error::invalid_url) == std::errc::invalid_argument));
  BOOST_TEST((std::error_code(session_error::stopped) == std::errc::operation_canceled));
  BOOST_TEST((std::error_code(session_error::invocation_cancelled) == std::errc::operation_canceled));
  BOOST_TEST((std::error_code(session_error::connection_lost) != std::errc::operation_canceled));
}

BOOST_AUTO_TEST_CASE(states_and_results_print) {
  BOOST_TEST(printed(signalr::connection_state::reconnecting) == "reconnecting");
  BOOST_TEST(printed(signalr::connection_state::disconnected) == "disconnected");
  BOOST_TEST(printed(signalr::invocation_result::value("42")) == "value 42");
  BOOST_TEST(printed(signalr::invocation_result::error("no")) == "error \"no\"");
  BOOST_TEST(printed(signalr::invocation_result::none()) == "none");
}

BOOST_AUTO_TEST_SUITE_END()
