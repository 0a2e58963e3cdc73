// websdk::client: an alarm's recipients, calls on several instances, and who receives an alarm's
// parts, against the Web SDK emulator.

#include "websdk_testing.hpp"

#include <eventwire/emulator/server.hpp>
#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/stream_error.hpp>

#include <functional>

namespace {

using namespace eventwire::testing::websdk;
using eventwire::websdk::entity_ref;
using eventwire::websdk::stream_error;
namespace emulator = eventwire::emulator;
namespace http = boost::beast::http;

const std::string alarm_guid = "c319de11-3fb9-4c42-b4ee-1745c7287799";
const std::string other_alarm = "8f1f727f-38d9-41e9-ac4d-fe1d41a4a6da";
const std::string admin(emulator::websdk_admin_guid);
const std::string operators(emulator::websdk_operators_guid);
const std::string supervisors(emulator::websdk_supervisors_guid);

std::vector<std::string> recipient_guids(const emulator::websdk_emulator& emu, const std::string& alarm) {
  std::vector<std::string> out;
  for (const auto& r : emu.recipients(alarm).value_or(std::vector<emulator::websdk_recipient>{})) out.push_back(r.guid);
  return out;
}

// A 200 with `body` as text/json.
asio::awaitable<std::optional<emulator::response>> answer_with(unsigned version, std::string body) {
  emulator::response res(http::status::ok, version);
  res.set(http::field::content_type, "text/json");
  res.body() = std::move(body);
  res.prepare_payload();
  co_return res;
}

eventwire::websdk::trigger_alarm_args trigger_of(const std::string& alarm) {
  eventwire::websdk::trigger_alarm_args args;
  args.alarm = entity_ref::guid(alarm);
  return args;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(websdk_client_recipients, client_fixture)

BOOST_AUTO_TEST_CASE(add_remove_clear_and_the_two_checks) {
  run(io, [&]() -> asio::awaitable<void> {
    // Never changed: the user is the recipient, through no group.
    BOOST_TEST(!emu.recipients(alarm_guid));
    auto [ec, yes] = co_await c.is_recipient(alarm_guid, admin);
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());
    BOOST_TEST(yes);
    std::tie(ec, yes) = co_await c.recipients_contain(alarm_guid, admin);
    BOOST_TEST(!ec);
    BOOST_TEST(!yes);

    // A group: its members (at any depth) are recipients, the group itself is not "contained".
    ec = co_await c.add_recipient(alarm_guid, supervisors, std::chrono::minutes(5));
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());
    BOOST_TEST(recipient_guids(emu, alarm_guid) == std::vector<std::string>{supervisors});
    BOOST_TEST(emu.recipients(alarm_guid)->at(0).forward_delay == std::chrono::seconds(300));
    std::tie(ec, yes) = co_await c.is_recipient(alarm_guid, admin);
    BOOST_TEST(yes);
    std::tie(ec, yes) = co_await c.is_recipient(alarm_guid, operators);
    BOOST_TEST(yes);
    std::tie(ec, yes) = co_await c.is_recipient(alarm_guid, supervisors);
    BOOST_TEST(yes);
    std::tie(ec, yes) = co_await c.recipients_contain(alarm_guid, admin);
    BOOST_TEST(yes);
    std::tie(ec, yes) = co_await c.recipients_contain(alarm_guid, supervisors);
    BOOST_TEST(!ec);
    BOOST_TEST(!yes);

    ec = co_await c.add_recipient(alarm_guid, admin);
    BOOST_TEST(!ec);
    ec = co_await c.remove_recipient(alarm_guid, supervisors);
    BOOST_TEST(!ec);
    BOOST_TEST(recipient_guids(emu, alarm_guid) == std::vector<std::string>{admin});
    std::tie(ec, yes) = co_await c.is_recipient(alarm_guid, operators);
    BOOST_TEST(!yes);
    ec = co_await c.clear_recipients(alarm_guid);
    BOOST_TEST(!ec);
    BOOST_TEST(emu.recipients(alarm_guid).value().empty());
    std::tie(ec, yes) = co_await c.is_recipient(alarm_guid, admin);
    BOOST_TEST(!ec);
    BOOST_TEST(!yes);
  }());
}

