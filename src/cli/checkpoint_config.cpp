#include "checkpoint_config.hpp"

#include "source_config.hpp"

#include <eventwire/state/file_checkpoint_store.hpp>
#include <eventwire/state/nats_checkpoint_store.hpp>

namespace eventwire::cli {

namespace {

void read_nats(config::object_reader& r, program_parts& parts) {
  state::nats_checkpoint_options o;
  if (auto url = r.string("url")) o.url = *url;
  if (auto token = r.secret("token")) {
    if (auto value = resolve_now(r, *token, "token")) o.token = std::move(*value);
  }
  if (auto bucket = r.string("bucket")) o.bucket = *bucket;
  if (auto ttl = r.duration("lease_ttl")) {
    if (*ttl < std::chrono::seconds(1)) r.found().add(r.path_of("lease_ttl"), "must be at least 1s");
    o.lease_ttl = *ttl;
  }
  if (auto instance = r.string("instance")) o.instance = *instance;
  if (auto timeout = r.duration("timeout")) o.timeout = *timeout;
  const bool leases = r.boolean("leases").value_or(true);
  auto store = std::make_unique<state::nats_checkpoint_store>(std::move(o));
  if (leases) parts.leases = store.get();
  parts.checkpoints = std::move(store);
}

}  // namespace

void read_checkpoints(config::object_reader& r, program_parts& parts) {
  const auto type = r.string("type", true);
  if (type && *type == "file") {
    if (auto dir = r.string("dir", true)) {
      state::file_checkpoint_options o;
      o.directory = *dir;
      parts.checkpoints = std::make_unique<state::file_checkpoint_store>(std::move(o));
    }
  } else if (type && *type == "nats") {
    read_nats(r, parts);
  } else if (type) {
    r.found().add(r.path_of("type"), "must be \"file\" or \"nats\"");
  }
  r.finish();
}

}  // namespace eventwire::cli
