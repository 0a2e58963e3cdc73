#include "scenario.hpp"

#include "child_program.hpp"
#include "delivery_log.hpp"
#include "nats_stream_reader.hpp"
#include "run_files.hpp"
#include "suite_limits.hpp"
#include "target.hpp"
#include "watch.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/serialize.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <vector>

namespace eventwire::faults {

namespace asio = boost::asio;
namespace json = boost::json;
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

namespace {

constexpr auto tick = 20ms;
constexpr auto recover_limit = 60s;   // after the fault ends
constexpr auto after_recovery = 2s;   // traffic goes on this long once recovered
using limits::in_flight;
using limits::settle_quiet;
constexpr std::string_view nats_stream = "FAULTS";

// How long each fault lasts (the cut is instantaneous; silences outlast the 3 s timeouts).
clock_type::duration fault_duration(scenario_kind k, bool pull) {
  switch (k) {
    case scenario_kind::cut: return 0s;
    case scenario_kind::silence:
    case scenario_kind::half_open: return 6s;
    case scenario_kind::unauthorized: return pull ? 0s : 3s;
    case scenario_kind::expiry: return pull ? 0s : 9s;  // Mission Control: tokens of 4 s expire twice
    case scenario_kind::tls_mismatch: return 5s;        // the time watched for a connection
    default: return 3s;
  }
}

double seconds(clock_type::duration d) { return std::chrono::duration<double>(d).count(); }

// The traffic: emits events at the rate once a consumer is ready, until stopped.
struct traffic {
  std::vector<clock_type::time_point> emitted_at;
  std::vector<bool> handed;  // to a consumer (push) or made available (pull)
  bool stop = false;
  bool done = false;
};

asio::awaitable<void> generate(std::shared_ptr<traffic> tr, target& t, double rate) {
  asio::steady_timer pace(co_await asio::this_coro::executor);
  while (!tr->stop && !t.ready_since(0)) {
    pace.expires_after(tick);
    co_await pace.async_wait(asio::use_awaitable);
  }
  const auto interval = std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(1.0 / rate));
  auto next = clock_type::now();
  while (!tr->stop) {
    const auto n = tr->emitted_at.size();
    tr->emitted_at.push_back(clock_type::now());
    tr->handed.push_back(t.emit(n));
    next += interval;
    pace.expires_at(next);
    co_await pace.async_wait(asio::use_awaitable);
  }
  tr->done = true;
}

// nats-server with JetStream, its store kept across restarts.
class nats_process {
 public:
  explicit nats_process(fs::path dir) : dir_(std::move(dir)), port_(free_port()) { fs::create_directories(dir_); }
  void start() {
    server_.reset();
    server_ = std::make_unique<child_program>(
        "nats-server",
        std::vector<std::string>{"-js", "-a", "127.0.0.1", "-p", std::to_string(port_), "-sd", (dir_ / "store").string()},
        "", (dir_ / "nats.log").string());
  }
  void kill() {
    server_->signal(SIGKILL);
  }
  asio::awaitable<bool> wait_ready(clock_type::duration limit) {
    asio::steady_timer t(co_await asio::this_coro::executor);
    const auto deadline = clock_type::now() + limit;
    while (!accepts(port_) && clock_type::now() < deadline) {
      t.expires_after(tick);
      co_await t.async_wait(asio::use_awaitable);
    }
    co_return accepts(port_);
  }
  asio::awaitable<void> wait_ended() { co_await server_->wait(10s); }
  std::string url() const { return "nats://127.0.0.1:" + std::to_string(port_); }

 private:
  fs::path dir_;
  std::uint16_t port_;
  std::unique_ptr<child_program> server_;
};

}  // namespace

