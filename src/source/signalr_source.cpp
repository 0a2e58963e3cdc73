#include <eventwire/source/signalr_source.hpp>

#include <eventwire/signalr/hub_connection.hpp>

#include <chrono>

namespace eventwire::source {

namespace asio = boost::asio;

namespace {
time::utc_time now() { return std::chrono::time_point_cast<time::ticks>(std::chrono::system_clock::now()); }
}  // namespace

struct signalr_source::impl {
  impl(asio::any_io_executor ex, signalr_source_options o) : options(std::move(o)), connection(ex, options.hub) {}

  signalr_source_options options;
  signalr::hub_connection connection;
  source_statistics stats;
  event::event_batch batch;
  std::string type_name;
  bool stopping = false;
};

signalr_source::signalr_source(asio::any_io_executor ex, signalr_source_options options)
    : impl_(std::make_unique<impl>(std::move(ex), std::move(options))) {
  impl_->batch.set_source(impl_->options.name);
}

signalr_source::~signalr_source() = default;

const std::string& signalr_source::name() const noexcept { return impl_->options.name; }
const source_statistics& signalr_source::statistics() const noexcept { return impl_->stats; }

asio::awaitable<std::error_code> signalr_source::run(event::delivery& out) {
  impl& self = *impl_;
  for (const std::string& method : self.options.methods) {
    self.connection.on(method, [&self, &out, method](const signalr::invocation& inv) -> asio::awaitable<void> {
      event::event_fields fields;
      fields.type_prefix = "signalr.";
      fields.type_name = method;
      fields.data_json = inv.arguments.text().empty() ? std::string_view("[]") : inv.arguments.text();
      self.batch.add(fields, now());
      ++self.stats.events;
      co_await out.publish(self.batch);
    });
  }
  self.connection.on_reconnected([&self](std::string_view) {
    ++self.stats.reconnects;
    ++self.stats.connects;
    self.stats.connected = true;
  });
  self.connection.on_reconnecting([&self](std::error_code) {
    self.stats.connected = false;
    ++self.stats.errors;
  });
  if (auto ec = co_await self.connection.start()) {
    ++self.stats.errors;
    co_return ec;
  }
  ++self.stats.connects;
  self.stats.connected = true;
  const std::error_code ended = co_await self.connection.wait_closed();
  self.stats.connected = false;
  co_return self.stopping ? std::error_code{} : ended;
}

asio::awaitable<void> signalr_source::stop() {
  impl_->stopping = true;
  co_await impl_->connection.stop();
}

}  // namespace eventwire::source
