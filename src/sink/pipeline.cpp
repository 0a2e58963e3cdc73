#include <eventwire/sink/pipeline.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <deque>
#include <map>

namespace eventwire::sink {

namespace asio = boost::asio;
using clock = std::chrono::steady_clock;

namespace {
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
std::error_code closed_error() { return std::make_error_code(std::errc::operation_canceled); }
}  // namespace

struct pipeline::impl : std::enable_shared_from_this<impl> {
  struct queued;
  // The delivery of one source.
  struct channel final : event::delivery {
    impl* owner = nullptr;
    std::string name;
    std::uint64_t published = 0;
    std::uint64_t acknowledged_up_to = 0;
    source_delivery_statistics stats;
    queued* last = nullptr;  // this source's newest entry in the queue, if any

    asio::awaitable<std::tuple<std::error_code, std::uint64_t>> publish(event::event_batch& batch) override {
      co_return co_await owner->publish(*this, batch);
    }
    asio::awaitable<std::error_code> acknowledged(std::uint64_t sequence) override {
      while (acknowledged_up_to < sequence && !owner->closed) co_await owner->changed.async_wait(use_tuple);
      co_return acknowledged_up_to >= sequence ? std::error_code{} : closed_error();
    }
  };

  struct queued {
    channel* from;
    std::uint64_t sequence;
    event::event_batch batch;
  };

  impl(asio::any_io_executor ex, std::vector<std::unique_ptr<sink>> s, pipeline_options o)
      : executor(ex), sinks(std::move(s)), options(std::move(o)), changed(ex, clock::time_point::max()),
        retry_timer(ex) {
    for (const auto& each : sinks) per_sink.push_back({each->name(), 0, 0, 0});
  }

  asio::any_io_executor executor;
  std::vector<std::unique_ptr<sink>> sinks;
  pipeline_options options;
  std::map<std::string, channel, std::less<>> channels;
  std::deque<queued> queue;
  std::vector<event::event_batch> spare;  // emptied batches, reused for their buffers
  asio::steady_timer changed;              // cancelled on every change: waiters re-check
  asio::steady_timer retry_timer;
  pipeline_statistics stats;
  std::vector<sink_statistics> per_sink;
  bool writer_running = false;
  bool closing = false;
  bool closed = false;

  void wake() { changed.cancel(); }

  void log(std::string_view line) const {
    if (options.log) options.log(line);
  }

  asio::awaitable<std::tuple<std::error_code, std::uint64_t>> publish(channel& from, event::event_batch& batch) {
    while (!closing && stats.queued_bytes >= options.max_queued_bytes) co_await changed.async_wait(use_tuple);
    if (closing) co_return std::tuple{closed_error(), std::uint64_t{0}};
    stats.queued_bytes += batch.bytes();
    from.stats.events += batch.size();
    from.stats.bytes += batch.bytes();
    ++from.stats.batches;
    const std::uint64_t sequence = ++from.published;
    // Batches that wait behind the one being written join this source's newest waiting one (up
    // to max_merged_bytes): a source that publishes event by event (the SignalR ones) costs a
    // sink one write, fsync or round of acknowledgements per merged batch, not per event. Its
    // acknowledgement then covers every sequence merged into it.
    queued* last = from.last;
    if (last != nullptr && last != &queue.front() && last->batch.bytes() < options.max_merged_bytes) {
      last->batch.append(batch);
      last->sequence = sequence;
      batch.clear();
      wake();
      co_return std::tuple{std::error_code{}, sequence};
    }
    event::event_batch taken;
    if (!spare.empty()) {
      taken = std::move(spare.back());
      spare.pop_back();
    }
    taken.set_source(batch.source().empty() ? from.name : batch.source());
    std::swap(taken, batch);
    batch.clear();
    batch.set_source(taken.source());
    queue.push_back({&from, sequence, std::move(taken)});
    from.last = &queue.back();  // deque: push_back and pop_front keep references to the others
    if (!writer_running) {
      writer_running = true;
      asio::co_spawn(executor, writer(shared_from_this()), asio::detached);
    }
    wake();
    co_return std::tuple{std::error_code{}, sequence};
  }

