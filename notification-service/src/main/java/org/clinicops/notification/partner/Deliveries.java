package org.clinicops.notification.partner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The deliveries of subscription events (kept on their rows) and their attempt log. Claiming takes only the head of
 * each (subscription, patient) line, with {@code FOR UPDATE SKIP LOCKED}, so instances never attempt one delivery at
 * once and a patient's events go in order.
 */
@Repository
public class Deliveries {

    private static final String COLUMNS = """
            e.delivery_id, e.subscription_id, e.event_id, p.type, e.sequence, e.patient_sequence, e.created_at,
            e.status, e.attempts, e.automatic_attempts, e.last_attempt_at, e.last_response_code, e.last_error,
            e.next_attempt_at, e.settled_at""";
    private static final String FROM =
            " from partner_subscription_event e join partner_event p on p.event_id = e.event_id";

    /** A claimed delivery: what is sent, to whom. */
    record Claimed(UUID deliveryId, UUID subscriptionId, String partnerClinicId, UUID eventId, String envelope,
                   boolean manual) {
    }

    /** The throttle counts the requests started within this of now, either side (instances' clocks differ a little). */
    private static final Duration THROTTLE_WINDOW = Duration.ofSeconds(1);
    /** Claims lost to another instance before one is taken or the round ends. */
    private static final int MAX_CLAIM_TRIES = 5;

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the next attempt that may go now, within its subscription's throttle: a queued redelivery first (of an
     * ACTIVE subscription, its delivery the head of its patient's line or settled), else the most overdue delivery
     * PENDING and due, of an ACTIVE subscription not paused, with no unsettled earlier delivery of the same patient.
     * The subscription may have fewer than {@code maxInFlight} unexpired leases (one after a 429, 502, 503 or 504)
     * and fewer than its {@code rateLimitPerSecond} requests started in the last second. Either way the delivery is
     * leased until {@code leaseUntil}, so that no one else attempts it meanwhile, and it is tried again then should
     * this instance stop. A delivery held back by the throttle stays as it is: waiting is not an attempt.
     */
    Optional<Claimed> claimNext(Instant now, Instant leaseUntil, int maxInFlight) {
        Instant windowStart = now.minus(THROTTLE_WINDOW);
        Instant windowEnd = now.plus(THROTTLE_WINDOW);
        for (int tries = 0; tries < MAX_CLAIM_TRIES; tries++) {
            Optional<Candidate> candidate = candidate(now, windowStart, windowEnd, maxInFlight);
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            // The candidate was chosen on a snapshot taken before its subscription's row was locked: another
            // instance may have claimed meanwhile, so the throttle is counted again now that no one else can.
            if (withinThrottle(candidate.get(), now, windowStart, windowEnd, maxInFlight)) {
                return Optional.of(lease(candidate.get(), now, windowStart, windowEnd, leaseUntil));
            }
        }
        return Optional.empty();
    }

    /** A delivery that may go, with its row and its subscription's row locked. */
    private record Candidate(Claimed claimed, int rateLimitPerSecond, boolean oneInFlight) {
    }

