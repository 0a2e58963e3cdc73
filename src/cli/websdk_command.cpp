#include "websdk_command.hpp"

#include "active_alarm_json.hpp"
#include "program_config.hpp"
#include "websdk_connection.hpp"

#include <eventwire/websdk/alarm_calls.hpp>
#include <eventwire/websdk/client.hpp>
#include <eventwire/websdk/event_requests.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <cstdio>
#include <exception>

namespace eventwire::cli {

namespace asio = boost::asio;

namespace {

// TriggerAlarm's arguments with the lists they view.
struct trigger_call {
  std::vector<std::string_view> attached, recipients, links;
  websdk::trigger_alarm_args args;
};

void make_trigger(const websdk_arguments& a, trigger_call& out) {
  out.attached.assign(a.attached.begin(), a.attached.end());
  out.recipients.assign(a.recipients.begin(), a.recipients.end());
  out.links.assign(a.links.begin(), a.links.end());
  out.args.alarm = a.alarm->ref();
  if (a.entity) out.args.source = a.entity->ref();
  if (a.context || a.priority || !a.attached.empty() || !a.recipients.empty() || !a.links.empty()) {
    websdk::alarm_content_args content;
    if (a.context) content.context = *a.context;
    content.priority = a.priority;
    content.attached_entities = out.attached;
    content.forwarded_recipients = out.recipients;
    content.urls = out.links;
    out.args.content = content;
  }
}

websdk::ack_type ack_type_of(const websdk_arguments& a) {
  return a.nack ? websdk::ack_type::nack : websdk::ack_type::ack;
}

// Writes the call as the client will, to refuse what the call language cannot carry before
// connecting; the error names the call.
std::error_code write_call(const websdk_arguments& a, std::string& call) {
  websdk::alarm_calls calls;
  if (a.operation == "trigger") {
    call = "TriggerAlarm";
    trigger_call t;
    make_trigger(a, t);
    return calls.trigger_alarm(t.args);
  }
  if (a.operation == "acknowledge") {
    if (a.force) {
      call = "ForceAcknowledgeAlarm";
      return calls.force_acknowledge_alarm(*a.instance, a.alarm->text);
    }
    call = "AcknowledgeAlarm";
    if (a.alarm) return calls.acknowledge_alarm(*a.instance, a.alarm->text, ack_type_of(a));
    return calls.acknowledge_alarm(*a.instance, ack_type_of(a));
  }
  if (a.operation == "raise") {
    call = "RaiseEvent";
    websdk::request r;
    return websdk::raise_event_request(a.event_type, a.entity->ref(), r);
  }
  return {};
}

asio::awaitable<std::error_code> perform(websdk::client& client, const websdk_arguments& a) {
  if (a.operation == "alarms") {
    auto [ec, alarms] = co_await client.active_alarms(a.legacy);
    if (ec) co_return ec;
    for (const auto& alarm : alarms) std::fputs(active_alarm_json(alarm).c_str(), stdout);
    co_return std::error_code();
  }
  if (a.operation == "trigger") {
    trigger_call t;
    make_trigger(a, t);
    auto [ec, instance] = co_await client.trigger_alarm(t.args);
    if (!ec) std::printf("%lld\n", static_cast<long long>(instance));
    co_return ec;
  }
  if (a.operation == "acknowledge") {
    if (a.force) co_return co_await client.force_acknowledge_alarm(*a.instance, a.alarm->text);
    if (a.alarm) co_return co_await client.acknowledge_alarm(*a.instance, a.alarm->text, ack_type_of(a));
    co_return co_await client.acknowledge_alarm(*a.instance, ack_type_of(a));
  }
  co_return co_await client.raise_event(a.event_type, a.entity->ref());
}

}  // namespace

int run_websdk(const arguments& args) {
  const websdk_arguments& a = args.websdk;
  const std::string command = "websdk " + a.operation;
  std::string call;
  if (const auto ec = write_call(a, call)) {
    std::fprintf(stderr, "eventwire: %s: the arguments do not make a valid %s: %s\n", command.c_str(), call.c_str(),
                 ec.message().c_str());
    return exit_usage;
  }
  config::problems found;
  auto options = read_websdk_connection(*args.config, a.source, found);
  if (!options) {
    print_config_problems(found, *args.config);
    return exit_config;
  }
  asio::io_context io;
  websdk::client client(io.get_executor(), std::move(*options));
  std::error_code result;
  asio::co_spawn(io, perform(client, a), [&](std::exception_ptr e, std::error_code ec) {
    if (e) std::rethrow_exception(e);
    result = ec;
  });
  io.run();
  std::fflush(stdout);
  if (result) {
    const std::string& detail = client.last_error_detail();
    std::fprintf(stderr, "eventwire: %s: %s\n", command.c_str(), detail.empty() ? result.message().c_str() : detail.c_str());
    return exit_failure;
  }
  return exit_ok;
}

}  // namespace eventwire::cli
