#include "log.hpp"
#include "source_config.hpp"

#include <eventwire/source/webroot_unity_source.hpp>

namespace eventwire::cli {

namespace {

// "start": where a subscription without a stored position begins.
void read_start(config::object_reader& r, unity::position_request& start) {
  const auto text = r.string("start");
  if (!text || *text == "oldest") {
    start = {unity::position_type::oldest, {}};
  } else if (*text == "newest") {
    start = {unity::position_type::newest, {}};
  } else if (*text == "after_newest") {
    start = {unity::position_type::after_newest, {}};
  } else {
    r.found().add(r.path_of("start"), "must be \"oldest\", \"newest\" or \"after_newest\"");
  }
}

}  // namespace

std::unique_ptr<source::source> build_unity_source(source_context& c, config::object_reader& r, std::string name) {
  source::webroot_unity_options o;
  auto& p = o.poller;
  const auto base = r.string("url", true);
  const bool base_ok = base && read_url(r, "url", *base, p.base_url);
  if (auto id = r.string("subscription_id", true)) p.subscription_id = *id;
  if (auto d = r.duration("poll_interval")) p.poll_interval = *d;
  read_start(r, p.initial_position);
  if (auto policy = r.string("on_rejected_position")) {
    if (*policy == "stop") {
      p.on_rejected_position = unity::rejected_position_policy::stop;
    } else if (*policy == "restart_from_oldest") {
      p.on_rejected_position = unity::rejected_position_policy::restart_from_oldest;
    } else {
      r.found().add(r.path_of("on_rejected_position"), "must be \"stop\" or \"restart_from_oldest\"");
    }
  }
  read_http_options(r, p.http);
  p.http.tls = read_tls(r);
  p.retry = read_reconnect(r);
  auto tokens = read_oauth2(c, r, base_ok ? net::join_path(p.base_url, "auth/token").to_string() : std::string{},
                            true, p.http.tls);
  if (!c.checkpoints) {
    r.found().add(r.path(), "needs a checkpoint store to keep its position: add \"checkpoints\": "
                            "{\"type\": \"file\", \"dir\": \"...\"}");
  }
  if (!tokens || !c.checkpoints) return nullptr;
  p.log = [name](bool problem, std::string_view sentence) {
    log(problem ? log_level::warning : log_level::info, name, sentence);
  };
  o.name = std::move(name);
  return std::make_unique<source::webroot_unity_source>(c.ex, std::move(o), *tokens, *c.checkpoints);
}

}  // namespace eventwire::cli
