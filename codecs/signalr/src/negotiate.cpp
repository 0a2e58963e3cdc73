#include <eventwire/json/reader.hpp>
#include <eventwire/signalr/error.hpp>
#include <eventwire/signalr/negotiate.hpp>

#include <charconv>
#include <ostream>
#include <string>

namespace eventwire::signalr {
namespace {

using json::value_kind;

// The properties of a negotiate response, gathered before deciding which kind it is.
struct properties {
  std::optional<json::raw_string> error;
  bool classic = false;  // "ProtocolVersion": classic ASP.NET SignalR
  std::optional<json::raw_string> url;
  std::optional<json::raw_string> access_token;
  std::optional<json::raw_string> connection_id;
  std::optional<json::raw_string> connection_token;
  std::int64_t negotiate_version = 0;
  bool use_stateful_reconnect = false;
  std::vector<transport_offer> transports;
  bool wrong_type = false;
  bool transports_malformed = false;
};

class body_reader {
 public:
  explicit body_reader(std::string_view body) : body_(body), reader_(body) {}

  std::error_code read(properties& p) {
    if (reader_.begin_object()) {
      for (json::raw_string key; reader_.next_member(key);) read_member(key, p);
    }
    if (!reader_.finish()) return reader_.error_code();
    return {};
  }

 private:
  void read_member(const json::raw_string& key, properties& p) {
    const std::string_view name = key.has_escapes ? key.decode(scratch_) : key.escaped;
    if (name == "error") return read_string(p.error, p);
    if (name == "ProtocolVersion") {
      p.classic = true;
      reader_.skip();
      return;
    }
    if (name == "url") return read_string(p.url, p);
    if (name == "accessToken") return read_string(p.access_token, p);
    if (name == "connectionId") return read_string(p.connection_id, p);
    if (name == "connectionToken") return read_string(p.connection_token, p);
    if (name == "negotiateVersion") return read_version(p);
    if (name == "useStatefulReconnect") return read_bool(p.use_stateful_reconnect, p);
    if (name == "availableTransports") return read_transports(p);
    reader_.skip();
  }

  // Null counts as absent; any other kind but the expected one marks the response malformed.
  bool expect(value_kind wanted, properties& p) {
    const value_kind kind = reader_.peek();
    if (kind == wanted) return true;
    if (kind == value_kind::null) {
      reader_.read_null();
    } else if (kind != value_kind::none) {
      p.wrong_type = true;
      reader_.skip();
    }
    return false;
  }

  void read_string(std::optional<json::raw_string>& out, properties& p) {
    out.reset();
    if (!expect(value_kind::string, p)) return;
    json::raw_string s;
    if (reader_.read_string(s)) out = s;
  }

  void read_bool(bool& out, properties& p) {
    if (expect(value_kind::boolean, p)) reader_.read_bool(out);
  }

  void read_version(properties& p) {
    if (!expect(value_kind::number, p)) return;
    std::string_view text;
    if (!reader_.read_number(text)) return;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), p.negotiate_version);
    if (ec != std::errc{} || end != text.data() + text.size()) p.wrong_type = true;
  }

  void read_transports(properties& p) {
    p.transports.clear();
    if (!expect(value_kind::array, p)) return;
    reader_.begin_array();
    while (reader_.next_element()) {
      if (reader_.peek() != value_kind::object) {
        p.transports_malformed = true;
        if (!reader_.skip()) return;
        continue;
      }
      if (!read_transport(p)) return;
    }
  }

  bool read_transport(properties& p) {
    transport_offer offer;
    bool has_transport = false;
    reader_.begin_object();
    for (json::raw_string key; reader_.next_member(key);) {
      const std::string_view name = key.has_escapes ? key.decode(scratch_) : key.escaped;
      const value_kind kind = reader_.peek();
      if (name == "transport" && kind == value_kind::string) {
        has_transport = reader_.read_string(offer.transport);
      } else if (name == "transferFormats" && kind == value_kind::array) {
        if (!read_formats(offer, p)) return false;
      } else {
        if (name == "transport" || name == "transferFormats") p.transports_malformed = true;
        if (!reader_.skip()) return false;
      }
    }
    if (!reader_.ok()) return false;
    if (!has_transport) p.transports_malformed = true;
    p.transports.push_back(offer);
    return true;
  }

