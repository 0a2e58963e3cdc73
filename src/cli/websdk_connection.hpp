#pragma once

#include <eventwire/config/problems.hpp>
#include <eventwire/websdk/client.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace eventwire::cli {

// How the `websdk` commands reach a Web SDK: the URL, credentials (the password read now, from
// env, file or command as the source reads it) and HTTP options of the `genetec-websdk` source
// named `source_name` in the config file at `path`. Only that source's entry is read, with the
// reader the source itself uses, so it has the problems `check` reports for it. Problems (all
// recorded in `found`): the file's, no source of that name, a source of another type, and the
// entry's own.
std::optional<websdk::client_options> read_websdk_connection(const std::string& path, std::string_view source_name,
                                                             config::problems& found);

}  // namespace eventwire::cli
