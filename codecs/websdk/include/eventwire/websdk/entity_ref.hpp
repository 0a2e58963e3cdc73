#pragma once

// How a call names an entity: its GUID, its logical id (`LogicalID(Door,1)`) or, in an event
// subscription only, its entity type (`Camera`: every entity of that type). Holds views: the
// strings it was made from must outlive the calls that use it. Checked when a call is built.

#include <cstdint>
#include <iosfwd>
#include <string_view>

namespace eventwire::websdk {

class entity_ref {
 public:
  enum class kind : unsigned char { guid, logical_id, entity_type };

  static constexpr entity_ref guid(std::string_view guid) noexcept {
    return entity_ref(kind::guid, guid, 0);
  }
  static constexpr entity_ref logical_id(std::string_view entity_type, std::uint32_t id) noexcept {
    return entity_ref(kind::logical_id, entity_type, id);
  }
  static constexpr entity_ref entity_type(std::string_view entity_type) noexcept {
    return entity_ref(kind::entity_type, entity_type, 0);
  }

  constexpr kind which() const noexcept { return kind_; }
  // The GUID, or the entity type of a logical id or type reference.
  constexpr std::string_view text() const noexcept { return text_; }
  constexpr std::uint32_t id() const noexcept { return id_; }  // a logical id's number

 private:
  constexpr entity_ref(kind k, std::string_view text, std::uint32_t id) noexcept
      : kind_(k), text_(text), id_(id) {}

  kind kind_;
  std::string_view text_;
  std::uint32_t id_;
};

std::ostream& operator<<(std::ostream& os, const entity_ref& e);

}  // namespace eventwire::websdk
