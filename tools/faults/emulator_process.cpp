#include "emulator_process.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>

#include <charconv>
#include <fstream>
#include <sstream>
#include <vector>

namespace eventwire::faults {

namespace asio = boost::asio;
namespace json = boost::json;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> emulate_arguments(const emulate_plan& p, const fs::path& sent) {
  std::ostringstream rate;
  rate << p.rate;
  return {"emulate",    p.system,      "--port",       std::to_string(p.port), "--rate",  rate.str(),
          "--count",    std::to_string(p.count),       "--first-id", std::to_string(p.first_id),
          "--keep-alive", "1s",        "--sent-log",   sent.string()};
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

emulator_process::emulator_process(const emulate_plan& plan, const fs::path& dir, const std::string& name)
    : stderr_path_(dir / ("emulator-" + name + ".log")),
      sent_path_(dir / ("sent-" + name + ".log")),
      process_(plan.program, emulate_arguments(plan, dir / ("sent-" + name + ".log")), "", stderr_path_.string()) {}

asio::awaitable<std::optional<json::array>> emulator_process::wait_listening(std::chrono::steady_clock::duration limit) {
  asio::steady_timer tick(co_await asio::this_coro::executor);
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    std::istringstream lines(read_all(stderr_path_));
    std::string line;
    while (std::getline(lines, line)) {
      if (line.empty() || line.front() != '[') continue;
      boost::system::error_code ec;
      auto parsed = json::parse(line, ec);
      if (!ec && parsed.is_array()) co_return parsed.as_array();
    }
    if (process_.poll() || std::chrono::steady_clock::now() >= deadline) co_return std::nullopt;
    tick.expires_after(20ms);
    co_await tick.async_wait(asio::use_awaitable);
  }
}

bool emulator_process::finished() const {
  return read_all(stderr_path_).find("events generated") != std::string::npos;
}

void emulator_process::poll_sent() {
  std::ifstream in(sent_path_, std::ios::binary);
  if (!in) return;
  in.seekg(static_cast<std::streamoff>(sent_offset_));
  std::string line;
  while (std::getline(in, line)) {
    if (in.eof()) break;  // a line still being written: read it next time
    sent_offset_ += line.size() + 1;
    std::uint64_t sequence = 0;
    long long micros = 0;
    const char* end = line.data() + line.size();
    const auto [space, first_ec] = std::from_chars(line.data(), end, sequence);
    if (first_ec != std::errc{} || space == end) continue;
    const auto [stop, second_ec] = std::from_chars(space + 1, end, micros);
    if (second_ec != std::errc{} || stop != end) continue;
    sent_.emplace(sequence, std::chrono::system_clock::time_point(std::chrono::microseconds(micros)));
  }
}

}  // namespace eventwire::faults
