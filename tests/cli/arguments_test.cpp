#include "arguments.hpp"

#include <eventwire/config/object_reader.hpp>

#include <boost/test/unit_test.hpp>

using namespace eventwire::cli;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(command_line)

BOOST_AUTO_TEST_CASE(demo_takes_duration_rate_and_count) {
  std::string error;
  const auto a = parse_arguments({"demo", "--duration", "1500ms", "--rate", "2.5", "--count", "7"}, error);
  BOOST_TEST_REQUIRE(a.has_value(), error);
  BOOST_TEST(a->command == "demo");
  BOOST_TEST(a->duration->count() == 1500);
  BOOST_TEST(*a->rate == 2.5);
  BOOST_TEST(*a->count == 7u);
}

BOOST_AUTO_TEST_CASE(durations) {
  using eventwire::config::parse_duration;
  BOOST_TEST(parse_duration("10s")->count() == 10000);
  BOOST_TEST(parse_duration("2m")->count() == 120000);
  BOOST_TEST(parse_duration("3")->count() == 3000);
  BOOST_TEST(parse_duration("0.5s")->count() == 500);
  BOOST_TEST(!parse_duration("ten").has_value());
  BOOST_TEST(!parse_duration("-1s").has_value());
  BOOST_TEST(!parse_duration("").has_value());
}

BOOST_AUTO_TEST_CASE(emulate_needs_a_system_and_takes_a_port) {
  std::string error;
  auto a = parse_arguments({"emulate", "signalr", "--port", "8080"}, error);
  BOOST_TEST_REQUIRE(a.has_value(), error);
  BOOST_TEST(a->system == "signalr");
  BOOST_TEST(*a->port == 8080);
  BOOST_TEST(!parse_arguments({"emulate"}, error).has_value());
  BOOST_TEST(error == "emulate needs the system to serve");
}

BOOST_AUTO_TEST_CASE(emulate_takes_a_first_id_a_sent_log_and_a_keep_alive) {
  std::string error;
  auto a = parse_arguments({"emulate", "signalr", "--first-id", "1000000", "--sent-log", "sent.log", "--keep-alive", "1s"},
                           error);
  BOOST_TEST_REQUIRE(a.has_value(), error);
  BOOST_TEST(*a->first_id == 1000000u);
  BOOST_TEST(a->sent_log == "sent.log");
  BOOST_TEST(a->keep_alive->count() == 1000);
  BOOST_TEST(!parse_arguments({"emulate", "signalr", "--first-id", "-1"}, error).has_value());
  BOOST_TEST(error == "--first-id: not a whole number up to 2^53: -1");
  BOOST_TEST(!parse_arguments({"emulate", "signalr", "--keep-alive", "0s"}, error).has_value());
  BOOST_TEST(error == "--keep-alive: not a positive duration: 0s");
  BOOST_TEST(!parse_arguments({"demo", "--first-id", "5"}, error).has_value());
  BOOST_TEST(error == "--first-id, --sent-log and --keep-alive are options of emulate");
}

BOOST_AUTO_TEST_CASE(bad_input_is_one_clear_sentence) {
  std::string error;
  BOOST_TEST(!parse_arguments({}, error).has_value());
  BOOST_TEST(error == "no command given");
  BOOST_TEST(!parse_arguments({"demo", "--rate", "fast"}, error).has_value());
  BOOST_TEST(error == "--rate: not a rate between 0 and 10,000,000 events a second: fast");
  BOOST_TEST(!parse_arguments({"demo", "--port", "70000"}, error).has_value());
  BOOST_TEST(error == "--port: not a port number (0 to 65535): 70000");
  BOOST_TEST(!parse_arguments({"demo", "--count"}, error).has_value());
  BOOST_TEST(error == "--count needs a value");
  BOOST_TEST(!parse_arguments({"demo", "--frobnicate"}, error).has_value());
  BOOST_TEST(error == "unknown option --frobnicate");
}

BOOST_AUTO_TEST_CASE(help_and_version_win) {
  std::string error;
  BOOST_TEST(parse_arguments({"demo", "--help"}, error)->command == "help");
  BOOST_TEST(parse_arguments({"--version"}, error)->command == "version");
}

BOOST_AUTO_TEST_SUITE_END()
