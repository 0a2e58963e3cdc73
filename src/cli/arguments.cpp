#include "arguments.hpp"

#include <eventwire/config/object_reader.hpp>

#include <charconv>
#include <cmath>

namespace eventwire::cli {

const char* const usage_text =
    R"(eventwire: consume security platforms' event streams, deliver CloudEvents.

Usage:
  eventwire run --config FILE [--duration D] [--count N] [--metrics-listen HOST:PORT]
      Runs every source and sink of FILE (JSON, comments allowed; see docs/CONFIG.md) until
      SIGINT or SIGTERM, then drains: nothing acknowledged is lost.
  eventwire check --config FILE
      Validates FILE: exit 0, or every problem with its JSON path and exit 3.
  eventwire demo [--duration D] [--rate N] [--count N] [--metrics-listen HOST:PORT]
      Starts the emulators of all five systems (Genetec Web SDK and Mission Control, SALTO
      Clay, Webroot Unity, Portos) on free loopback ports, runs the bridge against them and
      prints the events on stdout (NDJSON) with a live status line on stderr. --rate: events a
      second per source (default 5); --count: events per source, then the demo ends once all
      were delivered; default duration 10 s without --count.
  eventwire emulate SYSTEM [--port N] [--rate N] [--count N] [--duration D]
                   [--first-id N] [--sent-log FILE] [--keep-alive D]
      Serves one emulator until interrupted and prints the config entry that consumes it.
      SYSTEM: websdk, missioncontrol, clay, unity, portos, signalr. Systems with two
      endpoints use ports N and N+1. With --count, a line on stderr says when all were sent
      (Unity: made available to fetch). Each event has a sequence number, from --first-id
      (default 0; a restarted emulator's events need not repeat the first one's; not Unity,
      whose numbers are its positions): websdk Event.Sequence, missioncontrol incident
      inc-(N/24+1) and its (N%24)th type, clay message id M<N> (entry hub E<N>), portos
      resource KIND-(N%1000) at version N/1000+1 (every 10th: licence LIC-(N+1)), signalr
      "sequence", unity notification N+1. --sent-log FILE writes a line per event sent:
      its number and the time in microseconds since the epoch. --keep-alive D: how often
      the hubs ping and the Web SDK stream sends a KeepAlive (default 15s).
  eventwire websdk alarms --config FILE --source NAME [--legacy]
  eventwire websdk trigger --config FILE --source NAME --alarm ALARM [--entity ENTITY]
      [--context TEXT] [--priority 1-255] [--attach GUID]... [--forward-to GUID]... [--link URL]...
  eventwire websdk acknowledge --config FILE --source NAME --instance ID [--alarm GUID]
      [--nack | --force]
  eventwire websdk raise --config FILE --source NAME --event-type TYPE --entity ENTITY
      Genetec Web SDK operations with the URL and credentials of the genetec-websdk source NAME
      of FILE. alarms: the active alarms, one JSON object a line; trigger: TriggerAlarm, prints
      the instance id; acknowledge: Ack (--nack: Nack; --force: ForceAcknowledgeAlarm, needs
      --alarm); raise: RaiseEvent. ALARM and ENTITY: a GUID or LogicalID(Type,N). A refusal
      prints the server's answer and exits 1.
  eventwire --help | --version

--metrics-listen serves Prometheus metrics at http://HOST:PORT/metrics (e.g. 127.0.0.1:9464).
Every command takes --log-level debug|info|warning|error (default info): logs are JSON lines on
stderr, {"time","level","source","message"}, with secrets redacted.
Durations: 10s, 1500ms, 2m (a bare number is seconds).
Exit status: 0 success, 1 a source or sink failed for good (websdk: the call failed), 2 bad
command line, 3 invalid configuration (websdk: also no genetec-websdk source NAME). Events go
to stdout, logs and status to stderr.
)";

namespace {

bool parse_number(const std::string& text, double& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc{} && ptr == end && std::isfinite(out) && out >= 0;
}

bool parse_integer(const std::string& text, std::uint64_t& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc{} && ptr == end;
}

}  // namespace

