#include <eventwire/session/reconnect_policy.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <ostream>
#include <random>
#include <stdexcept>

namespace eventwire::session {

using namespace std::chrono_literals;

namespace {

// One engine for every default policy, seeded once from the random device; sources may be
// called from several threads (one policy per session, sessions on different threads).
reconnect_policy::random_source random_device_source() {
  struct shared_engine {
    std::mutex mutex;
    std::mt19937_64 engine{std::random_device{}()};
  };
  static const auto engine = std::make_shared<shared_engine>();
  return [e = engine] {
    std::lock_guard lock(e->mutex);
    return std::uniform_real_distribution<double>(0.0, 1.0)(e->engine);
  };
}

}  // namespace

reconnect_policy::reconnect_policy() : schedule_{0s, 2s, 10s, 30s}, random_(random_device_source()) {}

reconnect_policy reconnect_policy::delays(std::vector<duration> schedule) {
  reconnect_policy p;
  p.schedule_ = std::move(schedule);
  return p;
}

reconnect_policy reconnect_policy::exponential(duration first, double factor, duration cap) {
  if (first < duration::zero() || cap < first || !(factor >= 1.0))
    throw std::invalid_argument("reconnect_policy::exponential needs 0 <= first <= cap and factor >= 1");
  reconnect_policy p;
  p.kind_ = kind::exponential;
  p.schedule_.clear();
  p.first_ = first;
  p.factor_ = factor;
  p.cap_ = cap;
  return p;
}

reconnect_policy reconnect_policy::never() { return delays({}); }

reconnect_policy reconnect_policy::custom(decide f) {
  if (!f) throw std::invalid_argument("reconnect_policy::custom needs a function");
  reconnect_policy p;
  p.kind_ = kind::custom;
  p.schedule_.clear();
  p.custom_ = std::move(f);
  p.jitter_ = 0.0;  // a custom function decides exactly, unless jitter is asked for
  return p;
}

reconnect_policy& reconnect_policy::jitter(double fraction, random_source source) {
  if (!(fraction >= 0.0 && fraction <= 1.0))
    throw std::invalid_argument("reconnect_policy::jitter needs a fraction in [0, 1]");
  jitter_ = fraction;
  if (source) random_ = std::move(source);
  return *this;
}

reconnect_policy& reconnect_policy::max_attempts(std::uint32_t attempts) {
  max_attempts_ = attempts;
  return *this;
}

reconnect_policy& reconnect_policy::max_elapsed(duration limit) {
  max_elapsed_ = limit;
  return *this;
}

std::optional<reconnect_policy::duration> reconnect_policy::base_delay(const retry_context& context) const {
  if (first_at_once_ && context.previous_retry_count == 0) return duration::zero();
  retry_context c = context;
  if (first_at_once_) --c.previous_retry_count;  // the schedule starts at the second attempt
  switch (kind_) {
    case kind::schedule:
      if (c.previous_retry_count >= schedule_.size()) return std::nullopt;
      return schedule_[c.previous_retry_count];
    case kind::exponential: {
      // first * factor^n computed in double so that large n saturates at the cap, never overflows.
      const double grown = static_cast<double>(first_.count()) *
                           std::pow(factor_, static_cast<double>(c.previous_retry_count));
      if (!(grown < static_cast<double>(cap_.count()))) return cap_;
      return duration(static_cast<duration::rep>(grown));
    }
    case kind::custom:
      return custom_(c);
  }
  return std::nullopt;
}

reconnect_policy& reconnect_policy::first_attempt_at_once() {
  first_at_once_ = true;
  return *this;
}

reconnect_policy::duration reconnect_policy::apply_jitter(duration d) const {
  if (jitter_ == 0.0 || d <= duration::zero() || !random_) return d;
  const double u = std::clamp(random_(), 0.0, 1.0) * 2.0 - 1.0;  // [-1, 1)
  const double scaled = static_cast<double>(d.count()) * (1.0 + u * jitter_);
  return duration(static_cast<duration::rep>(std::max(0.0, scaled)));
}

std::optional<reconnect_policy::duration> reconnect_policy::next_delay(const retry_context& c) const {
  if (max_attempts_ && c.previous_retry_count >= *max_attempts_) return std::nullopt;
  auto delay = base_delay(c);
  if (!delay) return std::nullopt;
  const duration jittered = apply_jitter(std::max(*delay, duration::zero()));
  if (max_elapsed_ && c.elapsed + jittered > *max_elapsed_) return std::nullopt;
  return jittered;
}

std::ostream& operator<<(std::ostream& os, const retry_context& c) {
  os << "retry " << c.previous_retry_count << " after "
     << std::chrono::duration_cast<std::chrono::milliseconds>(c.elapsed).count() << " ms";
  if (c.reason) os << " (" << c.reason.message() << ")";
  return os;
}

}  // namespace eventwire::session
