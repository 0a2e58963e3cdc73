#include "signalr_outbox.hpp"

#include <eventwire/signalr/record_framer.hpp>

#include <cstring>

namespace eventwire::emulator::detail {

bool is_hub_message(std::string_view record) noexcept {
  constexpr std::string_view ping = "{\"type\":6}\x1e";
  constexpr std::string_view handshake_ok = "{}\x1e";
  constexpr std::string_view handshake_error = "{\"error\":";
  return record != ping && record != handshake_ok && !record.starts_with(handshake_error);
}

message_cut cut_message(std::string_view batch, std::size_t max_records, std::size_t max_bytes,
                        std::uint64_t max_hub_messages) {
  message_cut cut;
  while (cut.bytes < batch.size() && (max_records == 0 || cut.records < max_records)) {
    const char* start = batch.data() + cut.bytes;
    const auto* end = static_cast<const char*>(
        std::memchr(start, signalr::record_separator, batch.size() - cut.bytes));
    // Records always end with the separator; a tail without one is sent whole.
    const std::size_t size = end ? static_cast<std::size_t>(end - start) + 1 : batch.size() - cut.bytes;
    if (cut.records > 0 && cut.bytes + size > max_bytes) break;
    const bool hub = is_hub_message({start, size});
    if (hub && cut.hub_messages >= max_hub_messages) break;
    cut.bytes += size;
    ++cut.records;
    if (hub) ++cut.hub_messages;
  }
  return cut;
}

}  // namespace eventwire::emulator::detail
