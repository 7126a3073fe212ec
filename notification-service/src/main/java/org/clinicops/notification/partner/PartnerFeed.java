package org.clinicops.notification.partner;

import org.clinicops.support.security.PartnerClinic;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** Catch-up: a subscription's recorded events by number, whatever became of their deliveries. */
@Service
public class PartnerFeed {

    /** A page of events after a number, and where the subscription's numbers stand. */
    public record Page(UUID subscriptionId, List<PartnerEvents.Numbered> events, long lastSequence,
                       long firstRetainedSequence, boolean hasMore) {
    }

    private final Subscriptions subscriptions;
    private final PartnerEvents events;

    PartnerFeed(Subscriptions subscriptions, PartnerEvents events) {
        this.subscriptions = subscriptions;
        this.events = events;
    }

    /** @throws org.clinicops.support.web.NotFoundException for an unknown id and another clinic's alike */
    @Transactional(readOnly = true)
    public Page after(PartnerClinic clinic, UUID subscriptionId, long after, int limit) {
        Subscription subscription = subscriptions.find(clinic.id(), subscriptionId)
                .orElseThrow(() -> SubscriptionRegistry.notFound(subscriptionId));
        List<PartnerEvents.Numbered> page = events.after(subscriptionId, after, limit + 1);
        boolean hasMore = page.size() > limit;
        long firstRetained = events.firstRetained(subscriptionId).orElse(subscription.lastSequence() + 1);
        return new Page(subscriptionId, hasMore ? page.subList(0, limit) : page, subscription.lastSequence(),
                firstRetained, hasMore);
    }
}
