#pragma once

#include "signalr_notifier.hpp"
#include "signalr_request.hpp"

#include <eventwire/emulator/signalr_hub.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace eventwire::emulator::detail {

class signalr_session;

// A connection token handed out by negotiate, until its WebSocket ends.
struct negotiated_connection {
  std::string connection_id;
  bool connected = false;
};

// Everything the hub knows, shared by its sessions, its request handler and its public face.
// Only touched from the hub's executor.
struct signalr_hub_state {
  static constexpr std::size_t max_history = 256;            // ended connections kept
  static constexpr std::size_t max_invocation_log = 1024;    // client invocations kept
  static constexpr std::size_t max_counted_targets = 1024;   // distinct targets counted
  static constexpr std::size_t max_negotiate_log = 256;

  signalr_hub_state(boost::asio::any_io_executor ex, signalr_hub_options o)
      : executor(std::move(ex)), options(std::move(o)) {}

  boost::asio::any_io_executor executor;
  signalr_hub_options options;
  signalr_hub_faults faults;
  bool stopping = false;

  std::map<std::string, signalr_method, iless> methods;
  std::map<std::uint64_t, std::shared_ptr<signalr_session>> sessions;  // open WebSockets
  std::uint64_t next_session_id = 0;
  std::size_t handshaken = 0;  // sessions that completed the handshake and have not ended

  std::map<std::string, negotiated_connection, std::less<>> negotiated;  // by token
  std::deque<std::string> negotiated_order;  // tokens, oldest first, to bound `negotiated`
  std::size_t unconnected_negotiated = 0;    // entries of `negotiated` not yet connected

  std::deque<signalr_connection_info> history;  // ended connections
  std::deque<signalr_received_invocation> invocation_log;
  std::deque<signalr_negotiate_request> negotiate_log;
  std::map<std::string, std::uint64_t, iless> invocations_by_target;
  std::map<unsigned, std::uint64_t> refusals;
  std::uint64_t negotiations = 0;
  std::uint64_t connections_accepted = 0;
  std::uint64_t messages_sent = 0;
  std::uint64_t invocations_received = 0;

  // Woken by every change a test may wait for (connections, invocations, records written).
  signalr_notifier changed;
  // Woken when a writer empties its connection's queue, or a connection closes: for generators.
  signalr_notifier drained;

  void notify_all() noexcept {
    changed.notify();
    drained.notify();
  }
  void stop_notifiers() noexcept {
    changed.stop();
    drained.stop();
  }

  void log(std::string_view line) const {
    if (options.log) options.log(line);
  }

  // A token issued by negotiate; past options.max_unconnected_negotiations the oldest unconnected
  // one is forgotten.
  void remember_negotiated(const std::string& token, std::string connection_id);
  void mark_negotiated_connected(negotiated_connection& entry);
  void forget_negotiated(const std::string& token);
  void record_invocation(signalr_received_invocation invocation);
  void record_negotiate(signalr_negotiate_request request);
  void record_ended(signalr_connection_info info);
};

}  // namespace eventwire::emulator::detail
