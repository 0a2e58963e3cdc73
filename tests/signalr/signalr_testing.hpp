#pragma once

// Helpers shared by the SignalR tests and fuzz harnesses: a canonical rendering of a decoded hub
// message (strings decoded, so two encodings of the same fields render alike), re-encoding a
// decoded message with the encoder, and running a byte stream through framer and decoder.

#include <eventwire/codec/feed_result.hpp>
#include <eventwire/json/writer.hpp>
#include <eventwire/signalr/hub_message.hpp>
#include <eventwire/signalr/hub_message_decoder.hpp>
#include <eventwire/signalr/hub_message_encoder.hpp>
#include <eventwire/signalr/record_framer.hpp>
#include <eventwire/testing/chunks.hpp>

#include <deque>
#include <functional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::signalr::testing {

// A raw string decoded and written back as a JSON string with the encoder's escaping.
inline std::string canonical(const json::raw_string& s) {
  std::string decoded, out;
  s.append_to(decoded);
  json::append_string(out, decoded);
  return out;
}

inline std::string canonical(const string_list& list) {
  std::string out = "[";
  for (const json::raw_string& s : list) out += canonical(s) + ",";
  return out + "]";
}

inline std::string canonical(const string_map& map) {
  std::string out = "{";
  for (const string_map::entry& e : map) out += canonical(e.name) + ":" + canonical(e.value) + ",";
  return out + "}";
}

inline std::string canonical(const raw_array& array) {
  std::string out = "[";
  for (std::string_view element : array) out.append(element).append(",");
  return out + "]";
}

template <class Call>
std::string canonical_call(const Call& m) {
  return " target=" + canonical(m.target) + " arguments=" + canonical(m.arguments) +
         " streamIds=" + canonical(m.stream_ids) + " headers=" + canonical(m.headers);
}

inline std::string canonical(const hub_message& message) {
  struct visitor {
    std::string operator()(const invocation& m) const {
      return "invocation id=" + (m.invocation_id ? canonical(*m.invocation_id) : "none") + canonical_call(m);
    }
    std::string operator()(const stream_invocation& m) const {
      return "stream_invocation id=" + canonical(m.invocation_id) + canonical_call(m);
    }
    std::string operator()(const stream_item& m) const {
      return "stream_item id=" + canonical(m.invocation_id) + " item=" + std::string(m.item) +
             " headers=" + canonical(m.headers);
    }
    std::string operator()(const completion& m) const {
      return "completion id=" + canonical(m.invocation_id) +
             " result=" + (m.result ? std::string(*m.result) : "none") +
             " error=" + (m.error ? canonical(*m.error) : "none") + " headers=" + canonical(m.headers);
    }
    std::string operator()(const cancel_invocation& m) const {
      return "cancel_invocation id=" + canonical(m.invocation_id) + " headers=" + canonical(m.headers);
    }
    std::string operator()(const ping&) const { return "ping"; }
    std::string operator()(const close& m) const {
      return std::string("close error=") + (m.error ? canonical(*m.error) : "none") +
             " allowReconnect=" + (m.allow_reconnect ? (*m.allow_reconnect ? "true" : "false") : "none");
    }
    std::string operator()(const ack& m) const { return "ack " + std::to_string(m.sequence_id); }
    std::string operator()(const sequence& m) const { return "sequence " + std::to_string(m.sequence_id); }
    std::string operator()(const unknown_message& m) const { return "unknown type " + std::to_string(m.type); }
  };
  return std::visit(visitor{}, message);
}

