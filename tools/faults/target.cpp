#include "targets.hpp"

#include <stdexcept>

namespace eventwire::faults {

namespace {

struct maker {
  std::string_view type;
  std::unique_ptr<target> (*make)(boost::asio::any_io_executor, const target_options&);
};

constexpr maker makers[] = {
    {"webroot-unity", make_unity_target},   {"genetec-missioncontrol", make_missioncontrol_target},
    {"portos", make_portos_target},         {"genetec-websdk", make_websdk_target},
    {"clay", make_clay_target},             {"signalr", make_signalr_target},
};

}  // namespace

std::vector<std::string_view> target_types() {
  std::vector<std::string_view> out;
  for (const auto& m : makers) out.push_back(m.type);
  return out;
}

std::unique_ptr<target> make_target(std::string_view type, boost::asio::any_io_executor ex, const target_options& options) {
  for (const auto& m : makers)
    if (m.type == type) return m.make(std::move(ex), options);
  throw std::invalid_argument("no source type '" + std::string(type) + "' in the fault suite");
}

void add_suite_timeouts(boost::json::object& entry, bool hub, bool http) {
  if (http) {
    entry["connect_timeout"] = "3s";
    entry["request_timeout"] = "3s";
  }
  entry["reconnect"] = boost::json::object{{"first_delay", "500ms"}, {"max_delay", "2s"}};
  if (hub) {
    entry["handshake_timeout"] = "3s";
    entry["keep_alive_interval"] = "1s";
    entry["server_timeout"] = "3s";
  }
}

std::string proxied_url(net::url u, const fault_proxy& proxy) {
  u.port = proxy.port();
  return u.to_string();
}

std::string proxied_url(std::string_view u, const fault_proxy& proxy) {
  net::url parsed;
  if (net::parse_url(u, parsed)) throw std::invalid_argument("not a URL: " + std::string(u));
  return proxied_url(std::move(parsed), proxy);
}

}  // namespace eventwire::faults
