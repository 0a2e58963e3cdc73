#pragma once

#include "program_config.hpp"

#include <eventwire/config/object_reader.hpp>

namespace eventwire::cli {

// "checkpoints": {"type": "file", "dir"} or {"type": "nats", "url", "token", "bucket",
// "lease_ttl", "instance", "timeout", "leases"}; sets parts.checkpoints (and parts.leases for
// NATS with leases on). Nothing connects yet.
void read_checkpoints(config::object_reader& r, program_parts& parts);

}  // namespace eventwire::cli
