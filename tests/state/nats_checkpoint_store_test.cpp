// Checkpoints and leases in a real nats-server's key-value buckets: two stores stand for two
// instances of eventwire configured with the same source.

#include <eventwire/state/error.hpp>
#include <eventwire/state/nats_checkpoint_store.hpp>
#include <eventwire/testing/nats_server.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

namespace state = eventwire::state;
namespace testing = eventwire::testing;
using namespace std::chrono_literals;

namespace {

state::nats_checkpoint_options options_for(const testing::nats_server& server, std::string instance) {
  state::nats_checkpoint_options o;
  o.url = server.url();
  o.instance = std::move(instance);
  o.lease_ttl = 1s;
  return o;
}

// The stored value, or "<absent>".
std::string loaded(state::checkpoint_store& store, std::string_view key) {
  std::optional<std::string> value;
  const std::error_code ec = store.load(key, value);
  BOOST_TEST(!ec, ec.message() + ": " + store.last_error_detail());
  return value.value_or("<absent>");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(nats_checkpoint_store)

BOOST_AUTO_TEST_CASE(a_value_is_stored_and_read_back_by_another_instance) {
  testing::nats_server server;
  state::nats_checkpoint_store a(options_for(server, "a"));
  BOOST_TEST(loaded(a, "unity/position") == "<absent>");
  BOOST_TEST(!a.store("unity/position", "p1"));
  BOOST_TEST(!a.store("unity/position", "p2"));
  state::nats_checkpoint_store b(options_for(server, "b"));
  BOOST_TEST(loaded(b, "unity/position") == "p2");
  BOOST_TEST(loaded(b, "other") == "<absent>");
}

BOOST_AUTO_TEST_CASE(two_instances_that_read_the_same_revision_cannot_both_advance_it) {
  testing::nats_server server;
  state::nats_checkpoint_store a(options_for(server, "a"));
  state::nats_checkpoint_store b(options_for(server, "b"));
  BOOST_TEST(!a.store("k", "1"));
  BOOST_TEST(loaded(a, "k") == "1");
  BOOST_TEST(loaded(b, "k") == "1");
  BOOST_TEST(!a.store("k", "2"));
  const std::error_code refused = b.store("k", "back");
  BOOST_TEST(refused == std::error_code(state::error::conflict), refused.message());
  BOOST_TEST(b.last_error_detail().find("revision") != std::string::npos, b.last_error_detail());
  BOOST_TEST(loaded(a, "k") == "2");
  // Read again, b may write.
  BOOST_TEST(loaded(b, "k") == "2");
  BOOST_TEST(!b.store("k", "3"));
  BOOST_TEST(a.store("k", "4") == std::error_code(state::error::conflict));
}

BOOST_AUTO_TEST_CASE(two_instances_creating_one_key_cannot_both_succeed) {
  testing::nats_server server;
  state::nats_checkpoint_store a(options_for(server, "a"));
  state::nats_checkpoint_store b(options_for(server, "b"));
  BOOST_TEST(loaded(a, "id") == "<absent>");
  BOOST_TEST(loaded(b, "id") == "<absent>");
  BOOST_TEST(!a.store("id", "from a"));
  BOOST_TEST(b.store("id", "from b") == std::error_code(state::error::conflict));
  BOOST_TEST(loaded(b, "id") == "from a");
}

BOOST_AUTO_TEST_CASE(keys_with_any_byte_are_stored_apart) {
  testing::nats_server server;
  state::nats_checkpoint_store a(options_for(server, "a"));
  BOOST_TEST(state::nats_key("hq door/position") == "hq=20door/position");
  BOOST_TEST(state::nats_key("a.b=c") == "a=2Eb=3Dc");
  BOOST_TEST(!a.store("a.b", "dot"));
  BOOST_TEST(!a.store("a=2Eb", "escaped"));
  BOOST_TEST(loaded(a, "a.b") == "dot");
  BOOST_TEST(loaded(a, "a=2Eb") == "escaped");
  BOOST_TEST(a.store("", "x") == std::error_code(state::error::invalid_key));
  BOOST_TEST(a.store("bad\nkey", "x") == std::error_code(state::error::invalid_key));
  BOOST_TEST(a.store("big", std::string(64 * 1024 + 1, 'v')) == std::error_code(state::error::value_too_large));
}

BOOST_AUTO_TEST_CASE(a_lease_is_held_by_one_instance_until_released) {
  testing::nats_server server;
  state::nats_checkpoint_store a(options_for(server, "host-a"));
  state::nats_checkpoint_store b(options_for(server, "host-b"));
  bool acquired = false;
  std::string holder;
  BOOST_TEST(!a.try_acquire("unity", acquired, holder));
  BOOST_TEST(acquired);
  BOOST_TEST(!b.try_acquire("unity", acquired, holder));
  BOOST_TEST(!acquired);
  BOOST_TEST(holder == "host-a");
  BOOST_TEST(!a.renew("unity"));
  BOOST_TEST(!b.try_acquire("unity", acquired, holder));
  BOOST_TEST(!acquired);
  BOOST_TEST(!a.release("unity"));
  BOOST_TEST(!b.try_acquire("unity", acquired, holder));
  BOOST_TEST(acquired);
  const std::error_code lost = a.renew("unity");
  BOOST_TEST(lost == std::error_code(state::error::lease_lost), lost.message());
  // Another name is another lease.
  BOOST_TEST(!a.try_acquire("portos", acquired, holder));
  BOOST_TEST(acquired);
}

BOOST_AUTO_TEST_CASE(a_lease_not_renewed_expires_and_its_holder_learns_it_lost_it) {
  testing::nats_server server;
  state::nats_checkpoint_store a(options_for(server, "host-a"));
  state::nats_checkpoint_store b(options_for(server, "host-b"));
  bool acquired = false;
  std::string holder;
  BOOST_TEST(!a.try_acquire("unity", acquired, holder));
  BOOST_TEST_REQUIRE(acquired);
  BOOST_TEST(a.ttl() == 1000ms);
  // a stops renewing (a process stopped with kill -9): the server forgets the lease after its
  // TTL, bounded here by ten TTLs.
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  do {
    BOOST_TEST_REQUIRE(!b.try_acquire("unity", acquired, holder));
    if (!acquired) std::this_thread::sleep_for(100ms);
  } while (!acquired && std::chrono::steady_clock::now() < deadline);
  BOOST_TEST(acquired);
  BOOST_TEST(a.renew("unity") == std::error_code(state::error::lease_lost));
}

BOOST_AUTO_TEST_CASE(an_unreachable_server_is_unavailable_with_its_address) {
  state::nats_checkpoint_options o;
  o.url = "nats://127.0.0.1:" + std::to_string(testing::free_port());
  o.timeout = 500ms;
  state::nats_checkpoint_store a(o);
  std::optional<std::string> value;
  BOOST_TEST(a.load("k", value) == std::error_code(state::error::unavailable));
  BOOST_TEST(a.last_error_detail().find(o.url) != std::string::npos, a.last_error_detail());
  BOOST_TEST(a.store("k", "v") == std::error_code(state::error::unavailable));
  bool acquired = true;
  std::string holder;
  BOOST_TEST(a.try_acquire("k", acquired, holder) == std::error_code(state::error::unavailable));
  BOOST_TEST(!acquired);
}

BOOST_AUTO_TEST_CASE(a_restarted_server_is_used_again) {
  testing::nats_server server;
  state::nats_checkpoint_store a(options_for(server, "a"));
  BOOST_TEST(!a.store("k", "1"));
  server.stop();
  BOOST_TEST(a.store("k", "2") == std::error_code(state::error::unavailable));
  server.start();
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  std::error_code ec;
  while ((ec = a.store("k", "2")) == std::error_code(state::error::unavailable) &&
         std::chrono::steady_clock::now() < deadline) {
  }
  BOOST_TEST(!ec, ec.message() + ": " + a.last_error_detail());
  BOOST_TEST(loaded(a, "k") == "2");
}

BOOST_AUTO_TEST_SUITE_END()
