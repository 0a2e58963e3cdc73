// hub_connection end to end: the SignalR hub emulator (in a child process, so that the client's
// memory and CPU are measured alone) streams N invocations ReceiveMessage("<~300-byte JSON
// escaped in a string>") over loopback to (a) a hub_connection whose handler decodes the argument
// (unescape, then a JSON reader finds one field) and (b) the official @microsoft/signalr client in
// Node doing the same (JSON.parse, read the id), one after the other, for each record layout.
// Right before each of them, in the same run, (c) the same handler work over the same records in
// memory (framer + decode + handler, no socket): the ceiling. The handler takes the argument as
// the hub decoder validated it (json::raw_string::from_validated), as the Clay source does.
// Last, 1,000 idle hub_connections in this process, and the memory each one costs.
//
//   bench_signalr_session [N]       N invocations per run (default 200,000; the issue's figure
//                                   is 1,000,000); EVENTWIRE_BENCH_MESSAGES works too
//
// Prints messages per second for one record per WebSocket message and for coalesced records
// (as ASP.NET Core sends under load), the ratios to Node and to the decode-only loop, the client's
// CPU (user and system) and how often it slept for want of bytes, the peak
// RSS of each client process (getrusage; the decode-only loop runs in its own process too) and
// heap allocations per message in steady state. Every decoded id is checked; a mismatch or a
// missing message fails the program. Node is skipped (and said so) when node or
// tests/interop/node_modules is missing. Google Benchmark flags (ctest's smoke run) are accepted
// and ignored.

#include <eventwire/emulator/signalr_hub.hpp>
#include <eventwire/json/reader.hpp>
#include <eventwire/signalr/hub_connection.hpp>
#include <eventwire/signalr/hub_message_decoder.hpp>
#include <eventwire/signalr/hub_message_encoder.hpp>
#include <eventwire/signalr/record_framer.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cinttypes>
#include <fstream>
#include <memory>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "allocation_counter.hpp"

namespace {

namespace asio = boost::asio;
namespace emulator = eventwire::emulator;
namespace signalr = eventwire::signalr;
namespace json = eventwire::json;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;
using steady = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr std::int64_t document_id = 4242;

struct layout {
  const char* name;
  std::size_t records_per_message;  // the emulator's knob: 1, or 0 = coalesced
};
constexpr layout layouts[] = {{"one record per WebSocket message", 1}, {"coalesced records (as ASP.NET Core)", 0}};

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_signalr_session: %s\n", what.c_str());
  std::exit(1);
}

// A Clay-like incident: a JSON document of about 300 bytes.
std::string document() {
  std::string d = R"({"id":)" + std::to_string(document_id) +
                  R"(,"type":"incident","collectionId":"site-42","createdAt":"2024-05-01T10:00:00.123Z",)"
                  R"("severity":"high","title":"Door forced open","location":{"building":"HQ","floor":3,)"
                  R"("room":"3.14"},"tags":["door","forced","alarm"],"message":")";
  d.append(300 - d.size() - 2, 'x');
  d += "\"}";
  return d;
}

// The invocation's arguments: the document escaped inside one JSON string.
std::string arguments_json() {
  std::string escaped = "[\"";
  for (char c : document()) {
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  escaped += "\"]";
  return escaped;
}

// The handler's whole job: unescape the string argument and read the document's "id".
struct argument_decoder {
  std::string scratch;

  std::int64_t id_of(const signalr::invocation& inv) {
    auto it = inv.arguments.begin();
    if (it == inv.arguments.end()) return -1;
    json::raw_string text;  // the hub decoder has validated the argument already
    if (!json::raw_string::from_validated(*it, text)) return -1;
    json::reader inner(text.decode(scratch));
    std::int64_t id = -1;
    if (!inner.begin_object()) return -1;
    for (json::raw_string key; inner.next_member(key);) {
      if (key.equals("id")) {
        inner.read_int64(id);
        break;
      }
      inner.skip();
    }
    return id;
  }
};

struct cpu_time {
  double user = 0;
  double system = 0;
  long waits = 0;  // voluntary context switches: the process slept until there was work
};

double seconds_of(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; }

cpu_time cpu_now() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return {seconds_of(usage.ru_utime), seconds_of(usage.ru_stime), usage.ru_nvcsw};
}

