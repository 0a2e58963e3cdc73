#pragma once

#include <string>

namespace eventwire::net {

// How a client decides to trust a server. By default the server's chain is verified against
// the system store and its certificate must name the host.
struct tls_options {
  std::string ca_file;     // PEM file of extra trusted CAs (added to the system store)
  std::string pin_sha256;  // hex SHA-256 of the server certificate's DER (colons allowed, any
                           // case): exactly that certificate is accepted, even self-signed,
                           // and every other one is refused
  bool insecure_skip_verify = false;  // accept any certificate: for tests and labs only
};

}  // namespace eventwire::net
