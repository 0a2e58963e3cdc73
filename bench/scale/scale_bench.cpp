// Many connections (issue 8): one process holds N idle SignalR hub_connections to the hub
// emulator (in a process of its own), reports the resident memory each adds, then all of them
// receive broadcasts and the delivery latency is reported as percentiles. The reference, measured
// in the same run, is the same broadcast to one connection.
//
//   bench_scale [CONNECTIONS] [ROUNDS]        default 10000 connections, 5 rounds
//   bench_scale --smoke                       100 connections, 2 rounds (ctest passes
//                                             --benchmark_min_time, which means the same)
//
// The emulator stamps each broadcast with CLOCK_MONOTONIC (steady_clock, shared by the two
// processes); each connection's handler notes now - stamp. The file-descriptor limit is raised
// to the hard limit; N needs N + 64 descriptors in each process.

#include <eventwire/emulator/signalr_hub.hpp>
#include <eventwire/signalr/hub_connection.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace emulator = eventwire::emulator;
namespace signalr = eventwire::signalr;
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

namespace {

[[noreturn]] void fail(const std::string& why) {
  std::fprintf(stderr, "bench_scale: %s\n", why.c_str());
  std::exit(EXIT_FAILURE);
}

std::int64_t now_ns() { return std::chrono::duration_cast<std::chrono::nanoseconds>(steady::now().time_since_epoch()).count(); }

long rss_kib(pid_t pid) {
  std::ifstream statm(pid == 0 ? std::string("/proc/self/statm") : "/proc/" + std::to_string(pid) + "/statm");
  long pages = 0;
  long resident = 0;
  statm >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

void raise_descriptor_limit(std::size_t needed) {
  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = files.rlim_max;
  setrlimit(RLIMIT_NOFILE, &files);
  if (files.rlim_cur < needed)
    fail("needs " + std::to_string(needed) + " file descriptors, the hard limit is " + std::to_string(files.rlim_max));
}

// --- the emulator, in the child ---------------------------------------------------------------

// "Next" from the client broadcasts one stamped "Tick" to every connection; the process ends when
// the last connection closed.
[[noreturn]] void serve(int port_pipe, std::size_t connections) {
  asio::io_context io;
  emulator::signalr_hub hub(io.get_executor());
  hub.on_invocation("Next", [&](std::string_view, const emulator::signalr_connection_info&) {
    hub.broadcast("Tick", "[" + std::to_string(now_ns()) + "]");
    return emulator::signalr_completion::empty();
  });
  const std::uint16_t port = hub.port();
  if (write(port_pipe, &port, sizeof port) != sizeof port) std::_Exit(2);
  close(port_pipe);
  bool done = false;
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    if (!co_await hub.wait_for_connections(connections, 600s)) co_return;
    const bool all_closed = co_await hub.wait_until([&] { return hub.connection_count() == 0; }, 600s);
    done = all_closed;
    hub.stop_now();
  }, asio::detached);
  io.run();
  std::_Exit(done ? 0 : 3);
}

// --- the client, in the parent ----------------------------------------------------------------

struct measured {
  double connect_seconds = 0;
  double bytes_per_connection = 0;
  long server_rss_kib = 0;
  std::vector<double> latencies_us;  // every connection, every round
};

double percentile(std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto at = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(at, sorted.size() - 1)];
}

