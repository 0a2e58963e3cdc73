#include <eventwire/event/event_batch.hpp>

#include <eventwire/json/writer.hpp>

#include <cassert>
#include <cstdint>

namespace eventwire::event {

namespace {

// FNV-1a with the 128-bit parameters, on two 64-bit halves (no __int128 under -Wpedantic).
struct fnv128 {
  // offset basis 0x6c62272e07bb014262b821756295c58d
  std::uint64_t high = 0x6c62272e07bb0142ULL;
  std::uint64_t low = 0x62b821756295c58dULL;

  void add(std::string_view bytes) noexcept {
    for (const char c : bytes) {
      low ^= static_cast<unsigned char>(c);
      // multiply by the prime 2^88 + 0x13b: (high, low) * 0x13b + (low << 88)
      const std::uint64_t low_lo = low & 0xffffffffULL;
      const std::uint64_t low_hi = low >> 32;
      const std::uint64_t p_lo = low_lo * 0x13b;
      const std::uint64_t p_hi = low_hi * 0x13b + (p_lo >> 32);
      const std::uint64_t new_low = (p_hi << 32) | (p_lo & 0xffffffffULL);
      const std::uint64_t carry = p_hi >> 32;
      high = high * 0x13b + carry + (low << 24);
      low = new_low;
    }
  }
};

void append_hex(std::string& out, std::uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xf];
}

}  // namespace

void append_stable_id(std::string& out, std::string_view source_name, std::string_view raw) {
  fnv128 h;
  h.add(source_name);
  h.add(std::string_view("\0", 1));
  h.add(raw);
  append_hex(out, h.high);
  append_hex(out, h.low);
}

void event_batch::set_source(std::string name) {
  source_ = std::move(name);
  source_json_.clear();
  json::append_string(source_json_, "eventwire/" + source_);
}

void event_batch::add(const event_fields& f, time::utc_time received) {
  rendered r;
  r.line.begin = text_.size();
  text_ += R"({"specversion":"1.0","id":)";
  r.id.begin = text_.size() + 1;
  if (!f.id.empty()) {
    json::append_string(text_, f.id);
  } else {
    text_ += '"';
    append_stable_id(text_, source_, f.raw.empty() ? f.data_json : f.raw);
    text_ += '"';
  }
  r.id.size = text_.size() - 1 - r.id.begin;
  text_ += R"(,"source":)";
  text_ += source_json_;
  text_ += R"(,"type":)";
  scratch_.assign(f.type_prefix).append(f.type_name);
  r.type.begin = text_.size() + 1;
  json::append_string(text_, scratch_);
  r.type.size = text_.size() - 1 - r.type.begin;
  if (!f.subject.empty()) {
    text_ += R"(,"subject":)";
    r.subject.begin = text_.size() + 1;
    json::append_string(text_, f.subject);
    r.subject.size = text_.size() - 1 - r.subject.begin;
  }
  if (f.time) {
    text_ += R"(,"time":")";
    time::append_rfc3339(text_, *f.time);
    text_ += '"';
  }
  text_ += R"(,"datacontenttype":"application/json","data":)";
  text_ += f.data_json.empty() ? std::string_view("null") : f.data_json;
  text_ += R"(,"eventwirereceived":")";
  time::append_rfc3339(text_, received);
  text_ += "\"}";
  r.line.size = text_.size() - r.line.begin;
  events_.push_back(r);
}

event_view event_batch::operator[](std::size_t i) const noexcept {
  assert(i < events_.size());
  const rendered& r = events_[i];
  const auto view = [&](span s) { return std::string_view(text_).substr(s.begin, s.size); };
  return {view(r.id), view(r.type), view(r.subject), view(r.line)};
}

void event_batch::append(const event_batch& other) {
  const std::size_t offset = text_.size();
  text_ += other.text_;
  events_.reserve(events_.size() + other.events_.size());
  for (rendered r : other.events_) {
    for (span* s : {&r.line, &r.id, &r.type, &r.subject}) s->begin += offset;
    events_.push_back(r);
  }
}

void event_batch::clear() noexcept {
  text_.clear();
  events_.clear();
}

}  // namespace eventwire::event
