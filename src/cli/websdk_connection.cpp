#include "websdk_connection.hpp"

#include "program_config.hpp"
#include "source_config.hpp"

#include <eventwire/config/object_reader.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace eventwire::cli {

namespace json = boost::json;

namespace {

constexpr std::string_view websdk_type = "genetec-websdk";

// The index of the source named `name` in `sources`; a problem when there is none.
std::optional<std::size_t> find_source(const json::array& sources, std::string_view name, config::problems& found) {
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const json::object* entry = sources[i].if_object();
    if (!entry) continue;
    const json::value* n = entry->if_contains("name");
    if (n && n->is_string() && n->get_string() == name) return i;
  }
  found.add("sources", "has no source named \"" + std::string(name) + "\"");
  return std::nullopt;
}

}  // namespace

std::optional<websdk::client_options> read_websdk_connection(const std::string& path, std::string_view source_name,
                                                             config::problems& found) {
  const auto config = read_config_file(path, found);
  if (!config) return std::nullopt;
  const json::object* top = config->if_object();
  const json::value* sources = top ? top->if_contains("sources") : nullptr;
  if (!sources || !sources->is_array()) {
    found.add("sources", "must be a non-empty array of sources");
    return std::nullopt;
  }
  const auto index = find_source(sources->get_array(), source_name, found);
  if (!index) return std::nullopt;
  const std::string entry_path = "sources[" + std::to_string(*index) + "]";
  config::object_reader r(sources->get_array()[*index], entry_path, found);
  r.string("name", true);
  const auto type = r.string("type", true);
  if (type && *type != websdk_type) {
    found.add(r.path_of("type"), "is \"" + *type + "\": the websdk commands need a \"genetec-websdk\" source");
    return std::nullopt;
  }
  auto stream = read_websdk_stream(r);
  r.finish();
  if (!found.empty()) return std::nullopt;
  websdk::client_options o;
  o.url = std::move(stream.url);
  o.username = std::move(stream.username);
  o.application_id = std::move(stream.application_id);
  o.password = std::move(stream.password);
  o.http = std::move(stream.http);
  return o;
}

}  // namespace eventwire::cli
