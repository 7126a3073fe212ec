package org.clinicops.notification.partner;

import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.security.PartnerClinic;
import org.clinicops.support.web.ConflictException;
import org.clinicops.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.StringNode;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A subscription's delivery log, newest first, shown only to the clinic that holds the subscription, and redelivery
 * by hand of any delivery in it.
 */
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
    private final PartnerIdempotencyKeys idempotencyKeys;
    private final Clock clock;

    DeliveryLog(Subscriptions subscriptions, Deliveries deliveries, PartnerIdempotencyKeys idempotencyKeys,
                Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
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

    /**
     * Queues one manual attempt of the delivery, due at once, with the same id and body (GitHub-style: in any status);
     * asking again while one is queued queues no second. Answers the delivery as it stands.
     *
     * @throws NotFoundException  for an unknown subscription or delivery (also one past retention) and another
     *                            clinic's alike
     * @throws ConflictException  {@code SUBSCRIPTION_DISABLED}, or {@code WAITING_FOR_EARLIER_DELIVERY} while an
     *                            earlier delivery of the same patient is unsettled: redelivery never breaks the order
     */
    @Transactional
    public Delivery redeliver(PartnerClinic clinic, UUID subscriptionId, UUID deliveryId, String idempotencyKey) {
        IdempotencyKeys.checkForm(idempotencyKey);
        Subscription subscription = subscriptions.findForUpdate(clinic.id(), subscriptionId)
                .orElseThrow(() -> SubscriptionRegistry.notFound(subscriptionId));
        Delivery delivery = deliveries.find(subscriptionId, deliveryId)
                .orElseThrow(() -> new NotFoundException("No delivery " + deliveryId));
        Optional<UUID> earlier = idempotencyKeys.claim("redeliver-partner-delivery", clinic, idempotencyKey,
                () -> Map.of("subscriptionId", StringNode.valueOf(subscriptionId.toString()),
                        "deliveryId", StringNode.valueOf(deliveryId.toString())), deliveryId, clock.instant());
        if (earlier.isPresent()) {
            return delivery;
        }
        if (subscription.status() == Subscription.Status.DISABLED) {
            throw new ConflictException("SUBSCRIPTION_DISABLED", "The subscription is disabled: enable it before "
                    + "redelivering.", Map.of("subscriptionId", subscriptionId.toString()));
        }
        if (deliveries.waitsBehindEarlier(deliveryId)) {
            throw new ConflictException("WAITING_FOR_EARLIER_DELIVERY", "An earlier delivery of the same patient is "
                    + "not settled yet; this one goes after it.", Map.of("deliveryId", deliveryId.toString()));
        }
        deliveries.queueRedelivery(deliveryId, clock.instant());
        return delivery;
    }
}