std::optional<arguments> parse_arguments(const std::vector<std::string>& argv, std::string& error) {
  arguments a;
  std::size_t i = 0;
  const auto value_of = [&](const std::string& option) -> const std::string* {
    if (i + 1 >= argv.size()) {
      error = option + " needs a value";
      return nullptr;
    }
    return &argv[++i];
  };
  for (; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg == "--help" || arg == "-h" || arg == "help") {
      a.command = "help";
      return a;
    }
    if (arg == "--version" || arg == "version") {
      a.command = "version";
      return a;
    }
    if (arg == "--config" || arg == "-c") {
      const std::string* v = value_of(arg);
      if (!v) return std::nullopt;
      a.config = *v;
    } else if (arg == "--duration") {
      const std::string* v = value_of(arg);
      if (!v) return std::nullopt;
      a.duration = config::parse_duration(*v);
      if (!a.duration) {
        error = "--duration: not a duration: " + *v;
        return std::nullopt;
      }
    } else if (arg == "--rate") {
      const std::string* v = value_of(arg);
      double rate = 0;
      if (!v) return std::nullopt;
      if (!parse_number(*v, rate) || rate <= 0 || rate > 1e7) {
        error = "--rate: not a rate between 0 and 10,000,000 events a second: " + *v;
        return std::nullopt;
      }
      a.rate = rate;
    } else if (arg == "--count") {
      const std::string* v = value_of(arg);
      std::uint64_t count = 0;
      if (!v) return std::nullopt;
      if (!parse_integer(*v, count)) {
        error = "--count: not a whole number: " + *v;
        return std::nullopt;
      }
      a.count = count;
    } else if (arg == "--first-id") {
      const std::string* v = value_of(arg);
      std::uint64_t first = 0;
      if (!v) return std::nullopt;
      if (!parse_integer(*v, first) || first > (std::uint64_t{1} << 53)) {
        error = "--first-id: not a whole number up to 2^53: " + *v;
        return std::nullopt;
      }
      a.first_id = first;
    } else if (arg == "--sent-log") {
      const std::string* v = value_of(arg);
      if (!v) return std::nullopt;
      a.sent_log = *v;
    } else if (arg == "--keep-alive") {
      const std::string* v = value_of(arg);
      if (!v) return std::nullopt;
      a.keep_alive = config::parse_duration(*v);
      if (!a.keep_alive || a.keep_alive->count() <= 0) {
        error = "--keep-alive: not a positive duration: " + *v;
        return std::nullopt;
      }
    } else if (arg == "--log-level") {
      const std::string* v = value_of(arg);
      if (!v) return std::nullopt;
      const auto level = parse_log_level(*v);
      if (!level) {
        error = "--log-level: one of debug, info, warning, error, not " + *v;
        return std::nullopt;
      }
      a.logging = *level;
    } else if (arg == "--metrics-listen") {
      const std::string* v = value_of(arg);
      if (!v) return std::nullopt;
      a.metrics_listen = *v;
    } else if (arg == "--port") {
      const std::string* v = value_of(arg);
      std::uint64_t port = 0;
      if (!v) return std::nullopt;
      if (!parse_integer(*v, port) || port > 65535) {
        error = "--port: not a port number (0 to 65535): " + *v;
        return std::nullopt;
      }
      a.port = static_cast<std::uint16_t>(port);
    } else if (a.command == "websdk" && !arg.empty() && arg[0] == '-') {
      const auto match = parse_websdk_option(argv, i, a.websdk, error);
      if (match == option_match::invalid) return std::nullopt;
      if (match == option_match::not_mine) {
        error = "unknown option " + arg;
        return std::nullopt;
      }
    } else if (!arg.empty() && arg[0] == '-') {
      error = "unknown option " + arg;
      return std::nullopt;
    } else if (a.command.empty()) {
      a.command = arg;
    } else if (a.command == "emulate" && a.system.empty()) {
      a.system = arg;
    } else if (a.command == "websdk" && a.websdk.operation.empty()) {
      a.websdk.operation = arg;
    } else {
      error = "unexpected argument " + arg;
      return std::nullopt;
    }
  }
  if (a.command.empty()) {
    error = "no command given";
    return std::nullopt;
  }
  if (a.command != "demo" && a.command != "emulate" && a.command != "run" && a.command != "check" &&
      a.command != "websdk") {
    error = "unknown command " + a.command;
    return std::nullopt;
  }
  if (a.command == "websdk" && !check_websdk_arguments(a.websdk, error)) return std::nullopt;
  if ((a.command == "run" || a.command == "check" || a.command == "websdk") && !a.config) {
    error = a.command + " needs --config FILE";
    return std::nullopt;
  }
  if (a.command == "emulate" && a.system.empty()) {
    error = "emulate needs the system to serve";
    return std::nullopt;
  }
  if (a.command != "emulate" && (a.first_id || !a.sent_log.empty() || a.keep_alive)) {
    error = "--first-id, --sent-log and --keep-alive are options of emulate";
    return std::nullopt;
  }
  return a;
}

}  // namespace eventwire::cli
