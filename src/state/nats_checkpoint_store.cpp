#include <eventwire/state/error.hpp>
#include <eventwire/state/nats_checkpoint_store.hpp>

#include "escaped_key.hpp"

#include <nats/nats.h>

#include <unistd.h>

#include <climits>

namespace eventwire::state {

namespace {


std::string default_instance() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] != '\0' ? host : "localhost") + ":" + std::to_string(::getpid());
}

std::string status_text(natsStatus s) {
  natsStatus last = NATS_OK;
  const char* text = nats_GetLastError(&last);
  return text != nullptr && *text != '\0' ? text : natsStatus_GetText(s);
}

// One key-value entry as read: absent, or a value with its revision.
struct entry {
  bool found = false;
  std::string value;
  std::uint64_t revision = 0;
};

}  // namespace

std::string nats_key(std::string_view key) {
  return detail::escaped_key(key, '=', [](unsigned char c, std::size_t) {
    return detail::is_alphanumeric(c) || c == '_' || c == '-' || c == '/';
  });
}

// The nats.c objects, opened at the first call and kept (the client reconnects by itself).
struct nats_checkpoint_store::connection {
  const nats_checkpoint_options& options;
  natsConnection* nc = nullptr;
  jsCtx* js = nullptr;
  kvStore* checkpoints = nullptr;
  kvStore* leases = nullptr;
  std::chrono::milliseconds lease_ttl{0};
  std::string detail;

  explicit connection(const nats_checkpoint_options& o) : options(o) {}
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;
  ~connection() { close(); }

  void close() {
    if (checkpoints) kvStore_Destroy(checkpoints);
    if (leases) kvStore_Destroy(leases);
    if (js) jsCtx_Destroy(js);
    if (nc) {
      natsConnection_Close(nc);
      natsConnection_Destroy(nc);
    }
    checkpoints = leases = nullptr;
    js = nullptr;
    nc = nullptr;
  }

  std::error_code fail(std::string text, error e = error::unavailable) {
    detail = std::move(text);
    return e;
  }

  // Binds the bucket, creating it when it does not exist.
  std::error_code bucket(kvStore*& out, const std::string& name, std::chrono::milliseconds ttl) {
    natsStatus s = js_KeyValue(&out, js, name.c_str());
    if (s == NATS_NOT_FOUND) {
      kvConfig config;
      kvConfig_Init(&config);
      config.Bucket = name.c_str();
      config.History = 1;
      config.TTL = std::chrono::duration_cast<std::chrono::nanoseconds>(ttl).count();  // nanoseconds
      config.MaxValueSize = static_cast<std::int32_t>(std::min<std::size_t>(options.max_value_size, INT32_MAX));
      s = js_CreateKeyValue(&out, js, &config);
    }
    if (s != NATS_OK) {
      out = nullptr;
      return fail("cannot open the key-value bucket " + name + " on " + options.url + ": " + status_text(s));
    }
    return {};
  }

