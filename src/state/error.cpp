#include <eventwire/codec/error_table.hpp>
#include <eventwire/state/error.hpp>

#include <ostream>

namespace eventwire::state {
namespace {

using codec::meaning;

// Entry i-1 describes error i.
constexpr codec::meaning_entry table[] = {
    {"the checkpoint key is empty, too long or holds a control character", meaning::invalid_argument},
    {"the checkpoint value is larger than the store's limit", meaning::limit_exceeded},
    {"the checkpoint file could not be read", meaning::own},
    {"the checkpoint could not be written and synced to a temporary file", meaning::own},
    {"the temporary checkpoint file could not be renamed over the checkpoint", meaning::own},
    {"the checkpoint directory could not be created, opened or synced", meaning::own},
    {"another instance changed the checkpoint since this one read it", meaning::own},
    {"the checkpoint store could not be reached or did not answer in time", meaning::own},
    {"another instance holds this source's lease now", meaning::own},
};

}  // namespace

const std::error_category& error_category() noexcept {
  static const codec::meaning_table_category category("eventwire.state", table);
  return category;
}

std::ostream& operator<<(std::ostream& os, error e) { return os << make_error_code(e).message(); }

}  // namespace eventwire::state
