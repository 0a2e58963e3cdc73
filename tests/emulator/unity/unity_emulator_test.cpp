#include "unity_testing.hpp"

#include <eventwire/net/http_client.hpp>
#include <eventwire/unity/api_error_decoder.hpp>
#include <eventwire/unity/fetch_page_decoder.hpp>
#include <eventwire/unity/position.hpp>
#include <eventwire/unity/position_decoder.hpp>

#include <boost/beast/http/field.hpp>
#include <boost/json/parse.hpp>

namespace t = eventwire::testing;
namespace net = eventwire::net;
namespace unity = eventwire::unity;
namespace emulator = eventwire::emulator;
namespace asio = boost::asio;
namespace http = boost::beast::http;
using namespace std::chrono_literals;

namespace {

constexpr const char* sub = "222c9efe-c76d-41a9-a41b-c86a955a5529";

struct client_fixture {
  explicit client_fixture(emulator::unity_emulator_options o = {}) : emu(io.get_executor(), std::move(o)) {
    token = emu.issue_token(300s);
  }
  ~client_fixture() {
    emu.stop();
    io.restart();
    io.run_for(2s);
  }

  net::http_response call(http::verb method, const std::string& target, std::string body = {},
                          std::optional<std::string> bearer = {}, std::error_code* error = nullptr) {
    net::http_response out;
    t::run_test(io, [&]() -> asio::awaitable<void> {
      net::http_client client(io.get_executor());
      net::http_request req;
      req.method = method;
      req.url = emu.base_url();
      const auto q = target.find('?');
      req.url.path = target.substr(0, q);
      if (q != std::string::npos) req.url.query = target.substr(q + 1);
      req.headers.set(http::field::authorization, "Bearer " + bearer.value_or(token));
      req.headers.set(http::field::content_type, "application/json");
      req.body = body;
      auto [ec, res] = co_await client.send(std::move(req));
      if (error) *error = ec;
      out = std::move(res);
    }());
    return out;
  }

  net::http_response fetch(const std::string& position, std::string subscription = sub) {
    return call(http::verb::get, "/api/notifications/subscriptions/" + subscription + "/fetch?position=" + position);
  }