  std::error_code open() {
    if (nc && !natsConnection_IsClosed(nc) && checkpoints && leases) return {};
    close();
    natsOptions* o = nullptr;
    const auto timeout = static_cast<std::int64_t>(options.timeout.count());
    natsStatus s = natsOptions_Create(&o);
    if (s == NATS_OK) s = natsOptions_SetURL(o, options.url.c_str());
    if (s == NATS_OK && options.token) s = natsOptions_SetToken(o, options.token->c_str());
    if (s == NATS_OK) s = natsOptions_SetTimeout(o, timeout);
    // No reconnect buffer: a write the server never saw must fail now, not land later behind the
    // revision this instance keeps. A closed connection is opened again by the next call.
    if (s == NATS_OK) s = natsOptions_SetAllowReconnect(o, false);
    if (s == NATS_OK) s = natsConnection_Connect(&nc, o);
    natsOptions_Destroy(o);
    if (s != NATS_OK) {
      nc = nullptr;
      return fail("cannot connect to NATS at " + options.url + ": " + natsStatus_GetText(s));
    }
    jsOptions jo;
    jsOptions_Init(&jo);
    jo.Wait = timeout;
    if ((s = natsConnection_JetStream(&js, nc, &jo)) != NATS_OK) {
      js = nullptr;
      return fail("JetStream is not available on " + options.url + ": " + status_text(s));
    }
    if (auto ec = bucket(checkpoints, options.bucket, std::chrono::milliseconds::zero())) return ec;
    if (auto ec = bucket(leases, options.bucket + "-leases", options.lease_ttl)) return ec;
    kvStatus* status = nullptr;
    lease_ttl = options.lease_ttl;
    if (kvStore_Status(&status, leases) == NATS_OK) {
      // An existing bucket keeps the TTL it was created with (reported in nanoseconds).
      if (const std::int64_t ns = kvStatus_TTL(status); ns > 0)
        lease_ttl = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::nanoseconds(ns));
      kvStatus_Destroy(status);
    }
    return {};
  }

  std::error_code get(kvStore* kv, const std::string& key, entry& out) {
    out = {};
    kvEntry* e = nullptr;
    const natsStatus s = kvStore_Get(&e, kv, key.c_str());
    if (s == NATS_NOT_FOUND) return {};
    if (s != NATS_OK) return fail("cannot read " + key + " from NATS at " + options.url + ": " + status_text(s));
    out.found = true;
    out.value.assign(static_cast<const char*>(kvEntry_Value(e)), static_cast<std::size_t>(kvEntry_ValueLen(e)));
    out.revision = kvEntry_Revision(e);
    kvEntry_Destroy(e);
    return {};
  }

  // Writes `value` when the key's revision is still `expected` (0: when it is absent). A refused
  // write is told from a failed one by reading the key again.
  std::error_code put(kvStore* kv, const std::string& key, std::string_view value, std::uint64_t expected,
                      std::uint64_t& revision) {
    const auto len = static_cast<int>(value.size());
    const char* data = value.empty() ? "" : value.data();
    const natsStatus s = expected == 0 ? kvStore_Create(&revision, kv, key.c_str(), data, len)
                                       : kvStore_Update(&revision, kv, key.c_str(), data, len, expected);
    if (s == NATS_OK) return {};
    const std::string reason = status_text(s);
    entry now;
    if (get(kv, key, now)) return error::unavailable;
    if (now.found && now.revision > expected && now.value == value) {
      // It landed and its answer was lost (or another instance wrote the very same value).
      revision = now.revision;
      return {};
    }
    if (now.revision != expected || (expected == 0 && now.found))
      return fail(key + " is at revision " + std::to_string(now.revision) + ", not " + std::to_string(expected) +
                      " as this instance read it",
                  error::conflict);
    return fail("cannot write " + key + " to NATS at " + options.url + ": " + reason);
  }
};

nats_checkpoint_store::nats_checkpoint_store(nats_checkpoint_options options)
    : options_(std::move(options)),
      instance_(options_.instance.empty() ? default_instance() : options_.instance),
      connection_(std::make_unique<connection>(options_)) {}

nats_checkpoint_store::~nats_checkpoint_store() = default;

std::chrono::milliseconds nats_checkpoint_store::ttl() const noexcept {
  return connection_->lease_ttl != std::chrono::milliseconds::zero() ? connection_->lease_ttl : options_.lease_ttl;
}

std::error_code nats_checkpoint_store::check_key(std::string_view key) {
  if (key.empty() || key.size() > options_.max_key_size) {
    set_error_detail("checkpoint keys hold 1 to " + std::to_string(options_.max_key_size) + " bytes");
    return error::invalid_key;
  }
  for (const char c : key) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      set_error_detail("checkpoint keys hold no control characters");
      return error::invalid_key;
    }
  }
  return {};
}

