// The sources on a SignalR hub connection: signalr, portos, clay, genetec-missioncontrol.
#include "source_config.hpp"

#include <eventwire/portos/subscription_decoder.hpp>
#include <eventwire/source/clay_source.hpp>
#include <eventwire/source/genetec_missioncontrol_source.hpp>
#include <eventwire/source/portos_source.hpp>
#include <eventwire/source/signalr_source.hpp>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

namespace eventwire::cli {

namespace json = boost::json;

std::unique_ptr<source::source> build_signalr_source(source_context& c, config::object_reader& r, std::string name) {
  source::signalr_source_options o;
  read_hub_endpoint(c, r, o.hub);
  read_hub_options(r, o.hub, name);
  o.methods = r.strings("methods");
  if (o.methods.empty() && r.is_object()) r.found().add(r.path_of("methods"), "must name at least one hub method");
  o.name = std::move(name);
  return std::make_unique<source::signalr_source>(c.ex, std::move(o));
}

std::unique_ptr<source::source> build_portos_source(source_context& c, config::object_reader& r, std::string name) {
  source::portos_options o;
  read_hub_endpoint(c, r, o.hub);
  read_hub_options(r, o.hub, name);
  if (auto method = r.string("method")) o.method = *method;
  if (const json::value* list = r.value("subscriptions", true)) {
    const json::array* items = list->if_array();
    if (!items || items->empty()) r.found().add(r.path_of("subscriptions"), "must be a non-empty array of Subscribe payloads");
    portos::subscription_decoder decoder;
    for (std::size_t i = 0; items && i < items->size(); ++i) {
      portos::subscription s;
      if (decoder.decode(json::serialize((*items)[i]), s)) {
        r.found().add(r.path_of("subscriptions") + "[" + std::to_string(i) + "]",
                      "is not a Portos subscription (" + decoder.describe_error() + ")");
      } else {
        o.subscriptions.push_back(std::move(s));
      }
    }
  }
  o.name = std::move(name);
  return std::make_unique<source::portos_source>(c.ex, std::move(o));
}

std::unique_ptr<source::source> build_clay_source(source_context& c, config::object_reader& r, std::string name) {
  source::clay_options o;
  if (auto url = r.string("url", true)) {
    o.hub.url = *url;
    if (!source::clay_hub_of(*url)) r.found().add(r.path_of("url"), "must end in /hub/incident or /hub/entry");
  }
  read_hub_token(c, r, o.hub);
  o.token = read_oauth2(c, r);
  if (!o.hub.access_token && !o.token && r.is_object())
    r.found().add(r.path(), "needs \"token\" or \"oauth2\" (SALTO's identity server)");
  if (auto collection = r.string("collection_id")) o.collection_id = *collection;
  read_hub_options(r, o.hub, name);
  o.name = std::move(name);
  return std::make_unique<source::clay_source>(c.ex, std::move(o));
}

namespace {

// The ClientId Mission Control knows this source by, kept in the checkpoint store so that a
// restart keeps it; without a store, a new one per run.
std::string persistent_client_id(source_context& c, config::object_reader& r, const std::string& name) {
  if (!c.checkpoints || c.dry_run) return source::random_client_id();
  const std::string key = name + "/client_id";
  std::optional<std::string> stored;
  if (auto ec = c.checkpoints->load(key, stored)) {
    r.found().add(r.path(), "cannot load its ClientId from the checkpoint store: " + c.checkpoints->last_error_detail());
    return {};
  }
  if (stored && !stored->empty()) return *stored;
  std::string fresh = source::random_client_id();
  if (auto ec = c.checkpoints->store(key, fresh)) {
    r.found().add(r.path(), "cannot keep its ClientId in the checkpoint store: " + c.checkpoints->last_error_detail());
  }
  return fresh;
}

}  // namespace

std::unique_ptr<source::source> build_missioncontrol_source(source_context& c, config::object_reader& r,
                                                            std::string name) {
  source::genetec_missioncontrol_options o;
  if (auto url = r.string("url", true)) o.url = *url;
  if (auto url = r.string("notifications_url")) o.notifications_url = *url;
  if (auto user = r.string("username", true)) o.username = *user;
  if (auto password = r.secret("password", true)) o.password = *password;
  if (auto d = r.duration("renew_before")) o.renew_before = *d;
  read_hub_options(r, o.hub, name, true);  // the server closes the connection at every token expiry
  read_http_options(r, o.http);
  o.http.tls = o.hub.tls;
  if (auto id = r.string("client_id")) {
    o.client_id = *id;
  } else {
    o.client_id = persistent_client_id(c, r, name);
  }
  o.name = std::move(name);
  return std::make_unique<source::genetec_missioncontrol_source>(c.ex, std::move(o));
}

}  // namespace eventwire::cli