// "CPU 97% (user 60%, system 37%), 12 waits" between two readings `wall` seconds apart.
std::string cpu_share(const cpu_time& before, const cpu_time& now, double wall) {
  const double user = 100.0 * (now.user - before.user) / wall;
  const double system = 100.0 * (now.system - before.system) / wall;
  char text[96];
  std::snprintf(text, sizeof text, "CPU %.0f%% (user %.0f%%, system %.0f%%), %ld waits", user + system, user, system,
                now.waits - before.waits);
  return text;
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// --- the servers, in the child process --------------------------------------------------------

// A record as one WebSocket text frame (server frames are not masked).
void append_frame(std::string& out, std::string_view payload) {
  out += '\x81';
  if (payload.size() < 126) {
    out += static_cast<char>(payload.size());
  } else {
    out += static_cast<char>(126);
    out += static_cast<char>((payload.size() >> 8) & 0xff);
    out += static_cast<char>(payload.size() & 0xff);
  }
  out += payload;
}

// The client's own ceiling for one record per WebSocket message: after the upgrade and the
// handshake, `count` one-record frames are written straight to the socket in 64 KiB bursts, so
// the sender costs next to nothing (the emulator writes one message per write call).
asio::awaitable<void> burst(tcp::acceptor& acceptor, std::uint64_t count) {
  auto [accept_error, socket] = co_await acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
  if (accept_error) co_return;
  websocket::stream<tcp::socket> ws(std::move(socket));
  if (auto [ec] = co_await ws.async_accept(asio::as_tuple(asio::use_awaitable)); ec) co_return;
  boost::beast::flat_buffer handshake;
  if (auto [ec, n] = co_await ws.async_read(handshake, asio::as_tuple(asio::use_awaitable)); ec) co_return;
  ws.text(true);
  if (auto [ec, n] = co_await ws.async_write(asio::buffer(std::string_view("{}\x1e")), asio::as_tuple(asio::use_awaitable)); ec)
    co_return;
  std::string record;
  {
    const std::string args = arguments_json();
    const std::string_view argument = std::string_view(args).substr(1, args.size() - 2);
    signalr::append_invocation(record, signalr::call{"ReceiveMessage", std::span(&argument, 1)});
  }
  std::string frame;
  append_frame(frame, record);
  const std::uint64_t per_chunk = (64 * 1024) / frame.size();
  std::string chunk;
  for (std::uint64_t i = 0; i < per_chunk; ++i) chunk += frame;
  for (std::uint64_t sent = 0; sent < count;) {
    const std::uint64_t n = std::min(per_chunk, count - sent);
    auto [ec, written] = co_await asio::async_write(ws.next_layer(), asio::buffer(chunk.data(), n * frame.size()),
                                                    asio::as_tuple(asio::use_awaitable));
    if (ec) co_return;
    sent += n;
  }
  boost::beast::flat_buffer rest;
  for (;;) {  // until the client's Close and close handshake end the connection
    rest.clear();
    auto [ec, n] = co_await ws.async_read(rest, asio::as_tuple(asio::use_awaitable));
    if (ec) break;
  }
}

[[noreturn]] void serve(int port_pipe, std::uint64_t count, int clients_per_layout, std::size_t idle) {
  asio::io_context io;
  emulator::signalr_hub_options options;
  options.max_queued_bytes = 4 << 20;
  emulator::signalr_hub hub(io.get_executor(), options);
  tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  const std::uint16_t ports[2] = {hub.port(), acceptor.local_endpoint().port()};
  if (write(port_pipe, ports, sizeof ports) != sizeof ports) std::_Exit(2);
  close(port_pipe);
  bool done = false;
  asio::co_spawn(io, burst(acceptor, count), asio::detached);
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    for (const layout& l : layouts) {
      for (int client = 0; client < clients_per_layout; ++client) {
        if (!co_await hub.wait_for_connections(1, 60s)) co_return;
        emulator::signalr_hub_faults faults;
        faults.records_per_message = l.records_per_message;
        hub.set_faults(faults);
        co_await hub.send_many("ReceiveMessage", arguments_json(), count);
        co_await hub.wait_until([&] { return hub.connection_count() == 0; }, 120s);
      }
    }
    // The idle connections: held until the client lets them go.
    if (!co_await hub.wait_for_connections(idle, 120s)) co_return;
    co_await hub.wait_until([&] { return hub.connection_count() == 0; }, 120s);
    done = true;
    hub.stop_now();
  }, asio::detached);
  io.run();
  std::_Exit(done ? 0 : 3);
}

