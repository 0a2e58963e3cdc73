#pragma once

// The context string of an alarm's `DynamicContent`, which /activealarms sends as serialized XML:
//   <DynamicContent xmlns:i="..."><AttachedEntities .../><Context>Server breach</Context>...
// A tiny bounded text extraction, not an XML parser: the document must begin (after whitespace
// and an optional `<?xml ...?>` declaration) with a `<DynamicContent` element and end (before
// trailing whitespace) with `</DynamicContent>`, or be that element self-closed; the first
// `<Context>` start tag inside is found, and its text up to `</Context>` is decoded: the five named
// entities, character references (`&#233;`, `&#xE9;`), CDATA sections, and line ends normalised
// to `\n` as XML does. Any other markup inside Context is an error. `<Context/>` is an empty
// context; `<Context i:nil="true"/>` (how .NET writes a null string) and no Context element at
// all mean there is none.

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::websdk {

// Appends the context of `xml` to `out` and sets `found`. A context that would take `out` past
// `max_size` bytes is text_limit_exceeded, and `xml` not as described above is
// invalid_dynamic_content; after an error `out` is as it was and `found` is false.
std::error_code append_dynamic_context(std::string_view xml, std::string& out, bool& found,
                                       std::size_t max_size = std::string::npos);

}  // namespace eventwire::websdk
