// The reference of the NATS rows of scripts/bench-run.sh: the least a nats.c program does to put
// the same messages into JetStream as the nats sink. One connection, js_PublishMsgAsync of every
// line of an NDJSON file (the events eventwire wrote to its file sink) with `Nats-Msg-Id` = the
// event's id, js_PublishAsyncComplete at the end (or after every `--batch N` messages, as the sink
// does per batch), then a check that the stream holds every message. No event loop, no
// conversion, no pipeline: the ceiling of the client library and the server on this machine.
//
//   nats_publish_reference --url nats://127.0.0.1:PORT --input events.ndjson [--batch N]
//
// Prints one line: `messages=N bytes=B seconds=S cpu_seconds=C`, from the connect to the last
// acknowledgement (reading the file is left out; the CPU time counts nats.c's threads); exit 1
// when a message was refused or is missing from the stream.

#include <nats/nats.h>

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct arguments {
  std::string url = "nats://127.0.0.1:4222";
  std::string input;
  std::size_t batch = 0;  // 0: one js_PublishAsyncComplete at the end
};

bool parse(int argc, char** argv, arguments& a) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view option = argv[i];
    if (option == "--url") {
      a.url = argv[i + 1];
    } else if (option == "--input") {
      a.input = argv[i + 1];
    } else if (option == "--batch") {
      a.batch = std::strtoull(argv[i + 1], nullptr, 10);
    } else {
      return false;
    }
  }
  return argc % 2 == 1 && !a.input.empty();
}

// The value of the first `"id":"..."` member of a CloudEvents line (ids need no escaping).
std::string event_id(std::string_view line) {
  constexpr std::string_view key = "\"id\":\"";
  const auto at = line.find(key);
  if (at == std::string_view::npos) return {};
  const auto begin = at + key.size();
  return std::string(line.substr(begin, line.find('"', begin) - begin));
}

std::atomic<std::uint64_t> refused{0};  // counted on nats.c's thread

void on_ack(jsCtx*, natsMsg* msg, jsPubAck* ack, jsPubAckErr*, void*) {
  if (ack == nullptr) ++refused;
  natsMsg_Destroy(msg);
}

double cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

bool check(natsStatus s, const char* what) {
  if (s == NATS_OK) return true;
  std::fprintf(stderr, "nats_publish_reference: %s: %s\n", what, natsStatus_GetText(s));
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  arguments args;
  if (!parse(argc, argv, args)) {
    std::fprintf(stderr, "usage: nats_publish_reference --url URL --input FILE.ndjson [--batch N]\n");
    return 2;
  }
  std::vector<std::string> lines, ids;
  std::uint64_t bytes = 0;
  {
    std::ifstream in(args.input);
    for (std::string line; std::getline(in, line);) {
      bytes += line.size() + 1;  // as the sinks count: the line and its newline
      ids.push_back(event_id(line));
      lines.push_back(std::move(line));
    }
  }
  if (lines.empty()) {
    std::fprintf(stderr, "nats_publish_reference: no lines in %s\n", args.input.c_str());
    return 2;
  }

  const auto started = std::chrono::steady_clock::now();
  const double cpu_before = cpu_seconds();
  natsConnection* nc = nullptr;
  jsCtx* js = nullptr;
  if (!check(natsConnection_ConnectTo(&nc, args.url.c_str()), "connect")) return 1;
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.PublishAsync.AckHandler = &on_ack;
  jo.PublishAsync.MaxPending = 4096;  // as the nats sink
  if (!check(natsConnection_JetStream(&js, nc, &jo), "JetStream")) return 1;

  // The stream the nats sink creates with `create_stream: true` and its defaults.
  const char* subjects[] = {"eventwire.>"};
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  config.Name = "EVENTWIRE";
  config.Subjects = subjects;
  config.SubjectsLen = 1;
  config.Storage = js_FileStorage;
  config.Duplicates = std::chrono::nanoseconds(std::chrono::minutes(2)).count();
  jsStreamInfo* info = nullptr;
  if (!check(js_AddStream(&info, js, &config, nullptr, nullptr), "create the stream")) return 1;
  jsStreamInfo_Destroy(info);

  jsPubOptions wait;
  jsPubOptions_Init(&wait);
  wait.MaxWait = 60000;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    natsMsg* msg = nullptr;
    natsStatus s = natsMsg_Create(&msg, "eventwire.reference.event", nullptr, lines[i].data(),
                                  static_cast<int>(lines[i].size()));
    if (s == NATS_OK) s = natsMsgHeader_Set(msg, "Nats-Msg-Id", ids[i].c_str());
    if (s == NATS_OK) s = js_PublishMsgAsync(js, &msg, nullptr);
    natsMsg_Destroy(msg);
    if (!check(s, "publish")) return 1;
    if (args.batch != 0 && (i + 1) % args.batch == 0 && !check(js_PublishAsyncComplete(js, &wait), "complete"))
      return 1;
  }
  if (!check(js_PublishAsyncComplete(js, &wait), "complete")) return 1;
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  const double cpu = cpu_seconds() - cpu_before;

  std::uint64_t stored = 0;
  if (check(js_GetStreamInfo(&info, js, "EVENTWIRE", nullptr, nullptr), "stream info")) {
    stored = info->State.Msgs;
    jsStreamInfo_Destroy(info);
  }
  jsCtx_Destroy(js);
  natsConnection_Destroy(nc);
  nats_Close();
  if (refused != 0 || stored != lines.size()) {
    std::fprintf(stderr, "nats_publish_reference: %llu refused, %llu of %zu in the stream\n",
                 static_cast<unsigned long long>(refused.load()), static_cast<unsigned long long>(stored), lines.size());
    return 1;
  }
  std::printf("messages=%zu bytes=%llu seconds=%.6f cpu_seconds=%.3f\n", lines.size(),
              static_cast<unsigned long long>(bytes), took.count(), cpu);
  return 0;
}