asio::awaitable<row> run_scenario(const suite_settings& settings, std::string type, scenario_kind kind) {
  auto ex = co_await asio::this_coro::executor;
  row r;
  r.source = type;
  r.kind = kind;
  const fs::path dir = fs::path(settings.work_dir) / (type + "-" + std::string(name(kind)));
  fs::remove_all(dir);
  fs::create_directories(dir);

  const target_options options{.tls = kind == scenario_kind::tls_mismatch, .short_tokens = kind == scenario_kind::expiry};
  auto t = make_target(type, ex, options);
  r.pull = t->pull();

  // The config: the source through the proxies, a file sink (or NATS), file checkpoints.
  json::object entry = t->source_entry();
  if (kind == scenario_kind::tls_mismatch) {
    // Pinned: another certificate than the one the server presents.
    const auto impostor = net::make_self_signed_certificate();
    entry["tls"] = json::object{{"pin_sha256", impostor.fingerprint.to_string()}};
    const std::string url(entry["url"].as_string());
    if (url.rfind("http://", 0) == 0) entry["url"] = "https://" + url.substr(7);
  }
  std::unique_ptr<nats_process> nats;
  json::array sinks;
  if (kind == scenario_kind::sink_restart) {
    nats = std::make_unique<nats_process>(dir / "nats");
    nats->start();
    const bool up = co_await nats->wait_ready(10s);
    if (!up) {
      r.note = "nats-server did not start (is it installed? scripts/setup.sh)";
      co_return r;
    }
    sinks.push_back(json::object{{"type", "nats"}, {"url", nats->url()}, {"stream", nats_stream},
                                 {"create_stream", true}, {"ack_timeout", "3s"}});
  } else {
    sinks.push_back(json::object{{"type", "file"}, {"path", (dir / "events.ndjson").string()}, {"sync", "never"}});
  }
  const json::object config{{"sources", json::array{entry}},
                            {"sinks", sinks},
                            {"checkpoints", json::object{{"type", "file"}, {"dir", (dir / "state").string()}}}};
  {
    std::ofstream out(dir / "config.json");
    out << json::serialize(config) << '\n';
  }
  const fs::path log_path = dir / "eventwire.log";
  child_program program(settings.program, {"run", "--config", (dir / "config.json").string()}, "", log_path.string());

  delivery_log log((dir / "events.ndjson").string(), [&t](std::string_view line) { return t->identify(line); });
  nats_stream_reader nats_reader(nats ? nats->url() : std::string(), std::string(nats_stream));
  auto tr = std::make_shared<traffic>();
  asio::co_spawn(ex, generate(tr, *t, settings.rate), asio::detached);

  // Polls what was delivered every tick until `done` holds or the limit passes; false at the
  // limit or when the program ended.
  std::optional<clock_type::time_point> reconnected_at;
  std::uint64_t mark = 0;
  std::optional<clock_type::time_point> cleared_at;
  std::optional<std::uint64_t> max_seen;
  std::string poll_error;
  auto poll_once = [&] {
    t->tick();
    if (nats) {
      nats_reader.poll(log);
    } else {
      std::error_code ec;
      log.poll(ec);
      if (ec) poll_error = ec.message();
    }
    for (const auto& [seq, a] : log.arrivals())
      if (!max_seen || seq > *max_seen) max_seen = seq;
    if (cleared_at && !reconnected_at && t->ready_since(mark)) reconnected_at = clock_type::now();
  };
  const std::function<void()> look = poll_once;
  auto wait_for = [&](const std::function<bool()>& done, clock_type::duration limit) {
    return watch_until(program, look, done, limit);
  };
  const std::function<bool()> never = [] { return false; };

  const auto duration = fault_duration(kind, r.pull);
  clock_type::time_point fault_at{}, clear_at{};
  std::uint64_t first_after_clear = 0;
  bool flowing = false;
  if (kind == scenario_kind::tls_mismatch) {
    // Nothing may get through: watch for the whole duration (a pull source's events are
    // available all along; a push source is never connected, so nothing is emitted).
    fault_at = clock_type::now();
    co_await wait_for(never, duration);
    clear_at = clock_type::now();
  } else {
    const std::uint64_t warm = std::max<std::uint64_t>(20, static_cast<std::uint64_t>(settings.rate));
    const std::function<bool()> warmed = [&] { return log.arrivals().size() >= warm; };
    flowing = co_await wait_for(warmed, limits::start);
    if (!flowing) r.note = "traffic never flowed end to end";
  }

  if (flowing) {
    fault_at = clock_type::now();
    mark = t->connection_mark();
    switch (kind) {
      case scenario_kind::restart:
        for (auto* p : t->proxies()) p->go_down();
        break;
      case scenario_kind::half_open:
        for (auto* p : t->proxies()) p->freeze();
        break;
      case scenario_kind::cut: t->stream_proxy().cut_next(); break;
      case scenario_kind::sink_restart: nats->kill(); break;
      default: t->inject(kind); break;
    }
    if (kind == scenario_kind::cut) {
      const std::function<bool()> cut_done = [&] { return !t->stream_proxy().cut_pending(); };
      const bool cut = co_await wait_for(cut_done, 10s);
      if (!cut) r.note = "nothing was sent to cut";
    } else {
      co_await wait_for(never, duration);  // the fault lasts this long
    }
    switch (kind) {
      case scenario_kind::restart:
        for (auto* p : t->proxies()) p->come_up();
        break;
      case scenario_kind::half_open:
        for (auto* p : t->proxies()) p->thaw();
        break;
      case scenario_kind::sink_restart: {
        co_await nats->wait_ended();
        nats->start();
        const bool up = co_await nats->wait_ready(10s);
        if (!up) r.note = "nats-server did not come back";
        break;
      }
      default: t->clear(kind); break;
    }
    clear_at = clock_type::now();
    cleared_at = clear_at;
    first_after_clear = tr->emitted_at.size();
    const std::function<bool()> recovered = [&] { return max_seen && *max_seen >= first_after_clear; };
    co_await wait_for(recovered, recover_limit);
    co_await wait_for(never, after_recovery);
  }
  tr->stop = true;
  const auto stopped_at = clock_type::now();
  const std::function<bool()> settled = [&] {
    if (log.arrivals().size() >= tr->emitted_at.size()) return true;
    const auto quiet_since = std::max(stopped_at, log.last_arrival());
    return clock_type::now() - quiet_since >= settle_quiet;
  };
  if (flowing) co_await wait_for(settled, limits::settle);
  const auto early_exit = program.poll();
  const int status = co_await program.stop(10s);
  poll_once();

  // The row.
  r.sent = tr->emitted_at.size();
  r.delivered = log.arrivals().size();
  r.duplicates = log.duplicates();
  // The consumer's disconnected interval: from the fault to its return. A token expiry (renewed
  // on schedule) and a sink restart leave the source connected: nothing may be missed.
  const bool disconnects = !r.pull && kind != scenario_kind::expiry && kind != scenario_kind::sink_restart;
  const auto interval_end = disconnects ? reconnected_at.value_or(clear_at) : fault_at - in_flight - 1ns;
  if (disconnects && flowing) r.disconnected_seconds = seconds(interval_end - fault_at);
  std::optional<clock_type::time_point> first_new;
  for (std::uint64_t n = 0; n < r.sent; ++n) {
    const auto found = log.arrivals().find(n);
    if (found != log.arrivals().end()) {
      if (n >= first_after_clear && (!first_new || found->second.first_seen < *first_new)) first_new = found->second.first_seen;
      continue;
    }
    const auto at = tr->emitted_at[n];
    if (!r.pull && at >= fault_at - in_flight && at <= interval_end) {
      ++r.missed;
    } else {
      ++r.lost;
    }
  }
  if (flowing && first_new) {
    r.recovered = true;
    r.recover_seconds = seconds(*first_new - clear_at);
  }
  auto add_note = [&r](const std::string& text) {
    if (text.empty()) return;
    r.note += (r.note.empty() ? "" : "; ") + text;
  };
  if (early_exit) {
    auto why = last_log_line(log_path, "error");
    if (why.empty()) why = last_log_line(log_path, "");
    add_note("eventwire exited " + std::to_string(*early_exit) + ": " + why);
  }
  else if (status != 0) add_note("eventwire ended with status " + std::to_string(status) + " after SIGTERM");
  if (log.unidentified()) add_note(std::to_string(log.unidentified()) + " unidentified lines");
  if (!poll_error.empty()) add_note("reading the sink: " + poll_error);

  if (kind == scenario_kind::tls_mismatch) {
    const bool refused = r.delivered == 0 && t->connection_mark() == 0;
    const auto why = last_log_line(log_path, "certificate");
    add_note(refused ? "refused" : "CONNECTED to a server with the wrong certificate");
    if (!why.empty()) add_note("log: " + why.substr(why.find("certificate")));
    r.passed = refused && !why.empty();
    co_return r;
  }
  if (!r.pull && flowing) add_note(disconnections_logged(log_path));
  r.passed = flowing && r.recovered && r.lost == 0;
  co_return r;
}

}  // namespace eventwire::faults