  // Returns false only when the JSON itself is invalid.
  bool read_formats(transport_offer& offer, properties& p) {
    const std::size_t start = reader_.offset();
    bool all_strings = true;
    reader_.begin_array();
    while (reader_.next_element()) {
      if (reader_.peek() == value_kind::string) {
        json::raw_string format;
        if (!reader_.read_string(format)) return false;
      } else {
        all_strings = false;
        if (!reader_.skip()) return false;
      }
    }
    if (!reader_.ok()) return false;
    if (all_strings) offer.transfer_formats = string_list(body_.substr(start, reader_.offset() - start));
    else p.transports_malformed = true;
    return true;
  }

  std::string_view body_;
  json::reader reader_;
  std::string scratch_;
};

void print(std::ostream& os, const json::raw_string& s) { os << '"' << s.escaped << '"'; }

}  // namespace

std::error_code decode_negotiate_response(std::string_view body, negotiate_response& out) {
  properties p;
  if (const std::error_code ec = body_reader(body).read(p)) return ec;
  if (p.error) {
    out = negotiate_failure{*p.error};
    return error::negotiate_rejected;
  }
  if (p.classic) return error::negotiate_classic_signalr;
  if (p.wrong_type) return error::negotiate_property_wrong_type;
  if (p.url) {
    out = negotiate_redirect{*p.url, p.access_token};
    return {};
  }
  if (p.transports_malformed) return error::negotiate_transports_malformed;
  if (!p.connection_id) return error::negotiate_without_connection_id;
  connection_offer offer;
  offer.negotiate_version = p.negotiate_version;
  offer.connection_id = *p.connection_id;
  if (p.negotiate_version >= 1) {
    if (!p.connection_token) return error::negotiate_without_connection_token;
    offer.connection_token = *p.connection_token;
  } else {
    offer.connection_token = *p.connection_id;
  }
  offer.transports = std::move(p.transports);
  offer.use_stateful_reconnect = p.use_stateful_reconnect;
  out = std::move(offer);
  return {};
}

bool offers_websockets_text(const connection_offer& offer) {
  for (const transport_offer& t : offer.transports) {
    if (!t.transport.equals("WebSockets")) continue;
    for (const json::raw_string& format : t.transfer_formats)
      if (format.equals("Text")) return true;
  }
  return false;
}

std::ostream& operator<<(std::ostream& os, const connection_offer& offer) {
  os << "connection_offer{negotiateVersion=" << offer.negotiate_version << ", connectionId=";
  print(os, offer.connection_id);
  os << ", connectionToken=";
  print(os, offer.connection_token);
  os << ", transports=[";
  for (std::size_t i = 0; i < offer.transports.size(); ++i) {
    if (i != 0) os << ", ";
    print(os, offer.transports[i].transport);
    os << ':' << (offer.transports[i].transfer_formats.present() ? offer.transports[i].transfer_formats.text() : "[]");
  }
  os << ']';
  if (offer.use_stateful_reconnect) os << ", useStatefulReconnect=true";
  return os << '}';
}

std::ostream& operator<<(std::ostream& os, const negotiate_redirect& redirect) {
  os << "negotiate_redirect{url=";
  print(os, redirect.url);
  if (redirect.access_token) {
    os << ", accessToken=";
    print(os, *redirect.access_token);
  }
  return os << '}';
}

std::ostream& operator<<(std::ostream& os, const negotiate_failure& failure) {
  os << "negotiate_failure{error=";
  print(os, failure.message);
  return os << '}';
}

std::ostream& operator<<(std::ostream& os, const negotiate_response& response) {
  std::visit([&os](const auto& r) { os << r; }, response);
  return os;
}

}  // namespace eventwire::signalr
