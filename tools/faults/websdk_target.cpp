// Genetec Security Center Web SDK: a push source on a never-ending multipart stream. Event n is a
// CameraMotion event whose Event object carries "Sequence":"fwseq-n".

#include "delivery_log.hpp"
#include "targets.hpp"

#include <eventwire/emulator/websdk_emulator.hpp>

namespace eventwire::faults {

namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

class websdk_target final : public target {
 public:
  websdk_target(boost::asio::any_io_executor ex, const target_options& o)
      : api_proxy_(ex, 0), stream_proxy_(ex, 0), emulator_(ex, options(stream_proxy_.port(), o)) {
    api_proxy_.set_upstream_port(emulator_.api_port());
    stream_proxy_.set_upstream_port(emulator_.streaming_port());
    camera_ = emulator_.find("Camera", 1)->guid;
  }

  std::string_view type() const noexcept override { return "genetec-websdk"; }
  bool pull() const noexcept override { return false; }
  json::object source_entry() const override {
    json::object s{{"name", "websdk"}, {"type", "genetec-websdk"}, {"url", proxied_url(emulator_.base_url(), api_proxy_)},
                   {"username", "admin"}, {"application_id", "eventwire"}, {"password", "admin"},
                   {"subscriptions", json::array{"event(Camera,CameraMotion)"}}, {"silence_timeout", "3s"}};
    add_suite_timeouts(s, false, true);
    return s;
  }
  std::vector<fault_proxy*> proxies() override { return {&stream_proxy_, &api_proxy_}; }
  fault_proxy& stream_proxy() override { return stream_proxy_; }
  const net::self_signed_certificate* certificate() const noexcept override { return emulator_.certificate(); }

  bool emit(std::uint64_t n) override {
    return emulator_.raise_event("CameraMotion", camera_, "\"Sequence\":\"" + sequence_marker(n) + "\"") > 0;
  }
  std::optional<std::uint64_t> identify(std::string_view line) const override { return marked_sequence(line); }

  std::uint64_t connection_mark() const override { return emulator_.streams_opened(); }
  bool ready_since(std::uint64_t mark) const override {
    return emulator_.streams_opened() > mark && emulator_.open_streams() > 0 && !emulator_.subscriptions().empty();
  }

  // No tokens (HTTP Basic).
  bool supports(scenario_kind k) const override { return k != scenario_kind::expiry; }
  void inject(scenario_kind k) override {
    switch (k) {
      case scenario_kind::silence: emulator_.set_faults({.stall = true}); break;
      case scenario_kind::unauthorized:
        emulator_.set_faults({.reject_credentials = true});
        emulator_.drop_streams();
        break;
      case scenario_kind::throttled:
        emulator_.set_faults({.refuse_status = 429});
        emulator_.drop_streams();
        break;
      case scenario_kind::server_error:
        emulator_.set_faults({.refuse_status = 503});
        emulator_.drop_streams();
        break;
      default: break;
    }
  }
  void clear(scenario_kind) override { emulator_.set_faults({}); }

 private:
  static emulator::websdk_emulator_options options(std::uint16_t advertised, const target_options& t) {
    emulator::websdk_emulator_options o;
    o.tls = t.tls;  // both ports; the 301 names https
    o.advertised_streaming_port = advertised;
    o.heartbeat_interval = 1s;  // inside the source's silence_timeout
    return o;
  }
  fault_proxy api_proxy_;
  fault_proxy stream_proxy_;
  emulator::websdk_emulator emulator_;
  std::string camera_;
};

}  // namespace

std::unique_ptr<target> make_websdk_target(boost::asio::any_io_executor ex, const target_options& o) {
  return std::make_unique<websdk_target>(std::move(ex), o);
}

}  // namespace eventwire::faults
