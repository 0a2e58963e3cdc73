#include <eventwire/source/clay_source.hpp>

#include <eventwire/clay/message.hpp>
#include <eventwire/event/event_batch.hpp>
#include <eventwire/event/event_fields.hpp>
#include <eventwire/signalr/hub_connection.hpp>

#include <chrono>
#include <utility>

namespace eventwire::source {

namespace asio = boost::asio;

std::string clay_hub_url(std::string_view url, std::string_view collection_id) {
  std::string out(url);
  if (collection_id.empty()) return out;
  const auto hash = out.find('#');
  if (hash != std::string::npos) out.erase(hash);
  out += out.find('?') == std::string::npos ? '?' : '&';
  out += "collectionId=";
  static constexpr char digits[] = "0123456789ABCDEF";
  for (const char c : collection_id) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_' ||
        u == '.' || u == '~') {
      out += c;
    } else {
      out += '%';
      out += digits[u >> 4];
      out += digits[u & 15];
    }
  }
  return out;
}

std::optional<clay::hub> clay_hub_of(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  const auto slash = url.rfind('/');
  clay::hub h{};
  if (slash == std::string_view::npos || !clay::parse_hub_name(url.substr(slash + 1), h)) return std::nullopt;
  return h;
}

namespace {

// Negotiation is skipped, so the token source is called once per connect attempt: a second call
// without a connect in between follows a refusal (401) and asks the provider for a fresh token.
asio::awaitable<std::tuple<std::error_code, std::string>> provider_token(std::shared_ptr<auth::token_provider> provider,
                                                                        std::shared_ptr<unsigned> calls_since_connect) {
  const bool refresh = (*calls_since_connect)++ > 0;
  auto [ec, token] = co_await provider->get(refresh);
  co_return std::tuple{ec, std::move(token.value)};
}

signalr::hub_options connection_options(const clay_options& o, std::shared_ptr<unsigned> calls_since_connect) {
  signalr::hub_options h = o.hub;
  h.url = clay_hub_url(o.hub.url, o.collection_id);
  h.skip_negotiation = true;
  h.access_token_in_query = true;
  if (!h.access_token && o.token) {
    std::shared_ptr<auth::token_provider> provider = o.token;
    h.access_token = [provider, calls_since_connect]() { return provider_token(provider, calls_since_connect); };
  }
  return h;
}

}  // namespace

struct clay_source::impl {
  impl(asio::any_io_executor ex, clay_options o)
      : options(std::move(o)),
        kind(options.kind ? options.kind : clay_hub_of(options.hub.url)),
        hub(std::move(ex), connection_options(options, calls_since_connect)),
        decoder(options.decoder),
        batch(options.name) {}

  clay_options options;
  std::optional<clay::hub> kind;
  std::shared_ptr<unsigned> calls_since_connect = std::make_shared<unsigned>(0);
  signalr::hub_connection hub;
  clay::message_decoder decoder;
  clay::message decoded;
  std::string buffer;  // the unescaped message, reused
  std::string id_scratch, subject_scratch;
  event::event_batch batch;
  source_statistics stats;
  clay_statistics counters;
  event::delivery* out = nullptr;

  void log(signalr::log_level level, std::string_view line) const {
    if (options.hub.log) options.hub.log(level, line);
  }

  void add(std::string_view argument, time::utc_time received) {
    if (decoder.decode_validated(argument, *kind, buffer, decoded)) {
      ++counters.decode_errors;
      ++stats.errors;
      log(signalr::log_level::warning, "clay " + options.name + ": message skipped: " + decoder.describe_error());
      return;
    }
    event::event_fields fields;
    fields.type_prefix = "clay.";
    fields.type_name = clay::hub_name(*kind);
    if (decoded.id) fields.id = decoded.id->text.decode(id_scratch);
    if (decoded.collection_id) fields.subject = decoded.collection_id->text.decode(subject_scratch);
    if (decoded.time) fields.time = decoded.time->value.utc;
    fields.data_json = decoded.json;
    batch.add(fields, received);
  }

  asio::awaitable<void> on_message(const signalr::invocation& invocation) {
    const auto received = std::chrono::time_point_cast<time::ticks>(std::chrono::system_clock::now());
    for (std::string_view argument : invocation.arguments) add(argument, received);
    if (batch.empty() || out == nullptr) {
      batch.clear();
      co_return;
    }
    const std::size_t n = batch.size();
    auto [ec, sequence] = co_await out->publish(batch);
    if (ec) {
      ++stats.errors;
      log(signalr::log_level::error, "clay " + options.name + ": delivery refused events: " + ec.message());
      batch.clear();
      co_return;
    }
    stats.events += n;
  }
};

clay_source::clay_source(asio::any_io_executor ex, clay_options options)
    : impl_(std::make_shared<impl>(std::move(ex), std::move(options))) {
  impl* self = impl_.get();
  self->hub.on("ReceiveMessage", [self](const signalr::invocation& invocation) -> asio::awaitable<void> {
    return self->on_message(invocation);
  });
  self->hub.on_connected([self]() -> asio::awaitable<std::error_code> {
    *self->calls_since_connect = 0;
    self->stats.connects = self->hub.statistics().connects;
    self->stats.connected = true;
    co_return std::error_code{};
  });
  self->hub.on_reconnecting([self](std::error_code ec) {
    self->stats.connected = false;
    ++self->stats.errors;
    self->log(signalr::log_level::warning, "clay " + self->options.name + ": connection lost: " + ec.message());
  });
  self->hub.on_reconnected([self](std::string_view) { ++self->stats.reconnects; });
}

clay_source::~clay_source() = default;

const std::string& clay_source::name() const noexcept { return impl_->options.name; }
const source_statistics& clay_source::statistics() const noexcept { return impl_->stats; }
const clay_statistics& clay_source::clay_counters() const noexcept { return impl_->counters; }

asio::awaitable<std::error_code> clay_source::run(event::delivery& out) {
  if (!impl_->kind) {
    impl_->log(signalr::log_level::error, "clay " + impl_->options.name +
                                              ": the hub URL must end in /hub/incident or /hub/entry (or set the kind)");
    co_return std::make_error_code(std::errc::invalid_argument);
  }
  impl_->out = &out;
  if (auto ec = co_await impl_->hub.start()) {
    ++impl_->stats.errors;
    impl_->log(signalr::log_level::error, "clay " + impl_->options.name + ": " + impl_->hub.last_error_detail());
    co_return ec;
  }
  auto ec = co_await impl_->hub.wait_closed();
  impl_->stats.connected = false;
  co_return ec;
}

asio::awaitable<void> clay_source::stop() {
  co_await impl_->hub.stop();
  impl_->stats.connected = false;
}

}  // namespace eventwire::source