  asio::io_context io;
  emulator::unity_emulator emu;
  std::string token;
};

std::string error_text(const net::http_response& res) {
  unity::api_error e;
  unity::api_error_decoder d;
  if (d.decode(res.body(), e)) return "(not an error answer) " + res.body();
  std::string scratch, out;
  if (e.error) out += std::string(e.error->decode(scratch));
  if (e.description) out += ": " + std::string(e.description->decode(scratch));
  if (e.message) out += std::string(e.message->decode(scratch));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(unity_emulator)

BOOST_AUTO_TEST_CASE(serves_pages_of_at_most_the_page_size_oldest_first_that_the_codec_decodes) {
  client_fixture f({.page_size = 1000});
  f.emu.generate(1500);
  auto res = f.fetch(f.emu.position_at(sub, 1));
  BOOST_TEST(res.result_int() == 200u);
  unity::fetch_page_decoder decoder;
  unity::fetch_page page;
  BOOST_REQUIRE(!decoder.decode(res.body(), page));
  BOOST_TEST(page.count == 1000u);
  BOOST_TEST(page.more_available);
  BOOST_TEST(page.subscription_id.equals(sub));
  BOOST_TEST(page.notifications[0].event_id.equals(emulator::unity_emulator::event_id(1)));
  BOOST_TEST(page.notifications[0].event_type.equals("WebThreatShield.UrlAction"));
  BOOST_TEST(page.notifications[1].event_object_name.equals("EndpointFileDetectionEvent"));
  BOOST_TEST(page.notifications[999].event_id.equals(emulator::unity_emulator::event_id(1000)));
  const auto wts = boost::json::parse(page.notifications[0].event_json).as_object();
  BOOST_TEST(wts.at("BlockDetails").as_object().at("ActionTaken").as_string() == "BLOCK");
  BOOST_TEST(wts.contains("MachineId"));
  std::string scratch;
  const std::string next(page.next_position.decode(scratch));
  BOOST_TEST(next == f.emu.position_at(sub, 1001));

  res = f.fetch(next);
  BOOST_REQUIRE(!decoder.decode(res.body(), page));
  BOOST_TEST(page.count == 500u);
  BOOST_TEST(!page.more_available);
  BOOST_TEST(page.notifications[499].event_id.equals(emulator::unity_emulator::event_id(1500)));
  // An empty page keeps the position.
  const std::string last(page.next_position.decode(scratch));
  res = f.fetch(last);
  BOOST_REQUIRE(!decoder.decode(res.body(), page));
  BOOST_TEST(page.count == 0u);
  BOOST_TEST(page.next_position.equals(last));
  BOOST_TEST(f.emu.statistics().notifications_served == 1500u);
}

BOOST_AUTO_TEST_CASE(creates_positions_of_every_type) {
  client_fixture f;
  f.emu.generate(5);
  const std::string path = std::string("/api/notifications/subscriptions/") + sub + "/position";
  unity::position_decoder decoder;
  auto created = [&](const unity::position_request& r) {
    const auto res = f.call(http::verb::post, path, unity::encode_position_request(r));
    BOOST_TEST(res.result_int() == 200u);
    eventwire::json::raw_string p;
    BOOST_REQUIRE(!decoder.decode(res.body(), p));
    std::string scratch;
    return std::string(p.decode(scratch));
  };
  BOOST_TEST(created({unity::position_type::after_newest, {}}) == f.emu.position_at(sub, 6));
  BOOST_TEST(created({unity::position_type::newest, {}}) == f.emu.position_at(sub, 5));
  BOOST_TEST(created({unity::position_type::oldest, {}}) == f.emu.position_at(sub, 1));
  const auto past = std::chrono::time_point_cast<eventwire::time::ticks>(f.emu.now() - 1h);
  BOOST_TEST(created({unity::position_type::date, past}) == f.emu.position_at(sub, 1));
  const auto future = std::chrono::time_point_cast<eventwire::time::ticks>(f.emu.now() + 1h);
  BOOST_TEST(created({unity::position_type::date, future}) == f.emu.position_at(sub, 6));
  const auto bad = f.call(http::verb::post, path, R"({"PositionType":"sometime"})");
  BOOST_TEST(bad.result_int() == 400u);
  BOOST_TEST(error_text(bad) == "The request is invalid: PositionType must be new, latest, date or horizon.");
  BOOST_TEST(f.emu.statistics().positions_created == 5u);
}

BOOST_AUTO_TEST_CASE(positions_are_bound_to_one_subscription_and_expire_with_retention) {
  client_fixture f({.subscriptions = {sub, "second"}, .retention = std::chrono::hours(1)});
  f.emu.generate(3);
  auto res = f.fetch(f.emu.position_at("second", 1));
  BOOST_TEST(res.result_int() == 400u);
  BOOST_TEST(error_text(res) == "invalid_position: The position belongs to another subscription.");
  res = f.fetch("bm90LWEtcG9zaXRpb24");
  BOOST_TEST(res.result_int() == 400u);
  BOOST_TEST(error_text(res) == "invalid_position: The position is not valid.");
  res = f.fetch(f.emu.position_at(sub, 1), "unknown");
  BOOST_TEST(res.result_int() == 404u);
  BOOST_TEST(error_text(res) == "Subscription unknown was not found.");
  // Past the retention window the notifications are gone and so are positions before them.
  f.emu.advance_time(2h);
  f.emu.generate(1);
  f.token = f.emu.issue_token(300s);
  res = f.fetch(f.emu.position_at(sub, 2));
  BOOST_TEST(res.result_int() == 400u);
  BOOST_TEST(error_text(res).find("The position has expired") != std::string::npos);
  res = f.fetch(f.emu.position_at(sub, 4));
  BOOST_TEST(res.result_int() == 200u);
  BOOST_TEST(f.emu.statistics().discarded == 3u);
  BOOST_TEST(f.emu.statistics().positions_rejected == 3u);
}

BOOST_AUTO_TEST_CASE(checks_bearer_tokens_with_expiry_and_serves_a_token_endpoint) {
  client_fixture f;
  const auto position = f.emu.position_at(sub, 1);
  const std::string target = std::string("/api/notifications/subscriptions/") + sub + "/fetch?position=" + position;
  BOOST_TEST(f.call(http::verb::get, target, {}, std::string("wrong")).result_int() == 401u);
  auto res = f.call(http::verb::get, target, {}, std::string());
  BOOST_TEST(res.result_int() == 401u);
  BOOST_TEST(res[http::field::www_authenticate] == "Bearer error=\"invalid_token\"");
  BOOST_TEST(f.fetch(position).result_int() == 200u);
  f.emu.advance_time(301s);
  BOOST_TEST(f.fetch(position).result_int() == 401u);
  BOOST_TEST(f.emu.statistics().unauthorized == 3u);

  res = f.call(http::verb::post, "/auth/token",
               "grant_type=client_credentials&client_id=eventwire&client_secret=unity-emulator-secret");
  BOOST_TEST(res.result_int() == 200u);
  auto answer = boost::json::parse(res.body()).as_object();
  BOOST_TEST(answer.at("expires_in").as_int64() == 300);
  BOOST_TEST(answer.at("token_type").as_string() == "Bearer");
  f.token = std::string(answer.at("access_token").as_string());
  BOOST_TEST(f.fetch(position).result_int() == 200u);
  const std::string refresh(answer.at("refresh_token").as_string());
  res = f.call(http::verb::post, "/auth/token", "grant_type=refresh_token&refresh_token=" + refresh);
  BOOST_TEST(res.result_int() == 200u);
  // A refresh token is used once.
  res = f.call(http::verb::post, "/auth/token", "grant_type=refresh_token&refresh_token=" + refresh);
  BOOST_TEST(res.result_int() == 400u);
  BOOST_TEST(boost::json::parse(res.body()).at("error").as_string() == "invalid_grant");
  res = f.call(http::verb::post, "/auth/token", "grant_type=client_credentials&client_id=eventwire&client_secret=no");
  BOOST_TEST(res.result_int() == 401u);
  BOOST_TEST(f.emu.statistics().refresh_grants == 2u);
}

BOOST_AUTO_TEST_CASE(fault_knobs_429_500_and_truncated_bodies) {
  client_fixture f;
  f.emu.generate(10);
  const auto position = f.emu.position_at(sub, 1);
  f.emu.set_faults({.too_many_requests = 1, .retry_after = 7s, .server_errors = 1, .truncated_bodies = 1});
  auto res = f.fetch(position);
  BOOST_TEST(res.result_int() == 429u);
  BOOST_TEST(res[http::field::retry_after] == "7");
  res = f.fetch(position);
  BOOST_TEST(res.result_int() == 500u);
  BOOST_TEST(error_text(res) == "server_error: An error has occurred.");
  std::error_code ec;
  f.call(http::verb::get, std::string("/api/notifications/subscriptions/") + sub + "/fetch?position=" + position, {}, {},
         &ec);
  BOOST_TEST(static_cast<bool>(ec));  // the body ends before its Content-Length
  BOOST_TEST(f.fetch(position).result_int() == 200u);
  BOOST_TEST(f.emu.statistics().faults == 3u);
  BOOST_TEST(f.emu.faults().too_many_requests == 0u);
}

BOOST_AUTO_TEST_CASE(fault_knob_slow_answers) {
  client_fixture f;
  f.emu.set_faults({.delay = 250ms});
  const auto start = std::chrono::steady_clock::now();
  BOOST_TEST(f.fetch(f.emu.position_at(sub, 1)).result_int() == 200u);
  BOOST_TEST((std::chrono::steady_clock::now() - start) >= 250ms);
}

BOOST_AUTO_TEST_CASE(event_ids_are_uuid_shaped_and_distinct) {
  const auto a = emulator::unity_emulator::event_id(1);
  const auto b = emulator::unity_emulator::event_id(2);
  BOOST_TEST(a.size() == 36u);
  BOOST_TEST(a[8] == '-');
  BOOST_TEST(a[14] == '4');
  BOOST_TEST(a != b);
  BOOST_TEST(a.ends_with("000000000001"));
}

BOOST_AUTO_TEST_SUITE_END()
