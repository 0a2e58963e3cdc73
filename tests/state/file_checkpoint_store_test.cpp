#include <eventwire/state/error.hpp>
#include <eventwire/state/file_checkpoint_store.hpp>

#include <eventwire/testing/temporary_directory.hpp>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace state = eventwire::state;
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(file_checkpoint_store)

BOOST_AUTO_TEST_CASE(a_missing_key_loads_as_none_without_creating_anything) {
  const eventwire::testing::temporary_directory dir;
  state::file_checkpoint_store store({.directory = dir.path() / "nested" / "state"});
  std::optional<std::string> value = "stale";
  BOOST_TEST(!store.load("webroot/position", value));
  BOOST_TEST(!value.has_value());
  BOOST_TEST(!fs::exists(dir.path() / "nested"));
}

BOOST_AUTO_TEST_CASE(stores_one_file_per_key_and_loads_it_back) {
  const eventwire::testing::temporary_directory dir;
  state::file_checkpoint_store store({.directory = dir.path() / "state"});
  BOOST_TEST(!store.store("webroot/position", "qZZBBqiWQQZ7uJSD9dHaCCkJ"));
  BOOST_TEST(!store.store("other/position", "two"));
  BOOST_TEST(store.path_of("webroot/position") == dir.path() / "state" / "webroot%2Fposition");
  BOOST_TEST(read_all(dir.path() / "state" / "webroot%2Fposition") == "qZZBBqiWQQZ7uJSD9dHaCCkJ");
  std::optional<std::string> value;
  BOOST_TEST(!store.load("webroot/position", value));
  BOOST_TEST(value.value() == "qZZBBqiWQQZ7uJSD9dHaCCkJ");
  BOOST_TEST(!store.load("other/position", value));
  BOOST_TEST(value.value() == "two");
  BOOST_TEST(store.stores() == 2u);
  // No temporary file stays behind.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path() / "state")) ++files;
  BOOST_TEST(files == 2u);
}

BOOST_AUTO_TEST_CASE(a_store_replaces_the_value_and_an_empty_value_is_a_value) {
  const eventwire::testing::temporary_directory dir;
  state::file_checkpoint_store store({.directory = dir.path()});
  BOOST_TEST(!store.store("k", "a much longer first value"));
  BOOST_TEST(!store.store("k", "short"));
  std::optional<std::string> value;
  BOOST_TEST(!store.load("k", value));
  BOOST_TEST(value.value() == "short");
  BOOST_TEST(!store.store("k", ""));
  BOOST_TEST(!store.load("k", value));
  BOOST_TEST(value.has_value());
  BOOST_TEST(value->empty());
}

BOOST_AUTO_TEST_CASE(a_stale_temporary_file_from_a_crash_is_ignored_and_replaced) {
  const eventwire::testing::temporary_directory dir;
  state::file_checkpoint_store store({.directory = dir.path()});
  BOOST_TEST(!store.store("webroot/position", "old"));
  // A crash between writing the temporary file and the rename leaves it behind.
  std::ofstream(dir.path() / "webroot%2Fposition.tmp") << "half-writ";
  std::optional<std::string> value;
  BOOST_TEST(!store.load("webroot/position", value));
  BOOST_TEST(value.value() == "old");
  BOOST_TEST(!store.store("webroot/position", "new"));
  BOOST_TEST(!store.load("webroot/position", value));
  BOOST_TEST(value.value() == "new");
  BOOST_TEST(!fs::exists(dir.path() / "webroot%2Fposition.tmp"));
}

BOOST_AUTO_TEST_CASE(file_names_encode_every_byte_outside_the_safe_set) {
  BOOST_TEST(state::checkpoint_file_name("webroot/position") == "webroot%2Fposition");
  BOOST_TEST(state::checkpoint_file_name("a b%c") == "a%20b%25c");
  BOOST_TEST(state::checkpoint_file_name("..") == "%2E.");
  BOOST_TEST(state::checkpoint_file_name("Src-1_x.y") == "Src-1_x.y");
  BOOST_TEST(state::checkpoint_file_name("\xc3\xa9") == "%C3%A9");
}

BOOST_AUTO_TEST_CASE(refuses_bad_keys_and_values_over_the_limit) {
  const eventwire::testing::temporary_directory dir;
  state::file_checkpoint_store store({.directory = dir.path(), .max_value_size = 8, .max_key_size = 10});
  std::optional<std::string> value;
  BOOST_TEST(store.load("", value) == state::error::invalid_key);
  BOOST_TEST(store.store("", "x") == state::error::invalid_key);
  BOOST_TEST(store.store("eleven-byte", "x") == state::error::invalid_key);
  BOOST_TEST(store.store("a\nb", "x") == state::error::invalid_key);
  BOOST_TEST(store.last_error_detail().find("no control characters") != std::string::npos);
  BOOST_TEST(store.store("k", "123456789") == state::error::value_too_large);
  BOOST_TEST(store.last_error_detail() == "checkpoint value of 9 bytes refused: the limit is 8");
  BOOST_TEST(!store.store("k", "12345678"));
  BOOST_TEST(store.last_error_detail().empty());
  // A file grown past the limit behind the store's back is refused when loaded.
  std::ofstream(store.path_of("big")) << "0123456789";
  BOOST_TEST(store.load("big", value) == state::error::value_too_large);
  BOOST_TEST(!value.has_value());
}

BOOST_AUTO_TEST_CASE(reports_an_unwritable_directory_with_its_path) {
  if (::geteuid() == 0) return;  // root writes anywhere
  const eventwire::testing::temporary_directory dir;
  fs::create_directories(dir.path() / "ro");
  fs::permissions(dir.path() / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  state::file_checkpoint_store store({.directory = dir.path() / "ro"});
  const auto ec = store.store("k", "v");
  BOOST_TEST(ec == state::error::write_failed);
  BOOST_TEST(store.last_error_detail().find((dir.path() / "ro" / "k.tmp").string()) != std::string::npos);
  BOOST_TEST(store.last_error_detail().find("Permission denied") != std::string::npos);
  state::file_checkpoint_store nested({.directory = dir.path() / "ro" / "sub"});
  BOOST_TEST(nested.store("k", "v") == state::error::directory_failed);
}

BOOST_AUTO_TEST_CASE(error_messages) {
  using state::error;
  BOOST_TEST(make_error_code(error::invalid_key).message() ==
             "the checkpoint key is empty, too long or holds a control character");
  BOOST_TEST(make_error_code(error::value_too_large).message() ==
             "the checkpoint value is larger than the store's limit");
  BOOST_TEST(make_error_code(error::read_failed).message() == "the checkpoint file could not be read");
  BOOST_TEST(make_error_code(error::write_failed).message() ==
             "the checkpoint could not be written and synced to a temporary file");
  BOOST_TEST(make_error_code(error::rename_failed).message() ==
             "the temporary checkpoint file could not be renamed over the checkpoint");
  BOOST_TEST(make_error_code(error::directory_failed).message() ==
             "the checkpoint directory could not be created, opened or synced");
  BOOST_TEST(std::string(state::error_category().name()) == "eventwire.state");
}

BOOST_AUTO_TEST_SUITE_END()
