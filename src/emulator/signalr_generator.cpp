#include "signalr_hub_state.hpp"
#include "signalr_session.hpp"
#include "signalr_wire.hpp"

#include <eventwire/emulator/signalr_hub.hpp>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace eventwire::emulator {

namespace asio = boost::asio;
using clock = std::chrono::steady_clock;
using detail::signalr_session;

namespace {

// One connection the generator feeds, and which of its records are the generator's.
struct lane {
  std::shared_ptr<signalr_session> session;
  std::uint64_t appended = 0;
  std::uint64_t first = 0;  // sequence number of the first record appended here
  std::uint64_t last = 0;   // ... and of the last

  bool feeding(std::uint64_t count) const { return appended < count && session->open(); }
  std::uint64_t written() const {
    if (appended == 0 || session->records_written() < first) return 0;
    return std::min(appended, session->records_written() - first + 1);
  }
};

// Records allowed by now: all at once without a rate, else one at the start and then `rate` a
// second.
std::uint64_t records_due(std::uint64_t count, double rate, clock::time_point start, clock::time_point now) {
  if (rate <= 0) return count;
  const double elapsed = std::chrono::duration<double>(now - start).count();
  return std::min<std::uint64_t>(count, static_cast<std::uint64_t>(elapsed * rate) + 1);
}

}  // namespace

asio::awaitable<std::uint64_t> signalr_hub::send_many(std::string target, std::string arguments_json,
                                                      std::uint64_t count, double rate_per_second) {
  if (!detail::is_json_array(arguments_json)) {
    throw std::invalid_argument("signalr_hub: the arguments must be one JSON array");
  }
  auto state = state_;
  std::string record;
  detail::append_invocation_record(record, {}, target, arguments_json);
  // Each queue is kept at most this full, so memory stays bounded while the writers stream.
  const std::size_t high_water =
      std::max(record.size(), std::min<std::size_t>(state->options.max_queued_bytes / 2, 4 << 20));

  std::vector<lane> lanes;
  for (const auto& [id, session] : state->sessions) {
    if (session->open()) lanes.push_back({session});
  }
  const auto start = clock::now();
  for (;;) {
    const std::uint64_t due = records_due(count, rate_per_second, start, clock::now());
    bool feeding = false;
    for (lane& l : lanes) {
      while (l.appended < due && l.session->queued_bytes() < high_water && l.session->enqueue(record)) {
        if (l.appended++ == 0) l.first = l.session->records_queued();
        l.last = l.session->records_queued();
      }
      feeding = feeding || l.feeding(count);
    }
    if (!feeding || state->stopping) break;
    const auto next_due = rate_per_second > 0
                              ? start + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(
                                            static_cast<double>(due) / rate_per_second))
                              : clock::time_point::max();
    const std::function<bool()> room = [&] {
      const bool any_feeding = std::any_of(lanes.begin(), lanes.end(), [&](const lane& l) { return l.feeding(count); });
      return state->stopping || !any_feeding || std::any_of(lanes.begin(), lanes.end(), [&](const lane& l) {
               return l.feeding(count) && l.appended < due && l.session->queued_bytes() < high_water;
             });
    };
    co_await state->drained.wait_until(room, next_due);
  }
  const std::function<bool()> all_written = [&] {
    return state->stopping || std::all_of(lanes.begin(), lanes.end(), [](const lane& l) {
             return l.session->finished() || l.session->records_written() >= l.last;
           });
  };
  co_await state->changed.wait_until(all_written, clock::time_point::max());
  std::uint64_t written = 0;
  for (const lane& l : lanes) written += l.written();
  co_return written;
}

}  // namespace eventwire::emulator
