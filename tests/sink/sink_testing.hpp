#pragma once

#include <eventwire/testing/run_coroutine.hpp>

#include <eventwire/event/event_batch.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <exception>
#include <string>

namespace eventwire::testing {

// A batch of `n` events with ids first, first+1, ...
inline event::event_batch numbered_batch(std::string source, int first, int n) {
  event::event_batch b(std::move(source));
  event::event_fields f;
  f.type_prefix = "test.";
  f.type_name = "numbered";
  f.data_json = "{}";
  for (int i = first; i < first + n; ++i) {
    const std::string id = std::to_string(i);
    f.id = id;
    b.add(f, {});
  }
  return b;
}

}  // namespace eventwire::testing