std::error_code nats_checkpoint_store::load(std::string_view key, std::optional<std::string>& value) {
  value.reset();
  if (auto ec = check_key(key)) return ec;
  connection& c = *connection_;
  entry e;
  std::error_code ec = c.open();
  if (!ec) ec = c.get(c.checkpoints, nats_key(key), e);
  if (ec) {
    set_error_detail(c.detail);
    return ec;
  }
  if (e.found && e.value.size() > options_.max_value_size) {
    set_error_detail("the stored value of " + std::string(key) + " holds " + std::to_string(e.value.size()) +
                     " bytes, more than " + std::to_string(options_.max_value_size));
    return error::value_too_large;
  }
  revisions_.insert_or_assign(std::string(key), e.found ? e.revision : 0);
  if (e.found) value = std::move(e.value);
  set_error_detail({});
  return {};
}

std::error_code nats_checkpoint_store::store(std::string_view key, std::string_view value) {
  if (auto ec = check_key(key)) return ec;
  if (value.size() > options_.max_value_size) {
    set_error_detail("the value holds " + std::to_string(value.size()) + " bytes, more than " +
                     std::to_string(options_.max_value_size));
    return error::value_too_large;
  }
  auto known = revisions_.find(key);
  if (known == revisions_.end()) {
    // Never read by this instance: it writes over what it reads now.
    std::optional<std::string> ignored;
    if (auto ec = load(key, ignored)) return ec;
    known = revisions_.find(key);
  }
  connection& c = *connection_;
  std::uint64_t revision = 0;
  std::error_code ec = c.open();
  if (!ec) ec = c.put(c.checkpoints, nats_key(key), value, known->second, revision);
  if (ec) {
    set_error_detail(c.detail);
    return ec;
  }
  known->second = revision;
  set_error_detail({});
  return {};
}

std::error_code nats_checkpoint_store::try_acquire(std::string_view name, bool& acquired, std::string& holder) {
  acquired = false;
  holder.clear();
  if (auto ec = check_key(name)) return ec;
  connection& c = *connection_;
  const std::string key = nats_key(name);
  entry e;
  std::error_code ec = c.open();
  if (!ec) ec = c.get(c.leases, key, e);
  // A released lease holds an empty value; an expired one is gone.
  std::uint64_t revision = 0;
  if (!ec && (!e.found || e.value.empty() || e.value == instance_)) {
    ec = c.put(c.leases, key, instance_, e.found ? e.revision : 0, revision);
    if (!ec) {
      acquired = true;
      leases_.insert_or_assign(std::string(name), revision);
      set_error_detail({});
      return {};
    }
    if (ec == error::conflict) ec = c.get(c.leases, key, e);  // another instance was first
  }
  if (ec) {
    set_error_detail(c.detail);
    return ec;
  }
  holder = e.value;
  set_error_detail({});
  return {};
}

std::error_code nats_checkpoint_store::renew(std::string_view name) {
  const auto held = leases_.find(name);
  if (held == leases_.end()) {
    set_error_detail("this instance does not hold the lease of " + std::string(name));
    return error::lease_lost;
  }
  connection& c = *connection_;
  std::uint64_t revision = 0;
  std::error_code ec = c.open();
  if (!ec) ec = c.put(c.leases, nats_key(name), instance_, held->second, revision);
  if (ec == error::conflict) {
    leases_.erase(held);
    set_error_detail("the lease of " + std::string(name) + " expired or was taken: " + c.detail);
    return error::lease_lost;
  }
  if (ec) {
    set_error_detail(c.detail);
    return ec;
  }
  held->second = revision;
  set_error_detail({});
  return {};
}

std::error_code nats_checkpoint_store::release(std::string_view name) {
  const auto held = leases_.find(name);
  if (held == leases_.end()) return {};
  const std::uint64_t expected = held->second;
  leases_.erase(held);
  connection& c = *connection_;
  std::uint64_t revision = 0;
  std::error_code ec = c.open();
  if (!ec) ec = c.put(c.leases, nats_key(name), {}, expected, revision);
  if (ec == error::conflict) ec = {};  // no longer this instance's
  set_error_detail(ec ? c.detail : std::string());
  return ec;
}

}  // namespace eventwire::state