// --- the client, in the parent ---------------------------------------------------------------

struct run_result {
  double seconds = 0;  // from the first message to the last
  cpu_time cpu_at_first;
  cpu_time cpu_at_last;
  std::uint64_t received = 0;
  std::uint64_t websocket_messages = 0;
  std::uint64_t steady_allocations = 0;
  std::uint64_t steady_messages = 0;
};

run_result receive(std::string url, bool skip_negotiation, std::uint64_t count) {
  asio::io_context io;
  signalr::hub_options options;
  options.url = std::move(url);
  options.skip_negotiation = skip_negotiation;
  signalr::hub_connection connection(io.get_executor(), options);
  argument_decoder decoder;
  run_result r;
  steady::time_point first;
  steady::time_point last;
  std::uint64_t allocations_at_warm = 0;
  const std::uint64_t warm = count / 10;
  const std::uint64_t cool = count - count / 10;
  bool wrong = false;
  connection.on("ReceiveMessage", [&](const signalr::invocation& inv) {
    if (r.received == 0) {
      first = steady::now();
      r.cpu_at_first = cpu_now();
    }
    wrong = wrong || decoder.id_of(inv) != document_id;
    ++r.received;
    if (r.received == warm) allocations_at_warm = eventwire::bench::allocations();
    if (r.received == cool) {
      r.steady_allocations = eventwire::bench::allocations() - allocations_at_warm;
      r.steady_messages = cool - warm;
    }
    if (r.received == count) {
      last = steady::now();
      r.cpu_at_last = cpu_now();
    }
  });
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    if (auto ec = co_await connection.start()) fail("start: " + ec.message() + ": " + connection.last_error_detail());
    while (r.received < count && connection.state() == signalr::connection_state::connected) {
      // The handler counts; this coroutine only wakes now and then to see whether it is over.
      asio::steady_timer t(io, 20ms);
      co_await t.async_wait(asio::use_awaitable);
    }
    r.websocket_messages = connection.statistics().websocket_messages;
    co_await connection.stop();
  }, asio::detached);
  io.run();
  if (wrong) fail("a decoded id was wrong");
  if (r.received != count) fail("received " + std::to_string(r.received) + " of " + std::to_string(count));
  r.seconds = std::chrono::duration<double>(last - first).count();
  return r;
}

// The same records and handler work with no socket: framer, decoder, handler.
double decode_only(std::uint64_t count) {
  std::string records;
  std::string record;
  {
    const std::string args = arguments_json();
    const std::string_view argument = std::string_view(args).substr(1, args.size() - 2);
    signalr::append_invocation(record, signalr::call{"ReceiveMessage", std::span(&argument, 1)});
  }
  constexpr std::size_t batch = 4096;
  for (std::size_t i = 0; i < batch; ++i) records += record;
  signalr::record_framer framer;
  signalr::hub_message message;
  argument_decoder decoder;
  std::uint64_t done = 0;
  bool wrong = false;
  const auto start = steady::now();
  while (done < count) {
    std::string_view in = records;
    while (!in.empty() && done < count) {
      const auto fed = framer.feed(in);
      in.remove_prefix(fed.consumed);
      if (fed.state != eventwire::codec::status::event) break;
      if (signalr::decode_hub_message(framer.record(), message)) fail("decode failed");
      const auto* inv = std::get_if<signalr::invocation>(&message);
      wrong = wrong || inv == nullptr || decoder.id_of(*inv) != document_id;
      ++done;
    }
  }
  const double seconds = std::chrono::duration<double>(steady::now() - start).count();
  if (wrong) fail("decode-only: a decoded id was wrong");
  return static_cast<double>(count) / seconds;
}

