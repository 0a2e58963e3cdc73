// eventwire demo and eventwire emulate, as a user runs them.

#include "program_process.hpp"

#include <eventwire/testing/nats_server.hpp>  // free_port

#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <csignal>
#include <map>
#include <thread>
#include <set>
#include <string>

using eventwire::testing::run_program;

namespace {

namespace json = boost::json;

std::vector<json::object> lines_of(const std::string& out) {
  std::vector<json::object> events;
  for (std::size_t from = 0, nl; (nl = out.find('\n', from)) != std::string::npos; from = nl + 1)
    events.push_back(json::parse(std::string_view(out).substr(from, nl - from)).as_object());
  return events;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(demo)

BOOST_AUTO_TEST_CASE(demo_delivers_the_events_of_all_five_systems_as_cloudevents_lines) {
  // --duration only bounds a failure: the demo ends once every source delivered its 10 events.
  const auto o = run_program({"demo", "--count", "10", "--rate", "500", "--duration", "60s"});
  BOOST_TEST_REQUIRE(o.status == 0, o.err);
  const std::map<std::string, std::string> type_prefix{
      {"eventwire/genetec-websdk", "genetec.securitycenter.event."},
      {"eventwire/genetec-missioncontrol", "genetec.missioncontrol.incident."},
      {"eventwire/clay-incident", "clay.incident"},
      {"eventwire/clay-entry", "clay.entry"},
      {"eventwire/webroot-unity", "webroot.unity."},
      {"eventwire/portos", "portos."},
  };
  std::map<std::string, int> per_source;
  std::set<std::string> ids;
  const auto events = lines_of(o.out);
  for (const auto& event : events) {
    BOOST_TEST(event.at("specversion").as_string() == "1.0");
    const std::string source(event.at("source").as_string());
    const auto prefix = type_prefix.find(source);
    BOOST_TEST_REQUIRE((prefix != type_prefix.end()), "unexpected source " << source);
    BOOST_TEST(event.at("type").as_string().starts_with(prefix->second), event.at("type").as_string());
    BOOST_TEST(event.at("time").is_string());
    BOOST_TEST(event.at("data").is_object());
    ids.insert(std::string(event.at("id").as_string()));
    ++per_source[source];
  }
  BOOST_TEST(events.size() == 60u);
  for (const auto& [source, prefix] : type_prefix) BOOST_TEST(per_source[source] == 10, source);
  BOOST_TEST(ids.size() == events.size(), "every event has its own id");
  BOOST_TEST(o.err.find("60 events delivered from 6 sources") != std::string::npos, o.err);
}

BOOST_AUTO_TEST_CASE(bad_usage_exits_2_and_help_exits_0) {
  BOOST_TEST(run_program({"frobnicate"}).status == 2);
  BOOST_TEST(run_program({"demo", "--rate"}).status == 2);
  const auto help = run_program({"--help"});
  BOOST_TEST(help.status == 0);
  BOOST_TEST(help.out.find("eventwire demo") != std::string::npos);
  BOOST_TEST(run_program({"--version"}).out.starts_with("eventwire "));
  const auto unknown = run_program({"emulate", "atlantis"});
  BOOST_TEST(unknown.status == 2);
  BOOST_TEST(unknown.err.find("available: websdk, missioncontrol, clay, unity, portos, signalr") != std::string::npos,
             unknown.err);
}

// `emulate` prints the sources entry that consumes the emulator; a config made of it is valid.
BOOST_AUTO_TEST_CASE(each_emulator_prints_a_config_entry_that_check_accepts) {
  for (const std::string system : {"websdk", "missioncontrol", "clay", "unity", "portos", "signalr"}) {
    BOOST_TEST_CONTEXT(system) {
      const auto served = run_program({"emulate", system, "--duration", "100ms"});
      BOOST_TEST_REQUIRE(served.status == 0, served.err);
      const auto start = served.err.find("\n[");
      BOOST_TEST_REQUIRE(start != std::string::npos, served.err);
      const auto end = served.err.find('\n', start + 1);
      const json::value sources = json::parse(served.err.substr(start + 1, end - start - 1));
      BOOST_TEST(!sources.as_array().empty());
      const eventwire::testing::temporary_directory dir;
      const json::object config{{"sources", sources}, {"checkpoints", {{"type", "file"}, {"dir", dir.file("state")}}}};
      dir.write("config.json", json::serialize(config));
      const auto checked = run_program({"check", "--config", dir.file("config.json")});
      BOOST_TEST(checked.status == 0, checked.err);
    }
  }
}

// With --count, `emulate` says when the traffic is complete; Unity makes a whole count available
// at once when the rate allows (scripts/bench-run.sh waits for this line, then runs).
BOOST_AUTO_TEST_CASE(emulate_says_when_a_counted_traffic_was_generated) {
  eventwire::testing::running_program unity({"emulate", "unity", "--count", "5000", "--rate", "10000000"});
  const std::string done = "unity emulator: all 5000 events generated";
  const std::string err = unity.wait_for_err(done);
  BOOST_TEST_REQUIRE(err.find(done) != std::string::npos, err);
  const auto start = err.find("\n[");
  const json::value sources = json::parse(err.substr(start + 1, err.find('\n', start + 1) - start - 1));
  const eventwire::testing::temporary_directory dir;
  const json::object config{{"sources", sources}, {"checkpoints", {{"type", "file"}, {"dir", dir.file("state")}}}};
  dir.write("config.json", json::serialize(config));
  const auto o = run_program({"run", "--config", dir.file("config.json"), "--count", "5000", "--duration", "60s"});
  BOOST_TEST(o.status == 0, o.err);
  std::set<std::string> ids;
  for (const auto& event : lines_of(o.out)) ids.insert(std::string(event.at("id").as_string()));
  BOOST_TEST(ids.size() == 5000u);
  unity.signal(SIGTERM);
  BOOST_TEST(unity.finish().status == 0);
}

// GET http://127.0.0.1:port/metrics with a blocking socket; empty when nothing answers yet.
std::string scrape(std::uint16_t port) {
  namespace asio = boost::asio;
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  boost::system::error_code ec;
  socket.connect({asio::ip::make_address("127.0.0.1"), port}, ec);
  if (ec) return {};
  const std::string request = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  asio::write(socket, asio::buffer(request), ec);
  std::string response;
  asio::read(socket, asio::dynamic_buffer(response), ec);
  return response;
}

// The value of one sample line ("name{labels} value"), or -1 when absent.
double sample(const std::string& text, const std::string& series) {
  const auto at = text.find("\n" + series + " ");
  return at == std::string::npos ? -1 : std::stod(text.substr(at + series.size() + 2));
}

BOOST_AUTO_TEST_CASE(metrics_are_served_in_the_prometheus_format_while_it_runs) {
  const std::uint16_t port = eventwire::testing::free_port();
  eventwire::testing::running_program demo(
      {"demo", "--rate", "200", "--duration", "60s", "--metrics-listen", "127.0.0.1:" + std::to_string(port)});
  const std::vector<std::string> sources{"genetec-websdk", "genetec-missioncontrol", "clay-incident",
                                         "clay-entry",     "webroot-unity",          "portos"};
  // Scraped until every source has published (an upper bound of 30 s on the demo's start).
  std::string text;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  // Every source has published and is connected (a source may be between two connections at the
  // moment of one scrape on a loaded machine: the next scrape sees it back).
  const auto all_flowing = [&] {
    for (const auto& s : sources) {
      if (sample(text, "eventwire_source_events_total{source=\"" + s + "\"}") <= 0) return false;
      if (sample(text, "eventwire_source_connected{source=\"" + s + "\"}") != 1.0) return false;
    }
    return true;
  };
  while (!(text = scrape(port), all_flowing()) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  demo.signal(SIGTERM);
  const auto o = demo.finish();
  BOOST_TEST(o.status == 0, o.err);
  BOOST_TEST_REQUIRE(text.starts_with("HTTP/1.1 200 OK"), text);
  BOOST_TEST(text.find("Content-Type: text/plain; version=0.0.4") != std::string::npos);
  BOOST_TEST(all_flowing(), text);
  double delivered = 0;
  for (const auto& s : sources) {
    const std::string which = "{source=\"" + s + "\"}";
    BOOST_TEST(sample(text, "eventwire_source_connected" + which) == 1.0, s);
    BOOST_TEST(sample(text, "eventwire_source_last_event_age_seconds" + which) >= 0.0, s);
    // Each CloudEvents line is longer than 100 bytes; delivered never passes published.
    const double events = sample(text, "eventwire_source_events_total" + which);
    BOOST_TEST(sample(text, "eventwire_source_event_bytes_total" + which) > 100 * events, s);
    const double acknowledged = sample(text, "eventwire_source_events_delivered_total" + which);
    BOOST_TEST(acknowledged >= 0.0, s);
    BOOST_TEST(acknowledged <= events, s);
    delivered += acknowledged;
  }
  // The demo's one sink (stdout) acknowledged what every sink acknowledged.
  const double acknowledged = sample(text, "eventwire_sink_events_acknowledged_total{sink=\"stdout\",index=\"0\"}");
  BOOST_TEST(acknowledged == sample(text, "eventwire_events_delivered_total"), text);
  BOOST_TEST(acknowledged == delivered, text);
  BOOST_TEST(sample(text, "eventwire_sink_errors_total{sink=\"stdout\",index=\"0\"}") == 0.0, text);
  BOOST_TEST(sample(text, "eventwire_queue_bytes") >= 0.0);
  BOOST_TEST(sample(text, "eventwire_queue_batches") >= 0.0);
}

BOOST_AUTO_TEST_CASE(a_bad_or_busy_metrics_address_is_a_clear_failure) {
  const auto bad = eventwire::testing::run_program({"demo", "--duration", "1s", "--metrics-listen", "localhost"});
  BOOST_TEST(bad.status == 2);
  BOOST_TEST(bad.err.find("--metrics-listen: not an address and port: localhost") != std::string::npos, bad.err);

  namespace asio = boost::asio;
  asio::io_context io;
  asio::ip::tcp::acceptor taken(io, {asio::ip::make_address("127.0.0.1"), 0});
  const std::string address = "127.0.0.1:" + std::to_string(taken.local_endpoint().port());
  const auto busy = eventwire::testing::run_program({"demo", "--duration", "1s", "--metrics-listen", address});
  BOOST_TEST(busy.status == 1);
  BOOST_TEST(busy.err.find("cannot serve metrics on " + address) != std::string::npos, busy.err);
}

BOOST_AUTO_TEST_SUITE_END()
