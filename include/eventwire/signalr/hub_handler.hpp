#pragma once

#include <eventwire/signalr/hub_message.hpp>
#include <eventwire/signalr/invocation_result.hpp>

#include <boost/asio/awaitable.hpp>

#include <functional>
#include <type_traits>
#include <utility>
#include <variant>

namespace eventwire::signalr {

// A handler of server invocations, called with the decoded invocation: every view in it (target,
// arguments, ids) points into the received record and is valid only until the handler returns
// (a coroutine handler: until it completes; reading waits for it). It may return:
//   void                             nothing to answer
//   invocation_result                the answer to an invocation with an id (client results)
//   awaitable<void>                  a coroutine; reading pauses until it completes
//   awaitable<invocation_result>     both
class hub_handler {
 public:
  using sync_void = std::function<void(const invocation&)>;
  using sync_result = std::function<invocation_result(const invocation&)>;
  using async_void = std::function<boost::asio::awaitable<void>(const invocation&)>;
  using async_result = std::function<boost::asio::awaitable<invocation_result>(const invocation&)>;
  using variant = std::variant<sync_void, sync_result, async_void, async_result>;

  template <class F>
    requires std::is_invocable_v<F&, const invocation&>
  hub_handler(F f) : fn_(wrap(std::move(f))) {}  // NOLINT: implicit by design

  const variant& get() const noexcept { return fn_; }
  bool is_sync() const noexcept { return fn_.index() < 2; }

 private:
  template <class F>
  static variant wrap(F f) {
    using R = std::invoke_result_t<F&, const invocation&>;
    if constexpr (std::is_void_v<R>) {
      return variant(std::in_place_type<sync_void>, std::move(f));
    } else if constexpr (std::is_same_v<R, invocation_result>) {
      return variant(std::in_place_type<sync_result>, std::move(f));
    } else if constexpr (std::is_same_v<R, boost::asio::awaitable<void>>) {
      return variant(std::in_place_type<async_void>, std::move(f));
    } else {
      static_assert(std::is_same_v<R, boost::asio::awaitable<invocation_result>>,
                    "a hub handler returns void, invocation_result, awaitable<void> or "
                    "awaitable<invocation_result>");
      return variant(std::in_place_type<async_result>, std::move(f));
    }
  }

  variant fn_;
};

}  // namespace eventwire::signalr