// Runs `work` in a child process (so that its memory stays out of this one's peak RSS) and
// returns what it wrote.
template <class Result, class Work>
Result in_child(Work work) {
  int out[2];
  if (pipe(out) != 0) fail("pipe");
  std::fflush(stdout);
  const pid_t child = fork();
  if (child < 0) fail("fork");
  if (child == 0) {
    close(out[0]);
    const Result r = work();
    std::_Exit(write(out[1], &r, sizeof r) == sizeof r ? 0 : 2);
  }
  close(out[1]);
  Result r{};
  const bool got = read(out[0], &r, sizeof r) == sizeof r;
  close(out[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0) fail("a measuring child process failed");
  return r;
}

// --- the official client, in Node ---------------------------------------------------------------

struct node_result {
  std::uint64_t received = 0;
  double seconds = 0;
  long max_rss_kib = 0;
};

bool node_available() {
  return access(EVENTWIRE_NODE, X_OK) == 0 &&
         access(EVENTWIRE_INTEROP_DIR "/node_modules/@microsoft/signalr/package.json", R_OK) == 0;
}

node_result run_node(const std::string& url, std::uint64_t count) {
  int out[2];
  if (pipe(out) != 0) fail("pipe");
  std::fflush(stdout);
  const std::string n = std::to_string(count);
  const pid_t child = fork();
  if (child < 0) fail("fork");
  if (child == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    execl(EVENTWIRE_NODE, EVENTWIRE_NODE, EVENTWIRE_INTEROP_DIR "/signalr_bench_client.mjs", url.c_str(), n.c_str(),
          static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  close(out[1]);
  std::string text;
  char buffer[512];
  for (ssize_t got; (got = read(out[0], buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(got));
  close(out[0]);
  int status = 0;
  waitpid(child, &status, 0);
  node_result r;
  unsigned long long received = 0;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
      std::sscanf(text.c_str(), "{\"received\":%llu,\"seconds\":%lf,\"maxRssKiB\":%ld}", &received, &r.seconds,
                  &r.max_rss_kib) != 3)
    fail("the Node client failed: " + text);
  r.received = received;
  return r;
}

// --- idle connections -------------------------------------------------------------------------

long current_rss_kib() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0;
  long resident = 0;
  statm >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// Opens `n` hub_connections (negotiate, WebSocket, handshake) and returns the resident memory
// they add, in bytes per connection, measured while all of them are connected and idle.
double bytes_per_idle_connection(const std::string& url, std::size_t n) {
  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  if (files.rlim_cur < n + 64) {
    files.rlim_cur = std::min<rlim_t>(files.rlim_max, n + 64);
    setrlimit(RLIMIT_NOFILE, &files);
  }
  asio::io_context io;
  signalr::hub_options options;
  options.url = url;
  options.keep_alive_interval = 60s;
  options.server_timeout = 120s;
  std::vector<std::unique_ptr<signalr::hub_connection>> connections;
  connections.reserve(n);
  const long before = current_rss_kib();
  long after = 0;
  std::size_t connected = 0;
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    for (std::size_t i = 0; i < n; ++i) {
      connections.push_back(std::make_unique<signalr::hub_connection>(io.get_executor(), options));
      if (auto ec = co_await connections.back()->start()) {
        fail("idle connection " + std::to_string(i) + ": " + ec.message() + ": " + connections.back()->last_error_detail());
      }
      ++connected;
    }
    after = current_rss_kib();
    for (auto& c : connections) co_await c->stop();
  }, asio::detached);
  io.run();
  if (connected != n) fail("only " + std::to_string(connected) + " idle connections");
  return static_cast<double>(after - before) * 1024.0 / static_cast<double>(n);
}

// ctest's smoke run passes --benchmark_min_time: a short run then (everything checked, little
// timed).
bool smoke_run(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], "--benchmark_min_time", 20) == 0) return true;
  return false;
}

