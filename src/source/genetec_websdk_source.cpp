#include <eventwire/source/genetec_websdk_source.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include <chrono>
#include <variant>

namespace eventwire::source {

namespace asio = boost::asio;

namespace {

time::utc_time now() {
  return std::chrono::time_point_cast<time::ticks>(std::chrono::system_clock::now());
}

}  // namespace

genetec_websdk_source::genetec_websdk_source(asio::any_io_executor ex, genetec_websdk_options options)
    : ex_(ex), name_(std::move(options.name)), stream_(ex, std::move(options.stream)), batch_(name_) {}

void genetec_websdk_source::add(const websdk::stream_message& message, std::string_view part) {
  event::event_fields f;
  f.raw = part;
  if (const auto* e = std::get_if<websdk::event_notification>(&message)) {
    f.type_prefix = "genetec.securitycenter.event.";
    f.type_name = e->event_type.decode(type_scratch_);
    f.subject = e->source_guid.decode(subject_scratch_);
    f.time = e->timestamp.value.utc;
    f.data_json = e->result_json;
  } else if (const auto* a = std::get_if<websdk::alarm_triggered>(&message)) {
    f.type_prefix = "genetec.securitycenter.alarm.";
    f.type_name = "triggered";
    f.subject = a->source_guid ? a->source_guid->decode(subject_scratch_) : a->alarm_guid.decode(subject_scratch_);
    if (a->trigger_timestamp) f.time = a->trigger_timestamp->value.utc;
    else if (a->creation_timestamp) f.time = a->creation_timestamp->value.utc;
    f.data_json = a->alarm_json;
  } else if (const auto* k = std::get_if<websdk::alarm_acknowledged>(&message)) {
    f.type_prefix = "genetec.securitycenter.alarm.";
    f.type_name = "acknowledged";
    if (k->alarm_guid) f.subject = k->alarm_guid->decode(subject_scratch_);
    f.data_json = k->acknowledge_json;
  } else {
    return;
  }
  batch_.add(f, now());
  ++stats_.events;
}

asio::awaitable<std::error_code> genetec_websdk_source::run(event::delivery& out) {
  stopping_ = false;
  publish_error_.clear();
  batch_.clear();
  bool first = true;
  stream_.on_message([this](const websdk::stream_message& m, std::string_view part) { add(m, part); });
  stream_.on_read_end([this, &out]() -> asio::awaitable<void> {
    if (batch_.empty() || publish_error_) co_return;
    auto [ec, sequence] = co_await out.publish(batch_);
    if (ec && !publish_error_) {
      publish_error_ = ec;
      ++stats_.errors;
      asio::co_spawn(ex_, stream_.stop(), asio::detached);
    }
  });
  stream_.on_skipped([this](std::error_code, std::string_view) { ++stats_.errors; });
  stream_.on_connected([this, &first](std::string_view) {
    ++stats_.connects;
    if (!first) ++stats_.reconnects;
    first = false;
    stats_.connected = true;
  });
  stream_.on_reconnecting([this](std::error_code) {
    ++stats_.errors;
    stats_.connected = false;
  });
  const auto ec = co_await stream_.run();
  stats_.connected = false;
  stream_.on_read_end({});
  if (publish_error_) co_return publish_error_;
  co_return ec;
}

asio::awaitable<void> genetec_websdk_source::stop() {
  stopping_ = true;
  co_await stream_.stop();
}

}  // namespace eventwire::source
