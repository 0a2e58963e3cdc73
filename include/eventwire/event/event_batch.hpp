#pragma once

#include <eventwire/event/event_fields.hpp>
#include <eventwire/time/timestamp.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::event {

// One event of a batch, as views into the batch (valid until it changes).
struct event_view {
  std::string_view id;
  std::string_view type;
  std::string_view subject;
  std::string_view line;  // the CloudEvents JSON object, without a line break
};

// Events of one source on their way to the sinks: each rendered once, as its CloudEvents JSON
// line, into one buffer that is reused from batch to batch (no allocation per event once warm).
class event_batch {
 public:
  explicit event_batch(std::string source_name = {}) { set_source(std::move(source_name)); }

  const std::string& source() const noexcept { return source_; }
  void set_source(std::string name);

  // Renders one event; `received` is when eventwire received it (eventwirereceived).
  void add(const event_fields& fields, time::utc_time received);

  std::size_t size() const noexcept { return events_.size(); }
  bool empty() const noexcept { return events_.empty(); }
  event_view operator[](std::size_t i) const noexcept;
  // Bytes of rendered text, line breaks not counted.
  std::size_t bytes() const noexcept { return text_.size(); }
  // Appends the events of `other` (rendered already, so of the same source) after these.
  void append(const event_batch& other);
  void clear() noexcept;

 private:
  struct span {
    std::size_t begin = 0;
    std::size_t size = 0;
  };
  struct rendered {
    span line, id, type, subject;
  };
  std::string source_;
  std::string source_json_;  // "eventwire/<source>" as a JSON string, rendered once
  std::string text_;
  std::string scratch_;
  std::vector<rendered> events_;
};

// The id of an event without a vendor id: 32 hex digits of a 128-bit FNV-1a hash of the source
// name, a zero byte and the raw bytes, so that a redelivered event keeps its id.
void append_stable_id(std::string& out, std::string_view source_name, std::string_view raw);

}  // namespace eventwire::event
