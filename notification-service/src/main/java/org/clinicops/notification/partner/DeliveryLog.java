package org.clinicops.notification.partner;

import org.clinicops.support.security.PartnerClinic;
import org.clinicops.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** A subscription's delivery log, newest first, shown only to the clinic that holds the subscription. */
@Service
public class DeliveryLog {

    /** A page of deliveries, and the {@code before} of the next page (null on the last). */
    public record Page(List<Delivery> deliveries, Long nextBefore) {
    }

    /** A delivery with its attempts, oldest first. */
    public record Detail(Delivery delivery, List<Delivery.Attempt> attempts) {
    }

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;

    DeliveryLog(Subscriptions subscriptions, Deliveries deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    /**
     * @param status null for every status
     * @throws NotFoundException for an unknown subscription and another clinic's alike
     */
    @Transactional(readOnly = true)
    public Page page(PartnerClinic clinic, UUID subscriptionId, Delivery.Status status, long before, int limit) {
        subscriptions.find(clinic.id(), subscriptionId).orElseThrow(() -> SubscriptionRegistry.notFound(subscriptionId));
        List<Delivery> page = deliveries.page(subscriptionId, status, before, limit + 1);
        if (page.size() <= limit) {
            return new Page(page, null);
        }
        List<Delivery> shown = page.subList(0, limit);
        return new Page(shown, shown.getLast().sequence());
    }

    /** @throws NotFoundException for an unknown subscription or delivery and another clinic's alike */
    @Transactional(readOnly = true)
    public Detail get(PartnerClinic clinic, UUID subscriptionId, UUID deliveryId) {
        subscriptions.find(clinic.id(), subscriptionId).orElseThrow(() -> SubscriptionRegistry.notFound(subscriptionId));
        Delivery delivery = deliveries.find(subscriptionId, deliveryId)
                .orElseThrow(() -> new NotFoundException("No delivery " + deliveryId));
        return new Detail(delivery, deliveries.attempts(deliveryId));
    }
}
