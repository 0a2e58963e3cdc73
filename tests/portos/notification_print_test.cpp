#include "samples.hpp"

#include <eventwire/portos/notification.hpp>

#include <boost/test/unit_test.hpp>

namespace samples = portos_samples;

BOOST_AUTO_TEST_SUITE(portos_notification_print)

BOOST_AUTO_TEST_CASE(a_resources_changed_notification_reads_like_its_fields) {
  BOOST_TEST(samples::decode_printed(samples::resources_changed) ==
             R"(notification{event="portos.resources.changed", )"
             R"(sender={connection_id="Yb3kQ9x2T1mZ-8wH4nLp0A", user={user_name="jana.novakova", )"
             R"(device="POS-02 Bratislava", feature="Inventory"}}, )"
             R"(reference="c0a8f7e2-5d1b-4c3e-9f00-3b7d2a1e6c44", )"
             R"(created_at="2024-05-14T09:21:37.5123456+02:00" (2024-05-14T07:21:37.5123456Z), )"
             R"(expires_at="2024-05-14T10:21:37Z" (2024-05-14T10:21:37Z), )"
             R"(payload=resources_changed{user={user_id="8f14e45f-ceea-467f", )"
             R"(display_name="Jana Nov\u00e1kov\u00e1", feature="Sync"}, resource_name="door", )"
             R"(action=updated, resource={id="1042", name="Front entrance", version=7}, )"
             R"(affected=[{id="1042", name="Front entrance", version=7}, )"
             R"({id="311", name="Lobby zone", version=null}]}})");
}

BOOST_AUTO_TEST_CASE(another_event_prints_its_payload_text) {
  BOOST_TEST(
      samples::decode_printed(samples::licence_activated) ==
      R"(notification{event="portos.licence.activated", )"
      R"(sender={connection_id="server-1", user={user_name="System", device="System", )"
      R"(feature="Licensing"}}, reference=null, )"
      R"(created_at="2024-05-14T07:00:00Z" (2024-05-14T07:00:00Z), expires_at=null, )"
      R"(payload={"licenceId":"PRT-2024-0042","validTo":"2025-05-14","modules":["pos","stock"]}})");
}

BOOST_AUTO_TEST_SUITE_END()
