package org.clinicops.notification.partner;

import org.clinicops.events.PartnerStatus;
import org.clinicops.notification.contact.ContactUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Records the source events taken in for the clinic that referred each patient, in the order received, and numbers
 * them for each of that clinic's subscriptions of the type (active or disabled) and for the clinic's Kafka topic, if
 * it has one ({@link PartnerTopics}): all in one transaction, once per partner event.
 *
 * <ul>
 *   <li>A patient whose referral is not known yet waits, with all its events, until intake-service answers.</li>
 *   <li>An induction or session event waits until the patient's ACCEPTED status is recorded for the clinic (the
 *       source events come on different topics), and so do the patient's later events of that stream; a wait over
 *       {@link #CAUSAL_WAIT_ALERT} is logged as an ops alert.</li>
 *   <li>A status is recorded only when it differs from the last one recorded for the clinic and patient.</li>
 * </ul>
 *
 * Each event is recorded in a transaction of its own under one database-wide lock, so instances take turns and
 * every clinic's events keep their order.
 */
@Component
class PartnerRecorder {

    static final Duration CAUSAL_WAIT_ALERT = Duration.ofMinutes(10);
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(PartnerRecorder.class);

    private final PartnerSourceEvents sources;
    private final PartnerAttributions attributions;
    private final PartnerEvents events;
    private final Subscriptions subscriptions;
    private final PartnerTopics topics;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    PartnerRecorder(PartnerSourceEvents sources, PartnerAttributions attributions, PartnerEvents events,
                    Subscriptions subscriptions, PartnerTopics topics, TransactionTemplate transactions,
                    JdbcClient jdbc, Clock clock) {
        this.sources = sources;
        this.attributions = attributions;
        this.events = events;
        this.subscriptions = subscriptions;
        this.topics = topics;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${notification.dispatch-interval}")
    void recordPending() {
        List<PartnerSourceEvents.Pending> pending = sources.unsettled(BATCH);
        Set<UUID> unattributed = resolveAttributions(pending);
        Set<UUID> waitingForAcceptance = new HashSet<>();
        for (PartnerSourceEvents.Pending event : pending) {
            if (unattributed.contains(event.patientId())) {
                continue;
            }
            boolean sessionStream = event.type() != PartnerEventType.PATIENT_STATUS_CHANGED;
            if (sessionStream && waitingForAcceptance.contains(event.patientId())) {
                continue;
            }
            Boolean recorded = transactions.execute(status -> record(event));
            if (Boolean.FALSE.equals(recorded)) {
                waitingForAcceptance.add(event.patientId());
            }
        }
    }

    /** Asks intake-service for the patients not attributed yet; answers those still unknown. */
    private Set<UUID> resolveAttributions(List<PartnerSourceEvents.Pending> pending) {
        Set<UUID> unattributed = new HashSet<>();
        boolean intakeAnswers = true;
        for (PartnerSourceEvents.Pending event : pending) {
            UUID patient = event.patientId();
            if (unattributed.contains(patient) || attributions.known(patient).isPresent()) {
                continue;
            }
            if (intakeAnswers) {
                try {
                    attributions.resolve(patient);
                    continue;
                } catch (ContactUnavailableException e) {
                    intakeAnswers = false;
                    log.warn("Partner events wait for intake-service to name the referring clinic: {}",
                            e.getMessage());
                }
            }
            unattributed.add(patient);
        }
        return unattributed;
    }

    /** @return false when the event waits for the patient's acceptance, true when settled */
    private boolean record(PartnerSourceEvents.Pending event) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('partner-recorder', 0))")
                .query((rs, n) -> 0).list();
        if (!sources.lockUnsettled(event.position())) {
            return true;
        }
        PartnerAttributions.Attribution attribution = attributions.known(event.patientId()).orElseThrow();
        String clinic = attribution.partnerClinicId();
        if (clinic == null) {
            sources.settle(event.position());
            return true;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("patientId", event.patientId().toString());
        data.put("partnerReference", attribution.partnerReference());
        if (event.type() == PartnerEventType.PATIENT_STATUS_CHANGED) {
            PartnerStatus status = PartnerStatus.valueOf(event.data().get("status").asString());
            Optional<PartnerStatus> previous = events.status(clinic, event.patientId());
            if (previous.equals(Optional.of(status))) {
                sources.settle(event.position());
                return true;
            }
            events.recordStatus(clinic, event.patientId(), status);
            data.put("status", status.name());
            data.put("previousStatus", previous.map(Enum::name).orElse(null));
        } else {
            if (!events.accepted(clinic, event.patientId())) {
                alertLongWait(event);
                return false;
            }
            event.data().properties().forEach(member -> data.put(member.getKey(), member.getValue()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        events.add(clinic, event.sourceEventId(), event.type(), event.patientId(), event.occurredAt(), now)
                .ifPresent(eventId -> {
                    subscriptions.of(clinic).stream()
                            .filter(subscription -> subscription.eventTypes().contains(event.type()))
                            .forEach(subscription -> events.number(subscription.id(), eventId, event.type(),
                                    event.patientId(), event.occurredAt(), data, now));
                    // every type goes to the clinic's topic, when it has one
                    topics.publish(clinic, eventId, event.type(), event.patientId(), event.occurredAt(), data, now);
                });
        sources.settle(event.position());
        return true;
    }

    private void alertLongWait(PartnerSourceEvents.Pending event) {
        if (!event.waitAlerted() && event.receivedAt().plus(CAUSAL_WAIT_ALERT).isBefore(clock.instant())) {
            log.warn("ALERT partner event of source event {} ({}) has waited over {} for the patient's ACCEPTED "
                    + "status", event.sourceEventId(), event.type().type(), CAUSAL_WAIT_ALERT);
            sources.waitAlerted(event.position());
        }
    }
}