BOOST_AUTO_TEST_CASE(refusals_and_server_errors) {
  const std::string camera = emu.find("Camera", 1)->guid;
  run(io, [&]() -> asio::awaitable<void> {
    const std::string stranger = "aa25fab7-7f4e-4ae5-9c3c-4ddae5388e86";
    auto ec = co_await c.add_recipient(alarm_guid, stranger);
    BOOST_TEST(ec == stream_error::call_failed);
    BOOST_TEST(c.last_error_detail() == "POST /entity answered Status Fail: unknown user or user group " + stranger);
    ec = co_await c.clear_recipients(camera);
    BOOST_TEST(ec == stream_error::call_failed);
    BOOST_TEST(c.last_error_detail() ==
               "POST /entity answered Status Fail: Recipients.Clear needs an alarm; " + camera + " is not one");
    ec = co_await c.add_recipient(alarm_guid, "not-a-guid");
    BOOST_TEST(ec == eventwire::websdk::error::invalid_guid);
    BOOST_TEST(c.last_error_detail() == "invalid entity call: argument is not a GUID");
    auto [check_error, yes] = co_await c.is_recipient("{" + alarm_guid + "}", admin);
    BOOST_TEST(check_error == eventwire::websdk::error::invalid_guid);
    BOOST_TEST(!yes);
    ec = co_await c.add_recipient(alarm_guid, admin, std::chrono::seconds(-1));
    BOOST_TEST(ec == eventwire::websdk::error::out_of_range);
    BOOST_TEST(!emu.recipients(alarm_guid));
  }());
}

BOOST_AUTO_TEST_CASE(several_instances_and_several_recipients) {
  run(io, [&]() -> asio::awaitable<void> {
    const auto first_args = trigger_of(alarm_guid);
    const auto second_args = trigger_of(other_alarm);
    auto [first_error, first] = co_await c.trigger_alarm(first_args);
    auto [second_error, second] = co_await c.trigger_alarm(second_args);
    BOOST_REQUIRE(!first_error && !second_error);

    std::vector<eventwire::websdk::alarm_instance_key> swapped = {{first, other_alarm}, {second, alarm_guid}};
    auto ec = co_await c.investigate_alarms(std::move(swapped));
    BOOST_TEST(ec == stream_error::call_failed);
    BOOST_TEST(c.last_error_detail() == "GET /alarm answered Status Fail: alarm instance " + std::to_string(first) +
                                            " is not of alarm " + other_alarm);
    std::vector<eventwire::websdk::alarm_instance_key> both = {{first, alarm_guid}, {second, other_alarm}};
    ec = co_await c.investigate_alarms(std::move(both));
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());
    BOOST_REQUIRE(emu.active_alarms().size() == 2u);
    for (const auto& a : emu.active_alarms()) BOOST_TEST(a.investigated);
    std::vector<eventwire::websdk::alarm_instance_key> none;
    ec = co_await c.investigate_alarms(std::move(none));
    BOOST_TEST(ec == eventwire::websdk::error::empty_list);

    std::vector<std::string> recipients = {admin, operators};
    ec = co_await c.forward_alarm(first, std::move(recipients));
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());
    BOOST_TEST(emu.active_alarms()[0].forwarded_to == (std::vector<std::string>{admin, operators}));
    std::vector<std::string> with_stranger = {supervisors, "aa25fab7-7f4e-4ae5-9c3c-4ddae5388e86"};
    ec = co_await c.forward_alarm(second, std::move(with_stranger));
    BOOST_TEST(ec == stream_error::call_failed);
    BOOST_TEST(emu.active_alarms()[1].forwarded_to.empty());
  }());
}