// Connects `n` hub_connections (`parallel` starts in flight), then runs `rounds` broadcasts, each
// started once every connection received the one before.
measured run_client(const std::string& url, std::size_t n, int rounds, pid_t server) {
  asio::io_context io;
  signalr::hub_options options;
  options.url = url;
  options.keep_alive_interval = 60s;
  options.server_timeout = 300s;
  std::vector<std::unique_ptr<signalr::hub_connection>> connections;
  connections.reserve(n);
  measured m;
  m.latencies_us.reserve(n * static_cast<std::size_t>(rounds));
  std::size_t received = 0;
  asio::steady_timer round_done(io, steady::time_point::max());
  for (std::size_t i = 0; i < n; ++i) {
    connections.push_back(std::make_unique<signalr::hub_connection>(io.get_executor(), options));
    connections.back()->on("Tick", [&](const signalr::invocation& inv) {
      const std::int64_t arrived = now_ns();
      std::int64_t stamp = 0;
      for (const std::string_view arg : inv.arguments) {
        std::from_chars(arg.data(), arg.data() + arg.size(), stamp);
        break;
      }
      m.latencies_us.push_back(static_cast<double>(arrived - stamp) / 1000.0);
      if (++received == n) round_done.cancel();
    });
  }
  const long before = rss_kib(0);
  bool ok = false;
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    const auto started = steady::now();
    constexpr std::size_t parallel = 32;
    std::size_t next = 0;
    std::size_t connected = 0;
    std::string failure;
    asio::steady_timer all_connected(io, steady::time_point::max());
    const auto starter = [&]() -> asio::awaitable<void> {
      while (next < n && failure.empty()) {
        signalr::hub_connection& c = *connections[next++];
        const std::error_code ec = co_await c.start();
        if (ec) failure = ec.message() + ": " + c.last_error_detail();
        ++connected;
      }
      if (connected == n || !failure.empty()) all_connected.cancel();
    };
    for (std::size_t i = 0; i < parallel; ++i) asio::co_spawn(io, starter(), asio::detached);
    while (connected < n && failure.empty())
      co_await all_connected.async_wait(asio::as_tuple(asio::use_awaitable));
    if (!failure.empty()) fail("a connection failed: " + failure);
    m.connect_seconds = std::chrono::duration<double>(steady::now() - started).count();
    m.bytes_per_connection = static_cast<double>(rss_kib(0) - before) * 1024.0 / static_cast<double>(n);
    m.server_rss_kib = rss_kib(server);
    for (int r = 0; r < rounds; ++r) {
      received = 0;
      if (const std::error_code ec = connections[0]->send("Next")) fail("cannot ask for a broadcast: " + ec.message());
      round_done.expires_after(120s);
      while (received < n) {
        auto [ec] = co_await round_done.async_wait(asio::as_tuple(asio::use_awaitable));
        if (!ec) fail("round " + std::to_string(r) + ": " + std::to_string(received) + " of " + std::to_string(n) +
                      " connections received the broadcast within 120 s");
      }
    }
    ok = true;
    for (auto& c : connections) co_await c->stop();
  }, asio::detached);
  io.run();
  if (!ok) fail("the client did not finish");
  return m;
}

struct server_process {
  pid_t pid = -1;
  std::uint16_t port = 0;
};

server_process start_server(std::size_t connections) {
  int port_pipe[2];
  if (pipe(port_pipe) != 0) fail("pipe");
  std::fflush(stdout);
  server_process s;
  s.pid = fork();
  if (s.pid < 0) fail("fork");
  if (s.pid == 0) {
    close(port_pipe[0]);
    serve(port_pipe[1], connections);
  }
  close(port_pipe[1]);
  if (read(port_pipe[0], &s.port, sizeof s.port) != sizeof s.port) fail("the emulator did not start");
  close(port_pipe[0]);
  return s;
}

void finish_server(const server_process& s) {
  int status = 0;
  waitpid(s.pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail("the emulator process failed");
}

measured measure(std::size_t connections, int rounds) {
  const server_process s = start_server(connections);
  measured m = run_client("http://127.0.0.1:" + std::to_string(s.port) + "/hub", connections, rounds, s.pid);
  finish_server(s);
  std::sort(m.latencies_us.begin(), m.latencies_us.end());
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t connections = 10'000;
  int rounds = 5;
  if (argc > 1 && std::strncmp(argv[1], "--", 2) == 0) {
    connections = 100;
    rounds = 2;
  } else {
    if (argc > 1) connections = std::strtoull(argv[1], nullptr, 10);
    if (argc > 2) rounds = std::atoi(argv[2]);
  }
  if (connections == 0 || rounds <= 0) fail("usage: bench_scale [CONNECTIONS] [ROUNDS] | --smoke");
  raise_descriptor_limit(connections + 64);

  measured one = measure(1, rounds * 20);
  measured many = measure(connections, rounds);
  if (many.latencies_us.size() != connections * static_cast<std::size_t>(rounds)) fail("latencies missing");

  std::printf("SignalR fan-out: %zu idle hub_connections in one process (one thread), the hub emulator in another\n",
              connections);
  std::printf("  connect (negotiate, WebSocket, handshake; 32 at a time): %.2f s, %.0f connections/s\n",
              many.connect_seconds, static_cast<double>(connections) / many.connect_seconds);
  std::printf("  client resident memory per idle connection: %.0f bytes (%.1f MiB for all)\n", many.bytes_per_connection,
              many.bytes_per_connection * static_cast<double>(connections) / (1 << 20));
  std::printf("  emulator process resident memory: %.1f MiB\n", static_cast<double>(many.server_rss_kib) / 1024.0);
  const double p50 = percentile(many.latencies_us, 0.50);
  const double p99 = percentile(many.latencies_us, 0.99);
  const double max = many.latencies_us.back();
  const double ref50 = percentile(one.latencies_us, 0.50);
  std::printf("  broadcast to all, %d rounds: latency p50 %.0f us, p99 %.0f us, max %.0f us\n", rounds, p50, p99, max);
  std::printf("  reference, the same broadcast to one connection (%zu rounds): p50 %.0f us, p99 %.0f us\n",
              one.latencies_us.size(), ref50, percentile(one.latencies_us, 0.99));
  std::printf("  p50 / reference p50: %.0fx; per connection of the fan-out at p99: %.2f us\n", p50 / ref50,
              p99 / static_cast<double>(connections));
  return EXIT_SUCCESS;
}