    private Optional<Candidate> candidate(Instant now, Instant windowStart, Instant windowEnd, int maxInFlight) {
        return jdbc.sql("""
                        select e.delivery_id, e.subscription_id, s.partner_clinic_id, e.event_id, e.envelope,
                               coalesce(e.manual_due_at <= :now, false) as manual, s.rate_limit_per_second,
                               s.one_in_flight
                          from partner_subscription_event e
                          join partner_subscription s on s.subscription_id = e.subscription_id
                         where s.status = 'ACTIVE'
                           and (e.manual_due_at <= :now
                                or (e.status = 'PENDING' and e.next_attempt_at <= :now
                                    and (s.paused_until is null or s.paused_until <= :now)))
                           and (e.lease_until is null or e.lease_until <= :now)
                           and not exists (
                               select 1 from partner_subscription_event b
                                where b.subscription_id = e.subscription_id and b.patient_id = e.patient_id
                                  and b.patient_sequence < e.patient_sequence and b.status = 'PENDING')
                           and (select count(*) from partner_subscription_event f
                                 where f.subscription_id = s.subscription_id and f.lease_until > :now)
                               < case when s.one_in_flight then 1 else :maxInFlight end
                           and (select count(*) from partner_webhook_start w
                                 where w.subscription_id = s.subscription_id
                                   and w.started_at > :windowStart and w.started_at < :windowEnd)
                               < s.rate_limit_per_second
                         order by coalesce(e.manual_due_at <= :now, false) desc,
                                  case when e.manual_due_at <= :now then e.manual_due_at else e.next_attempt_at end,
                                  e.subscription_id, e.sequence
                         limit 1
                           for update of e, s skip locked
                        """)
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(windowStart))
                .param("windowEnd", Timestamp.from(windowEnd))
                .param("maxInFlight", maxInFlight)
                .query((rs, n) -> new Candidate(new Claimed(rs.getObject("delivery_id", UUID.class),
                        rs.getObject("subscription_id", UUID.class), rs.getString("partner_clinic_id"),
                        rs.getObject("event_id", UUID.class), rs.getString("envelope"), rs.getBoolean("manual")),
                        rs.getInt("rate_limit_per_second"), rs.getBoolean("one_in_flight")))
                .optional();
    }

    private boolean withinThrottle(Candidate candidate, Instant now, Instant windowStart, Instant windowEnd,
                                   int maxInFlight) {
        return jdbc.sql("""
                        select (select count(*) from partner_subscription_event
                                 where subscription_id = :subscription and lease_until > :now) < :maxInFlight
                           and (select count(*) from partner_webhook_start
                                 where subscription_id = :subscription
                                   and started_at > :windowStart and started_at < :windowEnd) < :rateLimit
                        """)
                .param("subscription", candidate.claimed().subscriptionId())
                .param("now", Timestamp.from(now))
                .param("maxInFlight", candidate.oneInFlight() ? 1 : maxInFlight)
                .param("windowStart", Timestamp.from(windowStart))
                .param("windowEnd", Timestamp.from(windowEnd))
                .param("rateLimit", candidate.rateLimitPerSecond())
                .query(Boolean.class)
                .single();
    }

    private Claimed lease(Candidate candidate, Instant now, Instant windowStart, Instant windowEnd,
                          Instant leaseUntil) {
        UUID subscriptionId = candidate.claimed().subscriptionId();
        jdbc.sql("update partner_subscription_event set lease_until = :lease where delivery_id = :id")
                .param("lease", Timestamp.from(leaseUntil))
                .param("id", candidate.claimed().deliveryId())
                .update();
        // starts outside the window count no more (a clock set back leaves some ahead of it)
        jdbc.sql("""
                        delete from partner_webhook_start
                         where subscription_id = :subscription
                           and (started_at <= :windowStart or started_at >= :windowEnd)
                        """)
                .param("subscription", subscriptionId)
                .param("windowStart", Timestamp.from(windowStart))
                .param("windowEnd", Timestamp.from(windowEnd))
                .update();
        jdbc.sql("insert into partner_webhook_start (subscription_id, started_at) values (:subscription, :now)")
                .param("subscription", subscriptionId)
                .param("now", Timestamp.from(now))
                .update();
        return candidate.claimed();
    }

    /** Queues one manual attempt, due at once, unless one is queued already. */
    void queueRedelivery(UUID deliveryId, Instant now) {
        jdbc.sql("""
                        update partner_subscription_event set manual_due_at = :now
                         where delivery_id = :id and manual_due_at is null
                        """)
                .param("id", deliveryId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Whether an earlier delivery of the same patient is still unsettled, so this one must wait its turn. */
    boolean waitsBehindEarlier(UUID deliveryId) {
        return jdbc.sql("""
                        select exists (
                            select 1 from partner_subscription_event e join partner_subscription_event b
                                   on b.subscription_id = e.subscription_id and b.patient_id = e.patient_id
                                  and b.patient_sequence < e.patient_sequence and b.status = 'PENDING'
                             where e.delivery_id = :id)
                        """)
                .param("id", deliveryId)
                .query(Boolean.class)
                .single();
    }

    Optional<Delivery> findForUpdate(UUID deliveryId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where e.delivery_id = :id for update of e")
                .param("id", deliveryId)
                .query(Deliveries::delivery)
                .optional();
    }

    public Optional<Delivery> find(UUID subscriptionId, UUID deliveryId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where e.subscription_id = :subscription and e.delivery_id = :id")
                .param("subscription", subscriptionId)
                .param("id", deliveryId)
                .query(Deliveries::delivery)
                .optional();
    }

    /** A subscription's deliveries below {@code before}, newest first, of one status or all (null). */
    public List<Delivery> page(UUID subscriptionId, Delivery.Status status, long before, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + """
                         where e.subscription_id = :subscription and e.sequence < :before
                           and (cast(:status as text) is null or e.status = cast(:status as text))
                         order by e.sequence desc
                         limit :limit
                        """)
                .param("subscription", subscriptionId)
                .param("before", before)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query(Deliveries::delivery)
                .list();
    }

    public List<Delivery.Attempt> attempts(UUID deliveryId) {
        return jdbc.sql("""
                        select number, at, response_code, error, duration_ms, manual from partner_delivery_attempt
                         where delivery_id = :id order by number
                        """)
                .param("id", deliveryId)
                .query((rs, n) -> new Delivery.Attempt(rs.getInt("number"), instant(rs, "at"),
                        (Integer) rs.getObject("response_code"), error(rs.getString("error")),
                        rs.getLong("duration_ms"), rs.getBoolean("manual")))
                .list();
    }

    /** Writes back an attempt's outcome and logs the attempt. */
    void recordAttempt(Delivery delivery, Delivery.Attempt attempt) {
        jdbc.sql("""
                        update partner_subscription_event
                           set status = :status, attempts = :attempts, automatic_attempts = :automatic,
                               last_attempt_at = :lastAttemptAt, last_response_code = :code, last_error = :error,
                               next_attempt_at = :next, settled_at = :settledAt, lease_until = null,
                               manual_due_at = case when :manual then null else manual_due_at end
                         where delivery_id = :id
                        """)
                .param("manual", attempt.manual())
                .param("id", delivery.id())
                .param("status", delivery.status().name())
                .param("attempts", delivery.attempts())
                .param("automatic", delivery.automaticAttempts())
                .param("lastAttemptAt", timestamp(delivery.lastAttemptAt()))
                .param("code", delivery.lastResponseCode())
                .param("error", delivery.lastError() == null ? null : delivery.lastError().name())
                .param("next", timestamp(delivery.nextAttemptAt()))
                .param("settledAt", timestamp(delivery.settledAt()))
                .update();
        jdbc.sql("""
                        insert into partner_delivery_attempt (delivery_id, number, at, response_code, error,
                                                              duration_ms, manual)
                        values (:id, :number, :at, :code, :error, :duration, :manual)
                        """)
                .param("id", delivery.id())
                .param("number", attempt.number())
                .param("at", Timestamp.from(attempt.at()))
                .param("code", attempt.responseCode())
                .param("error", attempt.error() == null ? null : attempt.error().name())
                .param("duration", attempt.durationMs())
                .param("manual", attempt.manual())
                .update();
    }

    /** A disabled subscription's unsettled deliveries are SKIPPED (attempts in flight still record their result). */
    int skipUnsettled(UUID subscriptionId, Instant now) {
        int skipped = jdbc.sql("""
                        update partner_subscription_event
                           set status = 'SKIPPED', next_attempt_at = null, settled_at = :now
                         where subscription_id = :subscription and status = 'PENDING'
                        """)
                .param("subscription", subscriptionId)
                .param("now", Timestamp.from(now))
                .update();
        // a disabled subscription gets no new attempt, manual ones included
        jdbc.sql("""
                        update partner_subscription_event set manual_due_at = null
                         where subscription_id = :subscription and manual_due_at is not null
                        """)
                .param("subscription", subscriptionId)
                .update();
        return skipped;
    }

    /** Holds back every delivery of the subscription until {@code until} (a later pause is never shortened). */
    void pause(UUID subscriptionId, Instant until) {
        jdbc.sql("""
                        update partner_subscription set paused_until = greatest(paused_until, :until)
                         where subscription_id = :subscription
                        """)
                .param("subscription", subscriptionId)
                .param("until", Timestamp.from(until))
                .update();
    }

    /**
     * Whether the subscription gets one request in flight (after a 429, 502, 503 or 504, until its next 2xx) or
     * {@code max-in-flight}.
     */
    void holdToOneInFlight(UUID subscriptionId, boolean one) {
        jdbc.sql("update partner_subscription set one_in_flight = :one where subscription_id = :subscription")
                .param("subscription", subscriptionId)
                .param("one", one)
                .update();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("delivery_id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("type"), rs.getLong("sequence"),
                rs.getLong("patient_sequence"), instant(rs, "created_at"),
                Delivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getInt("automatic_attempts"), instant(rs, "last_attempt_at"),
                (Integer) rs.getObject("last_response_code"), error(rs.getString("last_error")),
                instant(rs, "next_attempt_at"), instant(rs, "settled_at"));
    }

    private static Delivery.Error error(String error) {
        return error == null ? null : Delivery.Error.valueOf(error);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