BOOST_AUTO_TEST_CASE(alarm_parts_reach_only_the_recipients) {
  auto o = stream_options(emu);
  o.alarm_monitoring = true;
  eventwire::websdk::event_stream s(io.get_executor(), o);
  stream_log log(io.get_executor());
  log.attach(s);
  run(io, [&]() -> asio::awaitable<void> {
    log.start(io, s);
    BOOST_REQUIRE(co_await log.connected.wait_for(1));
    const std::function<bool()> monitoring = [&] { return emu.alarm_monitoring(); };
    const bool monitored = co_await emu.wait_until(monitoring);
    BOOST_REQUIRE(monitored);
    // Nobody: the alarm's list was made explicit and empty.
    auto ec = co_await c.clear_recipients(alarm_guid);
    BOOST_REQUIRE(!ec);
    const auto silent_args = trigger_of(alarm_guid);
    auto [silent_error, silent] = co_await c.trigger_alarm(silent_args);
    BOOST_REQUIRE(!silent_error);
    // Never changed: the user receives it.
    const auto heard_args = trigger_of(other_alarm);
    auto [heard_error, heard] = co_await c.trigger_alarm(heard_args);
    BOOST_REQUIRE(!heard_error);
    BOOST_REQUIRE(co_await log.alarms.wait_for(1));
    BOOST_TEST(log.alarm_instances == std::vector<std::int64_t>{heard});
    // A forward to a group that holds the user brings the silent alarm.
    ec = co_await c.forward_alarm(silent, operators);
    BOOST_REQUIRE_MESSAGE(!ec, c.last_error_detail());
    BOOST_REQUIRE(co_await log.alarms.wait_for(2));
    BOOST_TEST(log.alarm_instances.back() == silent);
    // The recipient group again: later triggers arrive.
    ec = co_await c.add_recipient(alarm_guid, supervisors);
    BOOST_REQUIRE(!ec);
    auto [third_error, third] = co_await c.trigger_alarm(silent_args);
    BOOST_REQUIRE(!third_error);
    BOOST_REQUIRE(co_await log.alarms.wait_for(3));
    BOOST_TEST(log.alarm_instances.back() == third);
    co_await s.stop();
    BOOST_REQUIRE(co_await log.ended.wait_for(1));
  }());
  BOOST_TEST(log.alarms.count() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()

// The emulator answers Result.IsRecipient or Result.Contains; the checks also take a bare boolean
// Result, and refuse an answer with neither.
BOOST_AUTO_TEST_SUITE(websdk_client_recipient_answers)

BOOST_AUTO_TEST_CASE(a_bare_boolean_result_and_an_answer_without_the_key) {
  asio::io_context io;
  const std::vector<std::string> answers = {R"({"Rsp":{"Status":"Ok","Result":true}})",
                                            R"({"Rsp":{"Status":"Ok","Result":false}})",
                                            R"({"Rsp":{"Status":"Ok","Result":{"IsActive":true}}})"};
  std::size_t served = 0;
  emulator::server server(io.get_executor(), [&](emulator::request& req, emulator::connection&) {
    return answer_with(req.version(), answers.at(served++ % answers.size()));
  });
  eventwire::websdk::client_options o;
  o.url = server.url("/WebSdk").to_string();
  o.username = "admin";
  o.password = "admin";
  std::optional<eventwire::websdk::client> c(std::in_place, io.get_executor(), o);
  run(io, [&]() -> asio::awaitable<void> {
    auto [ec, yes] = co_await c->is_recipient(alarm_guid, admin);
    BOOST_REQUIRE_MESSAGE(!ec, c->last_error_detail());
    BOOST_TEST(yes);
    std::tie(ec, yes) = co_await c->recipients_contain(alarm_guid, admin);
    BOOST_TEST(!ec);
    BOOST_TEST(!yes);
    std::tie(ec, yes) = co_await c->is_recipient(alarm_guid, admin);
    BOOST_TEST(ec == eventwire::websdk::error::missing_key);
    BOOST_TEST(c->last_error_detail() == "GET /entity answered without IsRecipient or Contains");
    BOOST_TEST(!yes);
  }());
  BOOST_TEST(served == 3u);
  c.reset();
  server.stop();
  io.restart();
  io.run_for(2s);
}

BOOST_AUTO_TEST_SUITE_END()
