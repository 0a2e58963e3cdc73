#pragma once

// The hidden payload of RaiseCustomEvent: a multipart/form-data body with one `payload` part, as
// the seed shows it (machine-readable metadata not shown to operators):
//
//   Content-Type: multipart/form-data; boundary=----FormBoundary
//
//   ------FormBoundary
//   Content-Disposition: form-data; name="payload"; filename="payload"
//
//   {"orderId": "12345", "customerId": "67890"}
//   ------FormBoundary--
//
// Lines end with CRLF (RFC 7578). The payload is sent as given (the seed shows JSON).

#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::websdk {

struct form_body {
  std::string content_type;  // multipart/form-data; boundary=<boundary>
  std::string body;
};

// Builds the body. The boundary must be 1-70 characters of RFC 2046's set without a space
// (letters, digits and '()+_,-./:=?) and must not occur in the payload: invalid_text otherwise.
std::error_code custom_event_payload_form(std::string_view payload, form_body& out,
                                          std::string_view boundary = "----FormBoundary");

}  // namespace eventwire::websdk
