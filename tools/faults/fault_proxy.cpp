#include "fault_proxy.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/write.hpp>

#include <array>

namespace eventwire::faults {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct fault_proxy::link {
  explicit link(tcp::socket c) : client(std::move(c)), server(client.get_executor()) {}
  tcp::socket client;
  tcp::socket server;
  std::array<char, 16 * 1024> buffer[2]{};  // [0] client to server, [1] server to client
  bool parked[2] = {false, false};          // stopped by freeze(), with parked_bytes read
  std::size_t parked_bytes[2] = {0, 0};
  bool started = false;
  bool closed = false;
};

fault_proxy::fault_proxy(asio::any_io_executor ex, std::uint16_t upstream_port)
    : ex_(std::move(ex)), upstream_port_(upstream_port) {
  listen();
}

fault_proxy::~fault_proxy() {
  *alive_ = false;
  if (acceptor_) acceptor_->close();
  for (auto& weak : links_)
    if (auto l = weak.lock()) reset(*l);
  for (auto& l : held_) reset(*l);
}

void fault_proxy::listen() {
  acceptor_ = std::make_unique<tcp::acceptor>(ex_);
  const tcp::endpoint where(asio::ip::make_address("127.0.0.1"), port_);
  acceptor_->open(where.protocol());
  acceptor_->set_option(asio::socket_base::reuse_address(true));
  acceptor_->bind(where);  // throws when the port cannot be had again
  acceptor_->listen();
  port_ = acceptor_->local_endpoint().port();
  accept_next();
}

void fault_proxy::accept_next() {
  acceptor_->async_accept([this, alive = alive_](boost::system::error_code ec, tcp::socket socket) {
    if (!*alive || ec || down_) return;
    ++accepted_;
    links_.remove_if([](const std::weak_ptr<link>& w) { return w.expired(); });
    auto l = std::make_shared<link>(std::move(socket));
    links_.push_back(l);
    if (frozen_) {
      held_.push_back(l);
    } else {
      start_link(l);
    }
    accept_next();
  });
}

void fault_proxy::start_link(std::shared_ptr<link> l) {
  l->started = true;
  l->server.async_connect({asio::ip::make_address("127.0.0.1"), upstream_port_},
                          [this, l, alive = alive_](boost::system::error_code ec) {
                            if (!*alive || l->closed) return;
                            if (ec) {
                              reset(*l);
                              return;
                            }
                            pump(l, false);
                            pump(l, true);
                          });
}

void fault_proxy::pump(std::shared_ptr<link> l, bool downstream) {
  if (l->closed) return;
  const int d = downstream ? 1 : 0;
  if (frozen_) {
    l->parked[d] = true;
    l->parked_bytes[d] = 0;
    return;
  }
  tcp::socket& from = downstream ? l->server : l->client;
  from.async_read_some(asio::buffer(l->buffer[d]),
                       [this, l, downstream, alive = alive_](boost::system::error_code ec, std::size_t n) {
                         if (!*alive || l->closed) return;
                         if (ec) {
                           reset(*l);  // either side ending ends the pair
                           return;
                         }
                         after_read(l, downstream, n);
                       });
}

void fault_proxy::after_read(std::shared_ptr<link> l, bool downstream, std::size_t n) {
  const int d = downstream ? 1 : 0;
  if (frozen_) {
    l->parked[d] = true;
    l->parked_bytes[d] = n;
    return;
  }
  tcp::socket& to = downstream ? l->client : l->server;
  const bool cut = downstream && cut_armed_ && n >= 2;
  if (cut) {
    cut_armed_ = false;
    ++cuts_;
    n /= 2;
  }
  asio::async_write(to, asio::buffer(l->buffer[d].data(), n),
                    [this, l, downstream, cut, alive = alive_](boost::system::error_code ec, std::size_t) {
                      if (!*alive || l->closed) return;
                      if (ec || cut) {
                        reset(*l);
                        return;
                      }
                      pump(l, downstream);
                    });
}

void fault_proxy::reset(link& l) {
  l.closed = true;
  for (tcp::socket* s : {&l.client, &l.server}) {
    if (!s->is_open()) continue;
    boost::system::error_code ignored;
    s->set_option(asio::socket_base::linger(true, 0), ignored);  // RST, as a killed process's peer sees
    s->close(ignored);
  }
}

void fault_proxy::go_down() {
  down_ = true;
  if (acceptor_) acceptor_->close();
  for (auto& weak : links_)
    if (auto l = weak.lock()) reset(*l);
  links_.clear();
  for (auto& l : held_) reset(*l);
  held_.clear();
}

void fault_proxy::come_up() {
  if (!down_) return;
  down_ = false;
  listen();
}

void fault_proxy::freeze() { frozen_ = true; }

void fault_proxy::thaw() {
  if (!frozen_) return;
  frozen_ = false;
  for (auto& weak : links_) {
    auto l = weak.lock();
    if (!l || l->closed || !l->started) continue;
    for (const bool downstream : {false, true}) {
      const int d = downstream ? 1 : 0;
      if (!l->parked[d]) continue;
      l->parked[d] = false;
      if (l->parked_bytes[d] > 0) {
        after_read(l, downstream, l->parked_bytes[d]);
      } else {
        pump(l, downstream);
      }
    }
  }
  for (auto& l : held_) start_link(l);
  held_.clear();
}

}  // namespace eventwire::faults