  // Writes one batch to one sink, retrying as the policy says; false when given up (closing).
  asio::awaitable<bool> write_to(sink& s, sink_statistics& counted, const event::event_batch& batch) {
    std::uint32_t attempts = 0;
    const auto since = clock::now();
    for (;;) {
      const std::error_code ec = co_await s.write(batch);
      if (!ec) {
        counted.events += batch.size();
        ++counted.batches;
        if (attempts != 0) log("sink " + s.name() + " recovered after " + std::to_string(attempts) + " failed attempts");
        co_return true;
      }
      ++stats.sink_failures;
      ++counted.failures;
      log("sink " + s.name() + " failed: " + ec.message() + "; retrying");
      if (closed || (closing && attempts > 0)) co_return false;  // shutting down: one retry
      auto delay = options.retry.next_delay({attempts, clock::now() - since, ec});
      ++attempts;
      if (!delay) delay = std::chrono::seconds(10);
      retry_timer.expires_after(*delay);
      co_await retry_timer.async_wait(use_tuple);
    }
  }

  asio::awaitable<void> writer(std::shared_ptr<impl> /*keep_alive*/) {
    while (!queue.empty()) {
      queued& front = queue.front();
      bool delivered = true;
      for (std::size_t i = 0; i < sinks.size(); ++i)
        delivered = co_await write_to(*sinks[i], per_sink[i], front.batch) && delivered;
      if (!delivered) break;
      stats.events += front.batch.size();
      ++stats.batches;
      stats.queued_bytes -= front.batch.bytes();
      front.from->stats.acknowledged_events += front.batch.size();
      front.from->acknowledged_up_to = front.sequence;
      if (front.from->last == &front) front.from->last = nullptr;
      front.batch.clear();
      if (spare.size() < 8) spare.push_back(std::move(front.batch));
      queue.pop_front();
      wake();
    }
    writer_running = false;
    wake();
  }
};

pipeline::pipeline(asio::any_io_executor ex, std::vector<std::unique_ptr<sink>> sinks, pipeline_options options)
    : impl_(std::make_shared<impl>(std::move(ex), std::move(sinks), std::move(options))) {}

pipeline::~pipeline() {
  impl_->closing = true;
  impl_->closed = true;
  impl_->retry_timer.cancel();
  impl_->wake();
}

event::delivery& pipeline::for_source(std::string_view source_name) {
  auto found = impl_->channels.find(source_name);
  if (found == impl_->channels.end()) {
    found = impl_->channels.emplace(std::string(source_name), impl::channel{}).first;
    found->second.owner = impl_.get();
    found->second.name = std::string(source_name);
  }
  return found->second;
}

asio::awaitable<void> pipeline::drain_and_close() {
  std::shared_ptr<impl> self = impl_;
  self->closing = true;
  self->wake();
  while (self->writer_running) co_await self->changed.async_wait(use_tuple);
  for (auto& s : self->sinks) {
    if (auto ec = co_await s->close()) self->log("sink " + s->name() + " failed to close: " + ec.message());
  }
  self->closed = true;
  self->wake();
}

const pipeline_statistics& pipeline::statistics() const noexcept {
  impl_->stats.queued_batches = impl_->queue.size();  // derived, not kept in step
  return impl_->stats;
}

std::size_t pipeline::sink_count() const noexcept { return impl_->sinks.size(); }

const std::vector<sink_statistics>& pipeline::per_sink() const noexcept { return impl_->per_sink; }

source_delivery_statistics pipeline::per_source(std::string_view source_name) const {
  const auto found = impl_->channels.find(source_name);
  return found == impl_->channels.end() ? source_delivery_statistics{} : found->second.stats;
}

}  // namespace eventwire::sink
