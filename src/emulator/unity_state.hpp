#pragma once

// What the Unity emulator keeps: the notification log, subscriptions, tokens and counters.

#include <eventwire/emulator/unity_emulator.hpp>

#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventwire::emulator::detail {

struct unity_stored {
  std::uint64_t sequence = 0;
  std::chrono::system_clock::time_point available_at{};
  std::string json;  // one element of Notifications
};

// A position taken apart: the notification it points at and its subscription.
struct unity_position {
  std::uint64_t sequence = 0;
  std::string subscription_id;
};

struct unity_state {
  unity_state(boost::asio::any_io_executor ex, unity_emulator_options o);

  unity_emulator_options options;
  unity_emulator_faults faults;
  unity_emulator_statistics stats;
  std::deque<unity_stored> log;  // consecutive sequence numbers, oldest first
  std::uint64_t next_sequence = 1;
  std::set<std::string, std::less<>> subscriptions;
  std::unordered_map<std::string, std::chrono::system_clock::time_point> access_tokens;
  std::set<std::string, std::less<>> refresh_tokens;
  std::uint64_t position_key = 0;  // makes positions of this emulator recognisable
  std::chrono::system_clock::duration offset{};
  std::vector<unity_fetch_record> fetches;
  std::uint64_t fetch_answers = 0;
  boost::asio::steady_timer changed;    // cancelled at every fetch answer
  boost::asio::steady_timer generator;  // paces generated traffic
  bool stopped = false;

  std::chrono::system_clock::time_point now() const;
  void say(std::string_view line) const;
  // Drops notifications past the retention window or the count limit.
  void expire();
  void generate(std::size_t n);
  std::uint64_t first_kept() const noexcept { return log.empty() ? next_sequence : log.front().sequence; }
  void record_fetch(unity_fetch_record r);

  std::string issue_token(std::chrono::seconds lifetime);
  std::string issue_refresh_token();
  bool token_valid(std::string_view token) const;

  std::string encode_position(std::string_view subscription, std::uint64_t sequence) const;
  std::optional<unity_position> decode_position(std::string_view text) const;
};

// One generated notification (WebThreatShield.UrlAction for odd, Endpoint.FileDetection for even
// sequence numbers), with the payload shapes of the seed.
void render_notification(std::string& out, std::uint64_t sequence, std::chrono::system_clock::time_point at);

std::string unity_event_id(std::uint64_t sequence);

}  // namespace eventwire::emulator::detail
