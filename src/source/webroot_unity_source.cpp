#include <eventwire/source/webroot_unity_source.hpp>

#include <eventwire/event/event_batch.hpp>

#include <chrono>

namespace eventwire::source {

namespace asio = boost::asio;

namespace {

constexpr std::string_view type_prefix = "webroot.unity.";

unity::poller_options with_defaults(const webroot_unity_options& options) {
  unity::poller_options p = options.poller;
  if (p.checkpoint_key.empty()) p.checkpoint_key = options.name + "/position";
  return p;
}

}  // namespace

struct webroot_unity_source::impl {
  impl(asio::any_io_executor ex, webroot_unity_options o, auth::token_provider& tokens,
       state::checkpoint_store& checkpoints)
      : options(std::move(o)), poller(std::move(ex), with_defaults(options), tokens, checkpoints), batch(options.name) {}

  webroot_unity_options options;
  unity::poller poller;
  event::event_batch batch;
  source_statistics stats;
  std::string id_scratch;
  std::string type_scratch;

  asio::awaitable<std::error_code> deliver(const unity::fetch_page& page, event::delivery& out) {
    const auto received = std::chrono::time_point_cast<time::ticks>(std::chrono::system_clock::now());
    batch.clear();
    for (const auto& n : page.notifications) {
      event::event_fields fields;
      fields.id = n.event_id.decode(id_scratch);
      fields.type_prefix = type_prefix;
      fields.type_name = n.event_type.decode(type_scratch);
      fields.time = n.time.value.utc;
      fields.data_json = n.event_json;
      fields.raw = n.notification_json;
      batch.add(fields, received);
    }
    const std::size_t count = batch.size();
    auto [published, sequence] = co_await out.publish(batch);
    if (published) co_return published;
    stats.events += count;
    stats.connects = poller.statistics().fetches;
    co_return co_await out.acknowledged(sequence);
  }
};

webroot_unity_source::webroot_unity_source(asio::any_io_executor ex, webroot_unity_options options,
                                           auth::token_provider& tokens, state::checkpoint_store& checkpoints)
    : impl_(std::make_unique<impl>(std::move(ex), std::move(options), tokens, checkpoints)) {}

webroot_unity_source::~webroot_unity_source() = default;

const std::string& webroot_unity_source::name() const noexcept { return impl_->options.name; }

asio::awaitable<std::error_code> webroot_unity_source::run(event::delivery& out) {
  impl& s = *impl_;
  s.stats.connected = true;
  unity::page_handler handler = [&s, &out](const unity::fetch_page& page) { return s.deliver(page, out); };
  auto ec = co_await s.poller.run(std::move(handler));
  s.stats.connected = false;
  s.stats.connects = s.poller.statistics().fetches;
  s.stats.reconnects = s.poller.statistics().retries;
  if (ec) ++s.stats.errors;
  co_return ec;
}

asio::awaitable<void> webroot_unity_source::stop() {
  impl_->poller.stop();
  co_return;
}

const source_statistics& webroot_unity_source::statistics() const noexcept { return impl_->stats; }
const unity::poller& webroot_unity_source::session() const noexcept { return impl_->poller; }

}  // namespace eventwire::source
