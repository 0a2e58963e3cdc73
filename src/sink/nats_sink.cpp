#include "blocking_job.hpp"

#include <eventwire/sink/nats_error.hpp>
#include <eventwire/sink/nats_sink.hpp>

#include <boost/asio/async_result.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <nats/nats.h>

#include <atomic>
#include <functional>
#include <mutex>

namespace eventwire::sink {

namespace asio = boost::asio;

namespace {

void append_subject_token(std::string& out, std::string_view text, bool keep_dots) {
  for (const char c : text) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    out += plain || (keep_dots && c == '.') ? c : '_';
  }
}

}  // namespace

void append_nats_subject(std::string& out, std::string_view subject_template, std::string_view source,
                         std::string_view type) {
  for (std::size_t i = 0; i < subject_template.size();) {
    if (subject_template.substr(i).starts_with("{source}")) {
      append_subject_token(out, source, false);
      i += 8;
    } else if (subject_template.substr(i).starts_with("{type}")) {
      append_subject_token(out, type, true);
      i += 6;
    } else {
      out += subject_template[i++];
    }
  }
}

std::string nats_subject(std::string_view subject_template, std::string_view source, std::string_view type) {
  std::string out;
  append_nats_subject(out, subject_template, source, type);
  return out;
}

struct nats_sink::impl {
  nats_sink_options options;
  std::string name;
  asio::any_io_executor executor;
  asio::thread_pool worker{1};
  // Everything below is touched only on the worker thread, except the counters and the error.
  natsConnection* connection = nullptr;
  // Whether `connection` is open, for the event loop (a token is needed only to connect).
  std::atomic<bool> connected{false};
  jsCtx* js = nullptr;
  bool stream_ready = false;
  // Acknowledgements arrive on the client's threads.
  std::string subject, subject_type, subject_source, id;  // publish()'s reused buffers
  std::mutex ack_mutex;
  std::uint64_t refused = 0;
  mutable std::mutex error_mutex;
  std::string error_text;

  void set_error(std::string text) {
    std::lock_guard lock(error_mutex);
    error_text = std::move(text);
  }

  static void on_ack(jsCtx*, natsMsg* msg, jsPubAck* ack, jsPubAckErr* err, void* closure) {
    auto* self = static_cast<impl*>(closure);
    if (ack == nullptr && err != nullptr)
      self->set_error(std::string("JetStream refused a message: ") +
                      (err->ErrText ? err->ErrText : natsStatus_GetText(err->Err)));
    if (ack == nullptr) {
      std::lock_guard lock(self->ack_mutex);
      ++self->refused;
    }
    natsMsg_Destroy(msg);
  }

  void disconnect() {
    if (js) jsCtx_Destroy(js);
    js = nullptr;
    if (connection) {
      natsConnection_Close(connection);
      natsConnection_Destroy(connection);
    }
    connection = nullptr;
    connected = false;
    stream_ready = false;
  }

  // On the worker thread.
  std::error_code connect(const std::optional<std::string>& token) {
    if (connection && !natsConnection_IsClosed(connection)) return {};
    disconnect();
    if (options.token && !token) {  // closed since write() looked: the next write reads the token
      set_error("the NATS connection closed; it is opened again with a fresh token");
      return nats_error::connect_failed;
    }
    natsOptions* o = nullptr;
    natsStatus s = natsOptions_Create(&o);
    if (s == NATS_OK) s = natsOptions_SetURL(o, options.url.c_str());
    if (s == NATS_OK && token) s = natsOptions_SetToken(o, token->c_str());
    if (s == NATS_OK) s = natsOptions_SetTimeout(o, 5000);
    if (s == NATS_OK) s = natsConnection_Connect(&connection, o);
    natsOptions_Destroy(o);
    if (s != NATS_OK) {
      set_error("cannot connect to NATS at " + options.url + ": " + natsStatus_GetText(s));
      connection = nullptr;
      return nats_error::connect_failed;
    }
    jsOptions jo;
    jsOptions_Init(&jo);
    jo.PublishAsync.AckHandler = &impl::on_ack;
    jo.PublishAsync.AckHandlerClosure = this;
    jo.PublishAsync.MaxPending = 4096;
    if ((s = natsConnection_JetStream(&js, connection, &jo)) != NATS_OK) {
      set_error(std::string("JetStream is not available: ") + natsStatus_GetText(s));
      disconnect();
      return nats_error::jetstream_unavailable;
    }
    connected = true;
    return {};
  }

