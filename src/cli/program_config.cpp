#include "program_config.hpp"

#include "checkpoint_config.hpp"
#include "leased_source.hpp"
#include "source_config.hpp"

#include <eventwire/config/object_reader.hpp>
#include <eventwire/sink/file_sink.hpp>
#include <eventwire/sink/nats_sink.hpp>
#include <eventwire/sink/stdout_sink.hpp>

#include <boost/json/array.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace eventwire::cli {

namespace asio = boost::asio;
namespace json = boost::json;

namespace {

constexpr std::size_t max_config_bytes = std::size_t{4} << 20;

using source_builder = std::unique_ptr<source::source> (*)(source_context&, config::object_reader&, std::string);

struct source_type {
  std::string_view name;
  source_builder build;
};

constexpr source_type source_types[] = {
    {"genetec-websdk", build_websdk_source},  {"genetec-missioncontrol", build_missioncontrol_source},
    {"clay", build_clay_source},              {"webroot-unity", build_unity_source},
    {"portos", build_portos_source},          {"signalr", build_signalr_source},
};

std::unique_ptr<source::source> build_source(source_context& c, const json::value& v, const std::string& path,
                                             config::problems& found, std::set<std::string>& names) {
  config::object_reader r(v, path, found);
  const auto name = r.string("name", true);
  const auto type = r.string("type", true);
  if (name && !names.insert(*name).second) found.add(r.path_of("name"), "is used by another source");
  std::unique_ptr<source::source> built;
  if (type) {
    const auto* known = std::find_if(std::begin(source_types), std::end(source_types),
                                     [&](const source_type& t) { return t.name == *type; });
    if (known == std::end(source_types)) {
      std::string names_list;
      for (const auto& t : source_types) names_list += (names_list.empty() ? "" : ", ") + std::string(t.name);
      found.add(r.path_of("type"), "must be one of " + names_list);
      return nullptr;
    }
    built = known->build(c, r, name.value_or(""));
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
    sink::nats_sink_options o;
    if (auto url = r.string("url")) o.url = *url;
    o.token = r.secret("token");
    if (auto subject = r.string("subject")) o.subject = *subject;
    if (auto stream = r.string("stream")) o.stream = *stream;
    if (auto create = r.boolean("create_stream")) o.create_stream = *create;
    if (auto subjects = r.strings("stream_subjects"); !subjects.empty()) o.stream_subjects = std::move(subjects);
    if (auto d = r.duration("duplicate_window")) o.duplicate_window = *d;
    if (auto d = r.duration("ack_timeout")) o.ack_timeout = *d;
    built = std::make_unique<sink::nats_sink>(ex, std::move(o));
  } else if (type) {
    found.add(r.path_of("type"), "must be one of stdout, file, nats");
  }
  r.finish();
  return built;
}

}  // namespace

program_parts build_program(asio::any_io_executor ex, const json::value& config, config::problems& found,
                            build_mode mode) {
  program_parts parts;
  config::object_reader top(config, "", found);
  // The checkpoint store first: sources keep their cursors (and ClientIds) in it.
  if (const json::value* checkpoints = top.value("checkpoints")) {
    config::object_reader r(*checkpoints, "checkpoints", found);
    read_checkpoints(r, parts);
  }
  source_context context{ex, parts.checkpoints.get(), &parts.resources, mode == build_mode::check};
  std::set<std::string> names;
  if (const json::value* sources = top.value("sources", true)) {
    if (const json::array* list = sources->if_array(); list && !list->empty()) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        auto s = build_source(context, (*list)[i], "sources[" + std::to_string(i) + "]", found, names);
        if (s && parts.leases && mode == build_mode::run)
          s = std::make_unique<leased_source>(ex, std::move(s), *parts.leases);
        if (s) parts.sources.push_back(std::move(s));
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
  top.finish();
  return parts;
}

std::optional<json::value> read_config_file(const std::string& path, config::problems& found) {
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
  return config::parse_config_text(text, found);
}

void print_config_problems(const config::problems& found, const std::string& path) {
  std::fprintf(stderr, "eventwire: %s has %zu problem%s:\n", path.c_str(), found.list().size(),
               found.list().size() == 1 ? "" : "s");
  for (const config::problem& p : found.list())
    std::fprintf(stderr, "  %s: %s\n", p.path.empty() ? "(file)" : p.path.c_str(), p.message.c_str());
}

std::optional<program_parts> load_program(asio::any_io_executor ex, const std::string& path, config::problems& found,
                                          build_mode mode) {
  auto value = read_config_file(path, found);
  if (!value) return std::nullopt;
  auto parts = build_program(ex, *value, found, mode);
  if (!found.empty()) return std::nullopt;
  return parts;
}

}  // namespace eventwire::cli