std::uint64_t message_count(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--benchmark", 11) == 0) continue;
    return std::strtoull(argv[i], nullptr, 10);
  }
  if (smoke_run(argc, argv)) return 2'000;
  if (const char* env = std::getenv("EVENTWIRE_BENCH_MESSAGES")) return std::strtoull(env, nullptr, 10);
  return 200'000;
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t count = message_count(argc, argv);
  if (count < 100) fail("at least 100 messages");
  const std::size_t idle = smoke_run(argc, argv) ? 50 : 1000;
  const bool with_node = node_available();
  std::printf("SignalR hub_connection receive benchmark: %" PRIu64 " invocations of ReceiveMessage with a %zu-byte\n"
              "JSON document escaped in one string argument; each client unescapes it and reads \"id\".\n\n",
              count, document().size());

  // The reference for each run is measured right before it: this VM's speed drifts by 20% over
  // tens of seconds, and a ratio should compare two measurements of the same moment.
  const auto measure_ceiling = [&] {
    const double c = in_child<double>([&] { return decode_only(count); });
    std::printf("  %-56s %9.0f msg/s\n", "(c) decode-only loop in memory (framer + decode + handler)", c);
    return c;
  };

  int port_pipe[2];
  if (pipe(port_pipe) != 0) fail("pipe");
  std::fflush(stdout);
  const pid_t child = fork();
  if (child < 0) fail("fork");
  if (child == 0) {
    close(port_pipe[0]);
    serve(port_pipe[1], count, with_node ? 2 : 1, idle);
  }
  close(port_pipe[1]);
  std::uint16_t ports[2] = {};
  if (read(port_pipe[0], ports, sizeof ports) != sizeof ports) fail("the emulator did not start");
  close(port_pipe[0]);

  const long rss_before = peak_rss_kib();
  const std::string hub_url = "http://127.0.0.1:" + std::to_string(ports[0]) + "/hub";
  for (const layout& l : layouts) {
    std::printf("\nemulator send_many, %s:\n", l.name);
    const double ceiling = measure_ceiling();
    const run_result r = receive(hub_url, false, count);
    const std::string cpu = cpu_share(r.cpu_at_first, r.cpu_at_last, r.seconds);
    const double rate = static_cast<double>(r.received) / r.seconds;
    std::printf("  %-56s %9.0f msg/s  %.2fx (c)  %s  %" PRIu64 " WS messages  %.3f allocs/msg\n",
                "(a) eventwire hub_connection", rate, rate / ceiling, cpu.c_str(), r.websocket_messages,
                r.steady_messages ? static_cast<double>(r.steady_allocations) / static_cast<double>(r.steady_messages) : 0.0);
    if (with_node) {
      const node_result n = run_node(hub_url, count);
      const double node_rate = static_cast<double>(n.received) / n.seconds;
      std::printf("  %-56s %9.0f msg/s  %.2fx (c)  peak RSS %.1f MiB\n", "(b) @microsoft/signalr in Node",
                  node_rate, node_rate / ceiling, static_cast<double>(n.max_rss_kib) / 1024.0);
      std::printf("  (a)/(b) %.2fx messages per second; peak RSS (a) %.1f MiB = 1/%.1f of (b)\n", rate / node_rate,
                  static_cast<double>(peak_rss_kib()) / 1024.0,
                  static_cast<double>(n.max_rss_kib) / static_cast<double>(peak_rss_kib()));
    } else {
      std::printf("  (b) skipped: node or tests/interop/node_modules missing (run scripts/interop-setup.sh)\n");
    }
  }
  {
    std::printf("\npre-framed burst (a sender that costs nothing), one record per WebSocket message:\n");
    const double ceiling = measure_ceiling();
    const run_result r = receive("ws://127.0.0.1:" + std::to_string(ports[1]) + "/", true, count);
    const std::string cpu = cpu_share(r.cpu_at_first, r.cpu_at_last, r.seconds);
    const double rate = static_cast<double>(r.received) / r.seconds;
    std::printf("  %-56s %9.0f msg/s  %.2fx (c)  %s\n",
                "(a) eventwire hub_connection", rate, rate / ceiling, cpu.c_str());
  }
  std::printf("\nclient process peak RSS: %.1f MiB (%.1f MiB before connecting; the emulator runs in its own process)\n",
              static_cast<double>(peak_rss_kib()) / 1024.0, static_cast<double>(rss_before) / 1024.0);
  const double per_connection = bytes_per_idle_connection(hub_url, idle);
  std::printf("%zu idle hub_connections (negotiated, handshaken): %.0f bytes of resident memory each\n", idle,
              per_connection);
  int status = 0;
  waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail("the emulator process failed");
  return 0;
}
