// Runs the official @microsoft/signalr client (Node) against eventwire's SignalR hub emulator.
//
//   interop_signalr_driver --node NODE --dir tests/interop --scenario S --count N
//
// Scenarios: negotiate, skip-negotiation, reconnect (negotiate, then the hub closes with
// allowReconnect and the client comes back on its own), tls (negotiate over https and wss).
// Every scenario uses a bearer token. The driver starts the hub on a free port, starts node with
// signalr_client.mjs, streams N ReceiveMessage invocations once the client invoked Ready, and
// checks both sides: node's exit status and what the hub saw. Exit status: 0 pass, 1 fail
// (a missing node_modules too: scripts/setup.sh installs it through scripts/interop-setup.sh).

#include <eventwire/emulator/signalr_hub.hpp>
#include <eventwire/json/reader.hpp>
#include <eventwire/json/writer.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

extern char** environ;

namespace {

namespace asio = boost::asio;
namespace emulator = eventwire::emulator;
namespace json = eventwire::json;
using namespace std::chrono_literals;

constexpr std::string_view token = "interop-token-0123";

struct settings {
  std::string node = "node";
  std::filesystem::path dir;
  std::string scenario = "negotiate";
  std::uint64_t count = 1000;
};

std::optional<settings> parse(int argc, char** argv) {
  settings s;
  std::map<std::string, std::string*> text{{"--node", &s.node}, {"--scenario", &s.scenario}};
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    if (auto found = text.find(key); found != text.end()) {
      *found->second = argv[i + 1];
    } else if (key == "--dir") {
      s.dir = argv[i + 1];
    } else if (key == "--count") {
      s.count = std::stoull(argv[i + 1]);
    } else {
      return std::nullopt;
    }
  }
  if (s.dir.empty()) return std::nullopt;
  return s;
}

// Add(a, b): a + b, for integers.
emulator::signalr_completion add(std::string_view arguments, const emulator::signalr_connection_info&) {
  json::reader reader(arguments);
  std::int64_t a = 0;
  std::int64_t b = 0;
  if (!reader.begin_array() || !reader.next_element() || !reader.read_int64(a) || !reader.next_element() ||
      !reader.read_int64(b)) {
    return emulator::signalr_completion::with_error("Add takes two integers.");
  }
  std::string sum;
  json::append_int(sum, a + b);
  return emulator::signalr_completion::with_result(sum);
}

// Echo(x): x, as it came.
emulator::signalr_completion echo(std::string_view arguments, const emulator::signalr_connection_info&) {
  json::reader reader(arguments);
  std::string_view first;
  if (!reader.begin_array() || !reader.next_element() || !reader.skip(&first)) {
    return emulator::signalr_completion::with_error("Echo takes one argument.");
  }
  return emulator::signalr_completion::with_result(std::string(first));
}

// The arguments of message `sequence`: the number, and a ~300-byte JSON document escaped inside
// a string, as Clay sends its incidents.
std::string message_arguments(std::uint64_t sequence) {
  std::string document = R"({"sequence":)";
  json::append_uint(document, sequence);
  document += R"(,"type":"incident","site":"north-gate","severity":"high","tags":["door","forced"],)"
              R"("description":"Door held open at \"Gate 7\" \u00e9 for more than 30 seconds",)"
              R"("location":{"building":"B","floor":3,"coordinates":[51.5072,-0.1276]},)"
              R"("time":"2024-05-01T12:00:00.1234567Z"})";
  std::string arguments = "[";
  json::append_uint(arguments, sequence);
  arguments += ",";
  json::append_string(arguments, document);
  arguments += "]";
  return arguments;
}

