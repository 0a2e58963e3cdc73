// Consumes one ASP.NET Core SignalR hub and prints each invocation of METHOD as a CloudEvents
// line on stdout until Ctrl-C, which drains what was received.
//   my_hub_consumer URL METHOD

#include <eventwire/sink/pipeline.hpp>
#include <eventwire/sink/stdout_sink.hpp>
#include <eventwire/source/signalr_source.hpp>
#include <eventwire/version.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <csignal>
#include <cstdio>
#include <memory>

namespace asio = boost::asio;
using namespace eventwire;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: my_hub_consumer URL METHOD   (eventwire %.*s)\n",
                 static_cast<int>(eventwire::version().size()), eventwire::version().data());
    return 2;
  }
  asio::io_context io;
  source::signalr_source_options options;
  options.name = "my-hub";
  options.hub.url = argv[1];
  options.methods = {argv[2]};
  source::signalr_source hub(io.get_executor(), options);

  std::vector<std::unique_ptr<sink::sink>> sinks;
  sinks.push_back(std::make_unique<sink::stdout_sink>(io.get_executor()));
  sink::pipeline pipeline(io.get_executor(), std::move(sinks));

  const auto stop = [&]() -> asio::awaitable<void> {
    co_await hub.stop();
    co_await pipeline.drain_and_close();
  };
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](boost::system::error_code ec, int) {
    if (!ec) asio::co_spawn(io, stop(), asio::detached);
  });
  int status = 0;
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    const std::error_code ec = co_await hub.run(pipeline.for_source(hub.name()));
    if (ec) {
      std::fprintf(stderr, "my_hub_consumer: %s\n", ec.message().c_str());
      status = 1;
    }
    signals.cancel();
  }, asio::detached);
  io.run();
  return status;
}
