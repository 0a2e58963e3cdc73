#pragma once

#include <eventwire/auth/secret.hpp>
#include <eventwire/sink/sink.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace eventwire::sink {

struct nats_sink_options {
  std::string url = "nats://127.0.0.1:4222";
  std::optional<auth::secret> token;
  // The subject of each event: {source} and {type} are replaced (characters other than letters,
  // digits, '-' and '_' in them become '_'; '.' in a type stays, giving subject levels).
  std::string subject = "eventwire.{source}.{type}";
  // Created (or left as it is when it exists) at the first write, when `create_stream`.
  std::string stream = "EVENTWIRE";
  std::vector<std::string> stream_subjects = {"eventwire.>"};
  bool create_stream = false;
  std::chrono::milliseconds duplicate_window = std::chrono::minutes(2);
  // How long write() waits for every publish acknowledgement of a batch.
  std::chrono::milliseconds ack_timeout = std::chrono::seconds(10);
};

// NATS JetStream: every event published with `Nats-Msg-Id` = its id (the server drops a
// redelivered event inside the stream's duplicate window); write() returns once JetStream
// acknowledged every event of the batch, which is the sink's acknowledgement. The nats.c client
// blocks, so it runs on one thread of the sink's own; the event loop never waits on it.
class nats_sink final : public sink {
 public:
  nats_sink(boost::asio::any_io_executor ex, nats_sink_options options);
  ~nats_sink() override;

  const std::string& name() const noexcept override;
  boost::asio::awaitable<std::error_code> write(const event::event_batch& batch) override;
  boost::asio::awaitable<std::error_code> close() override;

  // The last failure, one sentence with the server's words (no secrets); write() returns a
  // sink::nats_error.
  std::string last_error() const;

  struct impl;

 private:
  std::shared_ptr<impl> impl_;
};

// `subject_template` with {source} and {type} filled in, as nats_sink does.
std::string nats_subject(std::string_view subject_template, std::string_view source, std::string_view type);
void append_nats_subject(std::string& out, std::string_view subject_template, std::string_view source,
                         std::string_view type);

}  // namespace eventwire::sink
