#pragma once

#include <eventwire/event/event_batch.hpp>
#include <eventwire/source/source.hpp>
#include <eventwire/websdk/event_stream.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <string>
#include <system_error>

namespace eventwire::source {

struct genetec_websdk_options {
  std::string name = "genetec-websdk";
  websdk::event_stream_options stream;
};

// The `genetec-websdk` source: a websdk::event_stream whose events and alarms become normalized
// events, one batch per read of the stream:
//   event            type genetec.securitycenter.event.<EventType>, subject SourceGuid,
//                    time Timestamp, data Rsp.Result (EventType, SourceGuid, Timestamp, Event...)
//   AlarmTriggered   type genetec.securitycenter.alarm.triggered, subject SourceGuid (else the
//                    AlarmGuid), time TriggerTimestamp (else CreationTimestamp), data the alarm
//   AlarmAcknowledge type genetec.securitycenter.alarm.acknowledged, subject AlarmGuid
// The Web SDK gives no event ids, so ids are the stable hash of the part (event_batch).
class genetec_websdk_source final : public source {
 public:
  genetec_websdk_source(boost::asio::any_io_executor ex, genetec_websdk_options options);

  const std::string& name() const noexcept override { return name_; }
  // Errors: what event_stream::run() returns, or the delivery's error when publishing fails.
  boost::asio::awaitable<std::error_code> run(event::delivery& out) override;
  boost::asio::awaitable<void> stop() override;
  const source_statistics& statistics() const noexcept override { return stats_; }

  // The session, for subscribing at run time and for its own statistics.
  websdk::event_stream& stream() noexcept { return stream_; }

 private:
  void add(const websdk::stream_message& message, std::string_view part);

  boost::asio::any_io_executor ex_;
  std::string name_;
  websdk::event_stream stream_;
  event::event_batch batch_;
  std::string type_scratch_, subject_scratch_;
  source_statistics stats_;
  std::error_code publish_error_;
  bool stopping_ = false;
};

}  // namespace eventwire::source
