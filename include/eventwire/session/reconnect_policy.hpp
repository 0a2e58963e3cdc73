#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <system_error>
#include <vector>

namespace eventwire::session {

// What a reconnect policy is told before each attempt after a connection was lost.
struct retry_context {
  std::uint32_t previous_retry_count = 0;  // attempts already made since the loss
  std::chrono::steady_clock::duration elapsed{};  // since the loss
  std::error_code reason;  // why the connection was lost, or why the last attempt failed
};

// When to try again after a connection was lost, shared by every source. A value type:
//   reconnect_policy{}                                   0, 2, 10, 30 s (±20% jitter), give up
//   reconnect_policy::delays({1s, 5s})                   these, then give up
//   reconnect_policy::exponential(1s, 2.0, 60s)          1, 2, 4, ... 60, 60, ... forever
//   reconnect_policy::never()                            no reconnect
//   reconnect_policy::custom(f)                          f decides (std::nullopt: give up)
// with jitter (delay * (1 + u * fraction), u uniform in [-1, 1) from the random source) and a
// give-up rule (max attempts, max elapsed time) on top of any of them. Jitter applies after the
// exponential cap, so capped delays still spread.
class reconnect_policy {
 public:
  using duration = std::chrono::steady_clock::duration;
  // Uniform in [0, 1). Copies of a policy share the source they were given.
  using random_source = std::function<double()>;
  using decide = std::function<std::optional<duration>(const retry_context&)>;

  static constexpr double default_jitter = 0.2;

  // The official clients' schedule 0, 2, 10, 30 s, with ±20% jitter from a random device.
  reconnect_policy();

  static reconnect_policy delays(std::vector<duration> schedule);
  static reconnect_policy exponential(duration first, double factor, duration cap);
  static reconnect_policy never();
  static reconnect_policy custom(decide f);

  // fraction 0 turns jitter off; an empty source keeps the current one (a random device by
  // default). Throws std::invalid_argument for a fraction outside [0, 1].
  reconnect_policy& jitter(double fraction, random_source source = {});
  // Gives up once this many attempts were made.
  reconnect_policy& max_attempts(std::uint32_t attempts);
  // The first attempt after a loss starts at once; the schedule then goes on from its first
  // delay (for servers that close every connection on schedule, e.g. at token expiry).
  reconnect_policy& first_attempt_at_once();
  // Gives up when the next attempt would start later than this after the loss.
  reconnect_policy& max_elapsed(duration limit);

  // The delay before the next attempt, or std::nullopt to give up.
  std::optional<duration> next_delay(const retry_context& context) const;

  double jitter_fraction() const noexcept { return jitter_; }

 private:
  enum class kind { schedule, exponential, custom };

  std::optional<duration> base_delay(const retry_context& context) const;
  duration apply_jitter(duration d) const;

  kind kind_ = kind::schedule;
  std::vector<duration> schedule_;
  duration first_{};
  double factor_ = 2.0;
  duration cap_{};
  decide custom_;
  double jitter_ = default_jitter;
  random_source random_;
  std::optional<std::uint32_t> max_attempts_;
  bool first_at_once_ = false;
  std::optional<duration> max_elapsed_;
};

std::ostream& operator<<(std::ostream& os, const retry_context& c);

}  // namespace eventwire::session