// The child process: node with the client script.
class node_process {
 public:
  std::optional<int> start(const settings& s, const std::string& url, const std::vector<std::string>& env) {
    std::vector<std::string> args = {s.node, (s.dir / "signalr_client.mjs").string(), url,
                                     std::to_string(s.count), "--token", std::string(token)};
    if (s.scenario == "skip-negotiation") args.push_back("--skip-negotiation");
    if (s.scenario == "reconnect") args.push_back("--reconnect");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> environment = env;
    for (char** e = environ; *e; ++e) environment.emplace_back(*e);
    std::vector<char*> envp;
    for (auto& e : environment) envp.push_back(e.data());
    envp.push_back(nullptr);
    if (const int error = posix_spawnp(&pid_, args[0].c_str(), nullptr, nullptr, argv.data(), envp.data())) {
      std::cerr << "interop: cannot start " << s.node << ": " << std::strerror(error) << "\n";
      return error;
    }
    return std::nullopt;
  }

  // The exit status once the process ended (non-blocking).
  std::optional<int> poll() {
    if (status_) return status_;
    int raw = 0;
    if (::waitpid(pid_, &raw, WNOHANG) == pid_) {
      status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    }
    return status_;
  }

  void kill() {
    if (!status_) ::kill(pid_, SIGKILL);
  }

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
};

// The hub's side of a scenario; returns what went wrong, if anything.
asio::awaitable<std::vector<std::string>> drive(emulator::signalr_hub& hub, const settings& s) {
  std::vector<std::string> problems;
  const int rounds = s.scenario == "reconnect" ? 2 : 1;
  for (int round = 1; round <= rounds; ++round) {
    if (!co_await hub.wait_for_invocations("Ready", static_cast<std::uint64_t>(round), 30s)) {
      problems.push_back("the client did not invoke Ready (round " + std::to_string(round) + ")");
      co_return problems;
    }
    for (std::uint64_t i = 0; i < s.count; ++i) {
      hub.broadcast("ReceiveMessage", message_arguments((round - 1) * s.count + i));
    }
    if (round < rounds) {
      if (!co_await hub.wait_for_invocations("Received", 1, 30s)) {
        problems.push_back("the client did not report its first messages");
        co_return problems;
      }
      hub.close_all("Server restarting", true);
    }
  }
  // The client stops by itself after its checks.
  if (!co_await hub.wait_until([&] { return hub.connections().empty() && hub.invocations_received("Add") >= 1; },
                               30s)) {
    problems.push_back("the client did not finish");
  }
  co_return problems;
}

// What the hub saw must match what the official client is known to send.
std::vector<std::string> check_hub_side(const emulator::signalr_hub& hub, const settings& s) {
  std::vector<std::string> problems;
  const auto seen = hub.connection_history();
  const std::size_t expected_connections = s.scenario == "reconnect" ? 2 : 1;
  if (seen.size() != expected_connections) {
    problems.push_back("the hub saw " + std::to_string(seen.size()) + " connections");
  }
  const bool negotiated = s.scenario != "skip-negotiation";
  if ((hub.negotiations() > 0) != negotiated) problems.push_back("negotiate was or was not used");
  for (const auto& c : seen) {
    if (c.negotiated != negotiated) problems.push_back(c.connection_id + ": negotiated differs");
    if (c.access_token != token) problems.push_back(c.connection_id + ": no bearer token");
    if (c.headers["ClientId"] != "eventwire-interop") problems.push_back(c.connection_id + ": no ClientId header");
    if (!c.headers["User-Agent"].starts_with("Microsoft SignalR/")) {
      problems.push_back(c.connection_id + ": User-Agent " + std::string(c.headers["User-Agent"]));
    }
    if (c.protocol != "json" || c.protocol_version != 1) problems.push_back(c.connection_id + ": handshake");
  }
  if (!seen.empty() && !seen.back().close_received) problems.push_back("the client's stop sent no Close message");
  for (const auto& r : hub.negotiate_requests()) {
    if (r.query.find("negotiateVersion=1") == std::string::npos) problems.push_back("negotiate query " + r.query);
    if (r.access_token != token) problems.push_back("negotiate without the bearer token");
  }
  const std::uint64_t expected_messages = s.count * expected_connections;
  if (hub.messages_sent() < expected_messages) {
    problems.push_back("the hub sent " + std::to_string(hub.messages_sent()) + " records");
  }
  return problems;
}

}  // namespace

