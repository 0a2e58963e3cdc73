#include "source_config.hpp"

#include <eventwire/source/genetec_websdk_source.hpp>

#include <boost/json/array.hpp>

namespace eventwire::cli {

namespace json = boost::json;

websdk::event_stream_options read_websdk_stream(config::object_reader& r) {
  websdk::event_stream_options s;
  if (auto url = r.string("url", true)) s.url = *url;
  if (auto user = r.string("username", true)) s.username = *user;
  if (auto app = r.string("application_id", true)) s.application_id = *app;
  if (auto password = r.secret("password", true)) {
    if (auto value = resolve_now(r, *password, "password")) s.password = std::move(*value);
  }
  const auto texts = r.strings("subscriptions");
  for (std::size_t i = 0; i < texts.size(); ++i) {
    websdk::stream_subscription sub;
    if (auto ec = websdk::parse_subscription(texts[i], sub)) {
      r.found().add(r.path_of("subscriptions") + "[" + std::to_string(i) + "]",
                    "is not event(SOURCE,EventType): " + ec.message());
    } else {
      s.subscriptions.push_back(std::move(sub));
    }
  }
  if (auto alarms = r.boolean("alarm_monitoring")) s.alarm_monitoring = *alarms;
  if (s.subscriptions.empty() && !s.alarm_monitoring && r.is_object())
    r.found().add(r.path(), "receives nothing: add \"subscriptions\" or \"alarm_monitoring\": true");
  if (auto d = r.duration("silence_timeout")) s.silence_timeout = *d;
  if (auto n = r.unsigned_integer("max_part_size", std::uint64_t{1} << 30)) s.max_part_size = *n;
  read_http_options(r, s.http);
  s.http.tls = read_tls(r);
  s.reconnect = read_reconnect(r);
  return s;
}

std::unique_ptr<source::source> build_websdk_source(source_context& c, config::object_reader& r, std::string name) {
  source::genetec_websdk_options o;
  o.stream = read_websdk_stream(r);
  o.name = std::move(name);
  return std::make_unique<source::genetec_websdk_source>(c.ex, std::move(o));
}

}  // namespace eventwire::cli
