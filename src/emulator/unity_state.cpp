#include "unity_state.hpp"

#include "signalr_request.hpp"

#include <algorithm>
#include <random>

namespace eventwire::emulator::detail {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url(std::string_view bytes) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : bytes) {
    acc = (acc << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += alphabet[(acc >> bits) & 63];
    }
  }
  if (bits > 0) out += alphabet[(acc << (6 - bits)) & 63];
  return out;
}

std::optional<std::string> unbase64url(std::string_view text) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : text) {
    const char* at = std::find(alphabet, alphabet + 64, c);
    if (at == alphabet + 64) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(at - alphabet);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return out;
}

// FNV-1a over the key, the sequence number and the subscription.
std::uint64_t tag(std::uint64_t key, std::uint64_t sequence, std::string_view subscription) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto add = [&](unsigned char b) {
    h ^= b;
    h *= 0x100000001b3ULL;
  };
  for (int i = 0; i < 8; ++i) add(static_cast<unsigned char>(key >> (8 * i)));
  for (int i = 0; i < 8; ++i) add(static_cast<unsigned char>(sequence >> (8 * i)));
  for (const char c : subscription) add(static_cast<unsigned char>(c));
  return h;
}

void put64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::uint64_t get64(std::string_view in) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[static_cast<std::size_t>(i)]);
  return v;
}

}  // namespace

unity_state::unity_state(boost::asio::any_io_executor ex, unity_emulator_options o)
    : options(std::move(o)),
      subscriptions(options.subscriptions.begin(), options.subscriptions.end()),
      changed(ex, std::chrono::steady_clock::time_point::max()),
      generator(ex) {
  std::random_device rd;
  position_key = (std::uint64_t{rd()} << 32) | rd();
  if (options.page_size == 0) options.page_size = 1;
}

std::chrono::system_clock::time_point unity_state::now() const { return std::chrono::system_clock::now() + offset; }

void unity_state::say(std::string_view line) const {
  if (options.log) options.log(line);
}

void unity_state::expire() {
  const auto horizon = now() - options.retention;
  while (!log.empty() && (log.front().available_at < horizon || log.size() > options.max_notifications)) {
    log.pop_front();
    ++stats.discarded;
  }
}

void unity_state::generate(std::size_t n) {
  const auto at = now();
  for (std::size_t i = 0; i < n; ++i) {
    unity_stored s{next_sequence++, at, {}};
    render_notification(s.json, s.sequence, at);
    log.push_back(std::move(s));
    ++stats.generated;
  }
  expire();
}

void unity_state::record_fetch(unity_fetch_record r) {
  const std::size_t limit = std::max<std::size_t>(options.max_fetch_records, 2);
  if (fetches.size() >= limit) fetches.erase(fetches.begin(), fetches.begin() + static_cast<std::ptrdiff_t>(limit / 2));
  fetches.push_back(std::move(r));
  ++fetch_answers;
  changed.cancel();
}

std::string unity_state::issue_token(std::chrono::seconds lifetime) {
  if (access_tokens.size() > 10000) {
    const auto t = now();
    std::erase_if(access_tokens, [&](const auto& entry) { return entry.second <= t; });
  }
  std::string token = "ut-" + make_connection_id() + make_connection_id();
  access_tokens[token] = now() + lifetime;
  return token;
}

std::string unity_state::issue_refresh_token() {
  if (refresh_tokens.size() > 10000) refresh_tokens.clear();
  std::string token = "rt-" + make_connection_id();
  refresh_tokens.insert(token);
  return token;
}

bool unity_state::token_valid(std::string_view token) const {
  const auto it = access_tokens.find(std::string(token));
  return it != access_tokens.end() && it->second > now();
}

std::string unity_state::encode_position(std::string_view subscription, std::uint64_t sequence) const {
  std::string bytes;
  put64(bytes, tag(position_key, sequence, subscription));
  put64(bytes, sequence);
  bytes += subscription;
  return base64url(bytes);
}

std::optional<unity_position> unity_state::decode_position(std::string_view text) const {
  const auto bytes = unbase64url(text);
  if (!bytes || bytes->size() < 16) return std::nullopt;
  unity_position p{get64(std::string_view(*bytes).substr(8)), bytes->substr(16)};
  if (get64(*bytes) != tag(position_key, p.sequence, p.subscription_id)) return std::nullopt;
  return p;
}

}  // namespace eventwire::emulator::detail
