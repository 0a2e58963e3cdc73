#pragma once

#include <string>
#include <string_view>

namespace eventwire::websdk {

// Percent-encoding for request targets (RFC 3986), UTF-8 bytes as `%XX` with upper-case digits.
//
// In a query value every byte is encoded except the unreserved characters and
// `! $ ' ( ) * , ; : @ / ? =`, which the call language uses and a query may hold as they are:
// `event(Camera,CameraMotion)` stays readable, while a space becomes %20, braces %7B and %7D, and
// `&`, `+`, `#`, `%` are encoded so the server reads them back as sent.
void append_query_encoded(std::string& out, std::string_view text);

// In a path segment every byte is encoded except the unreserved characters and
// `! $ & ' ( ) * + , ; = : @` (`LogicalID(Camera,1)` stays readable; `/` becomes %2F).
void append_segment_encoded(std::string& out, std::string_view text);

}  // namespace eventwire::websdk