  std::error_code ensure_stream() {
    if (stream_ready || !options.create_stream) return {};
    jsStreamInfo* info = nullptr;
    jsErrCode code = static_cast<jsErrCode>(0);
    natsStatus s = js_GetStreamInfo(&info, js, options.stream.c_str(), nullptr, &code);
    if (s == NATS_OK) {
      jsStreamInfo_Destroy(info);
      stream_ready = true;
      return {};
    }
    std::vector<const char*> subjects;
    for (const auto& wanted : options.stream_subjects) subjects.push_back(wanted.c_str());
    jsStreamConfig config;
    jsStreamConfig_Init(&config);
    config.Name = options.stream.c_str();
    config.Subjects = subjects.data();
    config.SubjectsLen = static_cast<int>(subjects.size());
    config.Storage = js_FileStorage;
    config.Duplicates = std::chrono::duration_cast<std::chrono::nanoseconds>(options.duplicate_window).count();
    s = js_AddStream(&info, js, &config, nullptr, &code);
    if (s != NATS_OK) {
      set_error("cannot create the stream " + options.stream + ": " + natsStatus_GetText(s) +
                " (JetStream error " + std::to_string(static_cast<int>(code)) + ")");
      return nats_error::stream_not_created;
    }
    jsStreamInfo_Destroy(info);
    stream_ready = true;
    return {};
  }

  // On the worker thread: publishes the batch and waits for every acknowledgement.
  std::error_code publish(const event::event_batch& batch, const std::optional<std::string>& token) {
    if (auto ec = connect(token)) return ec;
    if (auto ec = ensure_stream()) return ec;
    {
      std::lock_guard lock(ack_mutex);
      refused = 0;
    }
    // Kept across batches: a subject is rebuilt only when the type changes.
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const event::event_view e = batch[i];
      if (subject.empty() || e.type != subject_type || batch.source() != subject_source) {
        subject_type.assign(e.type);
        subject_source.assign(batch.source());
        subject.clear();
        append_nats_subject(subject, options.subject, subject_source, subject_type);
      }
      id.assign(e.id);
      natsMsg* msg = nullptr;
      natsStatus s = natsMsg_Create(&msg, subject.c_str(), nullptr, e.line.data(), static_cast<int>(e.line.size()));
      if (s == NATS_OK) s = natsMsgHeader_Set(msg, "Nats-Msg-Id", id.c_str());
      if (s == NATS_OK) s = js_PublishMsgAsync(js, &msg, nullptr);
      natsMsg_Destroy(msg);
      if (s != NATS_OK) {
        set_error(std::string("publishing to NATS failed: ") + natsStatus_GetText(s));
        disconnect();
        return nats_error::publish_failed;
      }
    }
    jsPubOptions wait;
    jsPubOptions_Init(&wait);
    wait.MaxWait = options.ack_timeout.count();
    // Returns once every message of the batch was acknowledged or refused (the handler ran).
    const natsStatus s = js_PublishAsyncComplete(js, &wait);
    if (s != NATS_OK) {
      set_error(std::string("JetStream did not acknowledge every event in time: ") + natsStatus_GetText(s));
      disconnect();  // late acknowledgements must not count for the next batch
      return nats_error::not_acknowledged;
    }
    std::lock_guard lock(ack_mutex);
    if (refused != 0) {
      disconnect();
      return nats_error::refused;
    }
    return {};
  }
};

nats_sink::nats_sink(asio::any_io_executor ex, nats_sink_options options) : impl_(std::make_shared<impl>()) {
  impl_->options = std::move(options);
  impl_->name = "nats " + impl_->options.url;
  impl_->executor = std::move(ex);
}

nats_sink::~nats_sink() {
  auto self = impl_;
  asio::post(self->worker, [self] { self->disconnect(); });
  self->worker.join();
}

const std::string& nats_sink::name() const noexcept { return impl_->name; }

std::string nats_sink::last_error() const {
  std::lock_guard lock(impl_->error_mutex);
  return impl_->error_text;
}

asio::awaitable<std::error_code> nats_sink::write(const event::event_batch& batch) {
  auto self = impl_;
  std::optional<std::string> token;
  if (self->options.token && !self->connected) {  // a file or command secret is read per connect
    auto [ec, value] = co_await self->options.token->resolve(self->executor);
    if (ec) {
      self->set_error("the NATS token is unavailable from " + self->options.token->describe() + ": " + ec.message());
      co_return nats_error::token_unavailable;
    }
    token = std::move(value);
  }
  std::function<std::error_code()> publish = [self, &batch, token] { return self->publish(batch, token); };
  co_return co_await detail::run_blocking(self->worker, std::move(publish), asio::use_awaitable);
}

asio::awaitable<std::error_code> nats_sink::close() {
  auto self = impl_;
  std::function<std::error_code()> disconnect = [self] {
    self->disconnect();
    return std::error_code{};
  };
  co_return co_await detail::run_blocking(self->worker, std::move(disconnect), asio::use_awaitable);
}

}  // namespace eventwire::sink
