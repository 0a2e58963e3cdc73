#include "run_files.hpp"

#include <eventwire/time/timestamp.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace eventwire::faults {

namespace asio = boost::asio;

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string last_log_line(const std::filesystem::path& log, std::string_view needle) {
  std::istringstream in(read_file(log));
  std::string line, found;
  while (std::getline(in, line))
    if (!line.empty() && line.find(needle) != std::string::npos) found = line;
  return found;
}

std::size_t count_log_lines(const std::filesystem::path& log, std::string_view needle) {
  std::istringstream in(read_file(log));
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line))
    if (line.find(needle) != std::string::npos) ++n;
  return n;
}

std::optional<std::chrono::system_clock::time_point> last_reconnect_logged(const std::filesystem::path& log) {
  std::istringstream in(read_file(log));
  std::string line;
  std::optional<std::chrono::system_clock::time_point> last;
  while (std::getline(in, line)) {
    std::string_view text;
    if (line.find("connected again after") != std::string::npos) {
      const auto at = line.find(" to ");
      if (at != std::string::npos) text = std::string_view(line).substr(at + 4);
    } else if (line.find("restored within one observation") != std::string::npos) {
      const auto at = line.find("(before ");
      if (at != std::string::npos) text = std::string_view(line).substr(at + 8);
    }
    const auto end = text.find_first_of(";)");
    time::timestamp t;
    if (end != std::string_view::npos && time::parse_iso8601(text.substr(0, end), t))
      last = std::chrono::time_point_cast<std::chrono::system_clock::duration>(t.utc);
  }
  return last;
}

std::string disconnections_logged(const std::filesystem::path& log) {
  std::string out;
  const auto intervals = count_log_lines(log, "connected again after");
  const auto quick = count_log_lines(log, "restored within one observation");
  auto last = last_log_line(log, "connected again after");
  if (const auto at = last.find("after "); at != std::string::npos) last = last.substr(at + 6, last.find(" s ", at) - at - 4);
  if (intervals) out = "eventwire logged " + std::to_string(intervals) + " disconnected interval(s), the last " + last;
  if (quick)
    out += (out.empty() ? "" : "; ") + std::string("eventwire logged ") + std::to_string(quick) +
           " reconnect(s) quicker than its 250 ms observation";
  return out;
}

std::uint16_t free_port(bool pair) {
  asio::io_context io;
  for (int attempt = 0; attempt < 50; ++attempt) {
    asio::ip::tcp::acceptor a(io, {asio::ip::make_address("127.0.0.1"), 0});
    const auto port = a.local_endpoint().port();
    if (!pair) return port;
    if (port == 65535) continue;
    boost::system::error_code ec;
    asio::ip::tcp::acceptor next(io);
    next.open(asio::ip::tcp::v4(), ec);
    if (!ec) next.bind({asio::ip::make_address("127.0.0.1"), static_cast<std::uint16_t>(port + 1)}, ec);
    if (!ec) return port;
  }
  throw std::runtime_error("no two free neighbouring ports on 127.0.0.1");
}

bool accepts(std::uint16_t port) {
  asio::io_context io;
  asio::ip::tcp::socket s(io);
  boost::system::error_code ec;
  s.connect({asio::ip::make_address("127.0.0.1"), port}, ec);
  return !ec;
}

}  // namespace eventwire::faults
