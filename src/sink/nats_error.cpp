#include <eventwire/codec/error_table.hpp>
#include <eventwire/sink/nats_error.hpp>

namespace eventwire::sink {
namespace {

using codec::meaning;

// Entry i-1 describes error i.
constexpr codec::meaning_entry table[] = {
    {"cannot connect to the NATS server", meaning::own},
    {"JetStream is not available on the NATS server", meaning::own},
    {"the JetStream stream could not be created", meaning::own},
    {"the NATS client could not publish an event", meaning::own},
    {"JetStream did not acknowledge every event in time", meaning::timed_out},
    {"JetStream refused an event", meaning::own},
    {"the NATS token could not be read", meaning::own},
};

}  // namespace

const std::error_category& nats_error_category() noexcept {
  static const codec::meaning_table_category category("eventwire.nats", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, nats_error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::sink
