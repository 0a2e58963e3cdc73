#include "program_config.hpp"

#include <eventwire/config/object_reader.hpp>
#include <eventwire/sink/file_sink.hpp>
#include <eventwire/sink/stdout_sink.hpp>
#include <eventwire/source/signalr_source.hpp>

#include <boost/json/array.hpp>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace eventwire::cli {

namespace asio = boost::asio;
namespace json = boost::json;

namespace {

constexpr std::size_t max_config_bytes = std::size_t{4} << 20;

// The hub options every SignalR-based source shares: url, token, headers, timeouts.
void read_hub_options(config::object_reader& r, signalr::hub_options& hub, asio::any_io_executor ex) {
  if (auto url = r.string("url", true)) hub.url = *url;
  if (auto skip = r.boolean("skip_negotiation")) hub.skip_negotiation = *skip;
  if (auto in_query = r.boolean("token_in_query")) hub.access_token_in_query = *in_query;
  if (auto token = r.secret("token")) {
    hub.access_token = [ex, token = *token]() { return token.resolve(ex); };
  }
  if (const json::value* headers = r.value("headers")) {
    config::object_reader h(*headers, r.path_of("headers"), r.found());
    if (h.is_object()) {
      for (const auto& member : headers->get_object()) {
        if (auto v = h.string(member.key())) hub.headers.set(member.key(), *v);
      }
    }
    h.finish();
  }
  if (auto d = r.duration("handshake_timeout")) hub.handshake_timeout = *d;
  if (auto d = r.duration("keep_alive_interval")) hub.keep_alive_interval = *d;
  if (auto d = r.duration("server_timeout")) hub.server_timeout = *d;
  hub.log = [name = r.path()](signalr::log_level level, std::string_view text) {
    if (level >= signalr::log_level::warning)
      std::fprintf(stderr, "eventwire: %s: %.*s\n", name.c_str(), static_cast<int>(text.size()), text.data());
  };
}

std::unique_ptr<source::source> build_signalr(asio::any_io_executor ex, config::object_reader& r, std::string name) {
  source::signalr_source_options o;
  o.name = std::move(name);
  read_hub_options(r, o.hub, ex);
  o.methods = r.strings("methods");
  if (o.methods.empty() && r.is_object()) r.found().add(r.path_of("methods"), "must name at least one hub method");
  return std::make_unique<source::signalr_source>(ex, std::move(o));
}

std::unique_ptr<source::source> build_source(asio::any_io_executor ex, const json::value& v, const std::string& path,
                                             config::problems& found, std::set<std::string>& names) {
  config::object_reader r(v, path, found);
  const auto name = r.string("name", true);
  const auto type = r.string("type", true);
  if (name && !names.insert(*name).second) found.add(r.path_of("name"), "is used by another source");
  std::unique_ptr<source::source> built;
  if (type) {
    if (*type == "signalr") {
      built = build_signalr(ex, r, name.value_or(""));
    } else if (*type == "genetec-websdk" || *type == "genetec-missioncontrol" || *type == "clay" ||
               *type == "webroot-unity" || *type == "portos") {
      found.add(r.path_of("type"), "'" + *type + "' is not available in this build yet");
      return nullptr;
    } else {
      found.add(r.path_of("type"), "must be one of signalr, genetec-websdk, genetec-missioncontrol, clay, "
                                   "webroot-unity, portos");
      return nullptr;
    }
  }
  r.finish();
  return built;
}

std::unique_ptr<sink::sink> build_sink(asio::any_io_executor ex, const json::value& v, const std::string& path,
                                       config::problems& found) {
  config::object_reader r(v, path, found);
  const auto type = r.string("type", true);
  std::unique_ptr<sink::sink> built;
  if (type && *type == "stdout") {
    built = std::make_unique<sink::stdout_sink>(ex);
  } else if (type && *type == "file") {
    sink::file_sink_options o;
    if (auto p = r.string("path", true)) o.path = *p;
    if (auto sync = r.string("sync")) {
      using policy = sink::file_sink_options::sync_policy;
      if (*sync == "batch") {
        o.sync = policy::every_batch;
      } else if (*sync == "interval") {
        o.sync = policy::interval;
      } else if (*sync == "never") {
        o.sync = policy::never;
      } else {
        found.add(r.path_of("sync"), "must be \"batch\", \"interval\" or \"never\"");
      }
    }
    if (auto d = r.duration("sync_interval")) o.sync_interval = *d;
    if (auto n = r.unsigned_integer("rotate_bytes")) o.rotate_bytes = *n;
    if (auto n = r.unsigned_integer("keep_files", 1000)) o.keep_files = static_cast<unsigned>(*n);
    built = std::make_unique<sink::file_sink>(std::move(o));
  } else if (type && *type == "nats") {
    found.add(r.path_of("type"), "'nats' is not available in this build yet");
  } else if (type) {
    found.add(r.path_of("type"), "must be one of stdout, file, nats");
  }
  r.finish();
  return built;
}

}  // namespace

program_parts build_program(asio::any_io_executor ex, const json::value& config, config::problems& found) {
  program_parts parts;
  config::object_reader top(config, "", found);
  std::set<std::string> names;
  if (const json::value* sources = top.value("sources", true)) {
    if (const json::array* list = sources->if_array(); list && !list->empty()) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        if (auto s = build_source(ex, (*list)[i], "sources[" + std::to_string(i) + "]", found, names))
          parts.sources.push_back(std::move(s));
      }
    } else {
      found.add("sources", "must be a non-empty array of sources");
    }
  }
  if (const json::value* sinks = top.value("sinks")) {
    if (const json::array* list = sinks->if_array()) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        if (auto s = build_sink(ex, (*list)[i], "sinks[" + std::to_string(i) + "]", found))
          parts.sinks.push_back(std::move(s));
      }
    } else {
      found.add("sinks", "must be an array of sinks");
    }
  } else {
    parts.sinks.push_back(std::make_unique<sink::stdout_sink>(ex));  // the default
  }
  if (const json::value* checkpoints = top.value("checkpoints")) {
    config::object_reader r(*checkpoints, "checkpoints", found);
    const auto type = r.string("type", true);
    if (type && *type != "file") found.add(r.path_of("type"), "must be \"file\"");
    if (auto dir = r.string("dir", true)) parts.checkpoint_dir = *dir;
    r.finish();
  }
  top.finish();
  return parts;
}

std::optional<program_parts> load_program(asio::any_io_executor ex, const std::string& path, config::problems& found) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    found.add("", "cannot read the config file " + path);
    return std::nullopt;
  }
  std::string text(max_config_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > max_config_bytes) {
    found.add("", "the config file is larger than 4 MiB");
    return std::nullopt;
  }
  auto value = config::parse_config_text(text, found);
  if (!value) return std::nullopt;
  auto parts = build_program(ex, *value, found);
  if (!found.empty()) return std::nullopt;
  return parts;
}

}  // namespace eventwire::cli
