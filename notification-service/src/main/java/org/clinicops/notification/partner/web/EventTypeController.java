package org.clinicops.notification.partner.web;

import org.clinicops.notification.partner.PartnerEventType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/** {@code GET /api/partner/event-types}: the catalogue a subscription's {@code eventTypes} are taken from. */
@RestController
class EventTypeController {

    record EventTypes(List<EventType> eventTypes) {
    }

    record EventType(String type, String description) {
    }

    @GetMapping("/api/partner/event-types")
    EventTypes eventTypes() {
        return new EventTypes(Arrays.stream(PartnerEventType.values())
                .map(t -> new EventType(t.type(), t.description())).toList());
    }
}