int main(int argc, char** argv) {
  const auto parsed = parse(argc, argv);
  if (!parsed) {
    std::cerr << "usage: interop_signalr_driver --node NODE --dir DIR --scenario "
                 "negotiate|skip-negotiation|reconnect|tls [--count N]\n";
    return 2;
  }
  const settings& s = *parsed;
  if (!std::filesystem::exists(s.dir / "node_modules" / "@microsoft" / "signalr" / "package.json")) {
    std::cout << "FAIL: " << (s.dir / "node_modules").string()
              << " is missing; run scripts/interop-setup.sh (npm ci) to install @microsoft/signalr\n";
    return 1;
  }

  asio::io_context io;
  emulator::signalr_hub_options options;
  options.access_token = std::string(token);
  options.tls = s.scenario == "tls";
  emulator::signalr_hub hub(io.get_executor(), options);
  for (const char* quiet : {"Ready", "Received"}) {
    hub.on_invocation(quiet, [](std::string_view, const emulator::signalr_connection_info&) {
      return emulator::signalr_completion::empty();
    });
  }
  hub.on_invocation("Add", add);
  hub.on_invocation("Echo", echo);

  std::vector<std::string> env;
  const auto ca_file = std::filesystem::temp_directory_path() /
                       ("eventwire-interop-ca-" + std::to_string(::getpid()) + ".pem");
  if (hub.certificate()) {
    std::ofstream(ca_file) << hub.certificate()->certificate_pem;
    env.push_back("NODE_EXTRA_CA_CERTS=" + ca_file.string());
  }

  // SIGCHLD is watched before node starts, so its end cannot be missed.
  asio::signal_set child_ended(io, SIGCHLD);
  node_process node;
  if (node.start(s, hub.url(), env)) return 1;
  std::cout << "interop " << s.scenario << ": node client against " << hub.url() << ", " << s.count
            << " messages a round" << std::endl;

  std::optional<std::vector<std::string>> driven;
  std::optional<int> exit_status;
  asio::steady_timer deadline(io, 90s);
  asio::co_spawn(io, drive(hub, s), [&](std::exception_ptr, std::vector<std::string> problems) {
    driven = std::move(problems);
  });
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    while (!(exit_status = node.poll())) {
      co_await child_ended.async_wait(asio::as_tuple(asio::use_awaitable));
    }
    deadline.cancel();
  }, asio::detached);
  deadline.async_wait([&](boost::system::error_code ec) {
    if (ec) return;
    std::cerr << "interop: node did not finish in 90 s; killed\n";
    node.kill();
  });
  while (!exit_status) io.run_one();
  // Node is gone: the hub ends whatever still waits.
  hub.stop_now();
  io.restart();
  io.run_for(5s);
  std::filesystem::remove(ca_file);

  std::vector<std::string> problems = driven.value_or(std::vector<std::string>{"the hub's scenario did not end"});
  if (*exit_status != 0) problems.push_back("node exited with " + std::to_string(*exit_status));
  for (auto& p : check_hub_side(hub, s)) problems.push_back(std::move(p));
  for (const auto& p : problems) std::cout << "interop " << s.scenario << ": FAIL: " << p << "\n";
  std::cout << "interop " << s.scenario << ": " << (problems.empty() ? "PASS" : "FAIL") << " (hub: "
            << hub.connection_history().size() << " connection(s), " << hub.negotiations() << " negotiate(s), "
            << hub.messages_sent() << " records sent, " << hub.invocations_received() << " invocations received)"
            << std::endl;
  return problems.empty() ? 0 : 1;
}