// Encodes a decoded message again with the encoder (strings decoded first, JSON values as they
// are). Returns false for unknown_message, which has nothing to encode.
inline bool reencode(const hub_message& message, std::string& out) {
  // Owns the decoded strings that the encoder's views point at.
  std::deque<std::string> text;
  auto plain = [&text](const json::raw_string& s) -> std::string_view {
    s.append_to(text.emplace_back());
    return text.back();
  };
  std::vector<std::string_view> arguments, stream_ids;
  std::vector<header> headers;
  auto make_call = [&](const auto& m) {
    for (std::string_view a : m.arguments) arguments.push_back(a);
    for (const json::raw_string& id : m.stream_ids) stream_ids.push_back(plain(id));
    for (const string_map::entry& e : m.headers) headers.push_back({plain(e.name), plain(e.value)});
    return call{plain(m.target), arguments, stream_ids, headers};
  };
  if (const auto* m = std::get_if<invocation>(&message)) {
    const call c = make_call(*m);
    if (m->invocation_id) append_invocation(out, plain(*m->invocation_id), c);
    else append_invocation(out, c);
  } else if (const auto* si = std::get_if<stream_invocation>(&message)) {
    const call c = make_call(*si);
    append_stream_invocation(out, plain(si->invocation_id), c);
  } else if (const auto* item = std::get_if<stream_item>(&message)) {
    append_stream_item(out, plain(item->invocation_id), item->item);
  } else if (const auto* done = std::get_if<completion>(&message)) {
    if (done->result) append_completion_result(out, plain(done->invocation_id), *done->result);
    else if (done->error) append_completion_error(out, plain(done->invocation_id), plain(*done->error));
    else append_completion(out, plain(done->invocation_id));
  } else if (const auto* cancel = std::get_if<cancel_invocation>(&message)) {
    append_cancel_invocation(out, plain(cancel->invocation_id));
  } else if (std::holds_alternative<ping>(message)) {
    append_ping(out);
  } else if (const auto* bye = std::get_if<close>(&message)) {
    append_close(out, bye->error ? std::optional(plain(*bye->error)) : std::nullopt, bye->allow_reconnect);
  } else if (const auto* a = std::get_if<ack>(&message)) {
    append_ack(out, a->sequence_id);
  } else if (const auto* s = std::get_if<sequence>(&message)) {
    append_sequence(out, s->sequence_id);
  } else {
    return false;
  }
  return true;
}

// Canonical form without headers for messages the encoder writes without headers (headers are
// encoded only for invocations).
inline std::string canonical_encodable(const hub_message& message) {
  hub_message copy = message;
  std::visit(
      [](auto& m) {
        if constexpr (requires { m.headers; } && !requires { m.target; }) m.headers = string_map{};
      },
      copy);
  return canonical(copy);
}

// Feeds `input` cut at `cuts` through a record_framer (limit `max_record_size`) and hands each
// record to `on_record`; returns "error: <message>" for a framing error, or "" at a clean end.
inline std::string frame(std::string_view input, std::span<const std::size_t> cuts,
                         const std::function<void(std::string_view)>& on_record,
                         std::size_t max_record_size = record_framer::default_max_record_size) {
  record_framer framer;
  framer.max_record_size = max_record_size;
  std::string failure;
  eventwire::testing::feed_in_chunks(input, cuts, [&](std::string_view piece) {
    while (failure.empty()) {
      const codec::feed_result r = framer.feed(piece);
      if (r.consumed > piece.size()) failure = "error: consumed more than given";
      if (r.state == codec::status::error) failure = "error: " + framer.error().message();
      if (r.state != codec::status::event) break;
      piece.remove_prefix(r.consumed);
      on_record(framer.record());
    }
  });
  if (failure.empty())
    if (const std::error_code ec = framer.finish()) failure = "error: " + ec.message();
  return failure;
}

// Every record of `input`, decoded and rendered canonically (or as "error: ..."), then the
// framing result if it is an error.
inline std::vector<std::string> decode_stream(std::string_view input, std::span<const std::size_t> cuts) {
  std::vector<std::string> out;
  const std::string failure = frame(input, cuts, [&out](std::string_view record) {
    hub_message m;
    const std::error_code ec = decode_hub_message(record, m);
    out.push_back(ec ? "error: " + ec.message() : canonical(m));
  });
  if (!failure.empty()) out.push_back(failure);
  return out;
}

}  // namespace eventwire::signalr::testing
