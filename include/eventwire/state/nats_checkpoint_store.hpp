#pragma once

#include <eventwire/state/checkpoint_store.hpp>
#include <eventwire/state/lease_store.hpp>

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace eventwire::state {

struct nats_checkpoint_options {
  std::string url = "nats://127.0.0.1:4222";
  std::optional<std::string> token;  // already resolved: the store's calls are synchronous
  // Checkpoints live in the key-value bucket `bucket`, leases in `bucket`-leases whose entries
  // expire after lease_ttl; both are created when missing (an existing lease bucket keeps its own
  // TTL, which ttl() then reports).
  std::string bucket = "eventwire";
  std::chrono::milliseconds lease_ttl = std::chrono::seconds(15);
  std::string instance;                               // empty: "<host name>:<process id>"
  std::chrono::milliseconds timeout = std::chrono::seconds(2);  // each call to the server
  std::size_t max_value_size = 64 * 1024;
  std::size_t max_key_size = 200;  // bytes of the key before encoding
};

// Checkpoints and leases in NATS JetStream key-value buckets, for instances that share one
// cursor. Each value is written with the revision this instance last read (or created only when
// absent), so a second instance that read the same revision gets error::conflict instead of
// moving the cursor back or forth. Keys are encoded for NATS: bytes outside [A-Za-z0-9_/-] become
// =XX. The nats.c client connects at the first call and reconnects by itself; while the server is
// away each call fails after `timeout` with error::unavailable.
class nats_checkpoint_store final : public checkpoint_store, public lease_store {
 public:
  explicit nats_checkpoint_store(nats_checkpoint_options options);
  ~nats_checkpoint_store() override;

  std::error_code load(std::string_view key, std::optional<std::string>& value) override;
  std::error_code store(std::string_view key, std::string_view value) override;

  std::error_code try_acquire(std::string_view name, bool& acquired, std::string& holder) override;
  std::error_code renew(std::string_view name) override;
  std::error_code release(std::string_view name) override;
  std::chrono::milliseconds ttl() const noexcept override;
  const std::string& instance() const noexcept override { return instance_; }
  const std::string& last_lease_detail() const noexcept override { return last_error_detail(); }

  const nats_checkpoint_options& options() const noexcept { return options_; }

  struct connection;

 private:
  std::error_code check_key(std::string_view key);

  nats_checkpoint_options options_;
  std::string instance_;
  std::unique_ptr<connection> connection_;
  // The revision this instance last read or wrote per checkpoint key; 0 when it was absent.
  std::map<std::string, std::uint64_t, std::less<>> revisions_;
  std::map<std::string, std::uint64_t, std::less<>> leases_;  // revision of each lease held
};

// The NATS key for a checkpoint key, as above.
std::string nats_key(std::string_view key);

}  // namespace eventwire::state
