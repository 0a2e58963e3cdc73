// The Web SDK emulator's streaming port: the session's never-ending multipart/mixed body.

#include "websdk_state.hpp"
#include "websdk_wire.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <random>

namespace eventwire::emulator::detail {

namespace asio = boost::asio;
namespace http = boost::beast::http;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

std::string new_connection_id() {
  static std::mt19937_64 random{std::random_device{}()};
  const std::uint64_t a = random(), b = random();
  char text[40];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(0x4000 | (a & 0x0fff)),
                static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)),
                static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return text;
}

asio::awaitable<bool> cancelled() {
  auto cs = co_await asio::this_coro::cancellation_state;
  co_return cs.cancelled() != asio::cancellation_type::none;
}

}  // namespace

asio::awaitable<std::optional<response>> websdk_stream_request(std::shared_ptr<websdk_state> st,
                                                               request& req, connection& c) {
  constexpr std::string_view marker = "/streaming/events/sessionid=";
  const std::string_view target = req.target();
  const auto at = target.find(marker);
  websdk_session* session = nullptr;
  if (at != std::string_view::npos && req.method() == http::verb::get)
    session = st->session_by_id(target.substr(at + marker.size()));
  if (!session) {
    st->log("websdk emulator: stream refused for " + std::string(target));
    response res(http::status::not_found, req.version());
    res.set(http::field::content_type, "text/json; charset=utf-8");
    res.body() = rsp_fail("unknown or expired session");
    co_return res;
  }

  auto s = std::make_shared<websdk_stream>(st->executor);
  s->id = st->next_stream++;
  s->connection_id = new_connection_id();
  s->session_key = session->key;
  s->conn = &c;
  st->streams.emplace(s->id, s);
  ++st->streams_opened;
  st->notify();

  std::string head = "HTTP/1.0 200 OK\r\nExpires: Thu, 1 Jan 1998 00:00:00 GMT\r\nConnectionId: ";
  head += s->connection_id;
  head += "\r\nContent-type: multipart/mixed; boundary=--GENETECBOUNDARY\r\n\r\n";
  head += websdk_boundary;
  head += "\r\n";
  auto [head_error, head_written] = co_await asio::async_write(c.stream(), asio::buffer(head), use_tuple);
  auto last_write = std::chrono::steady_clock::now();

  bool failed = static_cast<bool>(head_error);
  std::string batch;
  bool trickling = false;
  while (!failed && !s->closed && !st->stopped) {
    if (s->trickle != std::chrono::steady_clock::duration::zero()) {
      // A part begun and never finished: one byte of its body now and then.
      const std::string_view piece = trickling ? std::string_view(" ") : std::string_view("Content-type: text/json\r\n\r\n{");
      trickling = true;
      auto [ec, n] = co_await asio::async_write(c.stream(), asio::buffer(piece), use_tuple);
      if (ec || co_await cancelled()) break;
      s->wake.expires_after(s->trickle);
      co_await s->wake.async_wait(use_tuple);
      if (co_await cancelled()) break;
      continue;
    }
    const bool stalled = s->stalled || st->faults.stall;
    if (!stalled && !s->queue.empty()) {
      batch.clear();
      for (auto& piece : s->queue) batch += piece;
      s->queue.clear();
      s->queued_bytes = 0;
      s->writing_bytes = batch.size();
      auto [ec, n] = co_await asio::async_write(c.stream(), asio::buffer(batch), use_tuple);
      s->writing_bytes = 0;
      if (ec || co_await cancelled()) break;
      last_write = std::chrono::steady_clock::now();
      st->notify();  // room for a generator waiting on the backlog
      continue;
    }
    if (stalled)
      s->wake.expires_at(std::chrono::steady_clock::time_point::max());
    else
      s->wake.expires_at(last_write + st->options.heartbeat_interval);
    auto [ec] = co_await s->wake.async_wait(use_tuple);
    if (co_await cancelled()) break;
    if (ec) continue;  // woken: something queued, a fault changed, or closed
    if (s->closed || s->stalled || st->faults.stall || !s->queue.empty()) continue;
    static constexpr std::string_view heartbeat = "KeepAlive\r\n";
    auto [hb_error, n] = co_await asio::async_write(c.stream(), asio::buffer(heartbeat), use_tuple);
    if (hb_error || co_await cancelled()) break;
    last_write = std::chrono::steady_clock::now();
  }
  s->conn = nullptr;
  st->close_stream(*s);
  co_return std::nullopt;
}

}  // namespace eventwire::emulator::detail
