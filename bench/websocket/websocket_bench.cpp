// Throughput of the WebSocket frame decoder on 1 MiB of small (100-byte) unmasked text frames,
// each holding one SignalR record, as a server sends them to a client: fed whole and in 64 KiB
// reads, and copying each message out as websocket_client does. The reference, in the same run,
// is a plain loop that walks the same frames by their 7-bit lengths and copies each payload out
// (no checks at all). Every variant's output is checked before anything is timed.

#include <eventwire/bench/feed_in_reads.hpp>
#include <eventwire/bench/run_benchmarks.hpp>
#include <eventwire/websocket/frame_decoder.hpp>
#include <eventwire/websocket/frame_encoder.hpp>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

using namespace eventwire::websocket;

struct tally {
  std::size_t messages = 0;
  std::size_t payload_bytes = 0;
  unsigned char last_byte = 0;  // of every payload, summed: what was read is used

  friend bool operator==(const tally&, const tally&) = default;
};

struct stream {
  std::string bytes;
  tally expected;
};

// A SignalR invocation record of 100 bytes, its 0x1E included.
std::string record(std::size_t i) {
  std::string r = R"({"type":1,"target":"ReceiveMessage","arguments":[")" + std::to_string(i) + ' ';
  r.append(100 - r.size() - 4, 'x');
  r += "\"]}\x1e";
  return r;
}

const stream& frames() {
  static const stream s = [] {
    stream out;
    for (std::size_t i = 0; out.bytes.size() < (1u << 20); ++i) {
      const std::string r = record(i);
      append_frame(out.bytes, opcode::text, r, std::nullopt);
      ++out.expected.messages;
      out.expected.payload_bytes += r.size();
      out.expected.last_byte = static_cast<unsigned char>(out.expected.last_byte + r.back());
    }
    return out;
  }();
  return s;
}

void count(tally& t, std::string_view payload) {
  ++t.messages;
  t.payload_bytes += payload.size();
  t.last_byte = static_cast<unsigned char>(t.last_byte + payload.back());
}

// `copy_to` null: payloads are used in place; else each is copied there first.
tally decode(std::string_view bytes, std::size_t read_size, std::string* copy_to) {
  frame_decoder decoder(role::client);
  tally t;
  const bool ok = eventwire::bench::feed_in_reads(decoder, bytes, read_size, [&](const event& e) {
    std::string_view payload = e.payload;
    if (copy_to != nullptr) {
      copy_to->assign(payload);
      payload = *copy_to;
    }
    count(t, payload);
  });
  return ok ? t : tally{};
}

// The least a decoder could do: read each 7-bit length and copy the payload out.
tally walk_and_copy(std::string_view bytes, std::string& out) {
  tally t;
  for (std::size_t at = 0; at + 2 <= bytes.size();) {
    const std::size_t n = static_cast<unsigned char>(bytes[at + 1]) & 0x7F;
    out.assign(bytes.data() + at + 2, n);
    count(t, out);
    at += 2 + n;
  }
  return t;
}

void report(benchmark::State& state) {
  const stream& s = frames();
  eventwire::bench::report_throughput(state, s.bytes.size(), s.expected.messages);
}

void decoder_reads(benchmark::State& state) {
  const stream& s = frames();
  const std::size_t read_size = eventwire::bench::read_size_of(state, s.bytes.size());
  for (auto _ : state) benchmark::DoNotOptimize(decode(s.bytes, read_size, nullptr));
  report(state);
}
BENCHMARK(decoder_reads)->Arg(0)->Arg(64 << 10)->ArgName("read");

void decoder_copying_out(benchmark::State& state) {
  std::string out;
  out.reserve(256);
  for (auto _ : state) benchmark::DoNotOptimize(decode(frames().bytes, 64 << 10, &out));
  report(state);
}
BENCHMARK(decoder_copying_out);

void walk_and_copy_reference(benchmark::State& state) {
  std::string out;
  out.reserve(256);
  for (auto _ : state) benchmark::DoNotOptimize(walk_and_copy(frames().bytes, out));
  report(state);
}
BENCHMARK(walk_and_copy_reference);

bool output_is_right() {
  const stream& s = frames();
  std::string out;
  bool ok = walk_and_copy(s.bytes, out) == s.expected && decode(s.bytes, s.bytes.size(), nullptr) == s.expected &&
            decode(s.bytes, 64 << 10, nullptr) == s.expected && decode(s.bytes, 64 << 10, &out) == s.expected &&
            decode(s.bytes, 1, nullptr) == s.expected;
  std::fprintf(stderr, "websocket bench input: %zu bytes, %zu frames, %zu payload bytes: %s\n", s.bytes.size(),
               s.expected.messages, s.expected.payload_bytes, ok ? "output checked" : "OUTPUT MISMATCH");
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (!output_is_right()) return EXIT_FAILURE;
  return eventwire::bench::run_benchmarks(argc, argv,
                                          {{"decoder_reads/read:0", "walk_and_copy_reference"},
                                           {"decoder_reads/read:65536", "walk_and_copy_reference"},
                                           {"decoder_copying_out", "walk_and_copy_reference"}});
}
