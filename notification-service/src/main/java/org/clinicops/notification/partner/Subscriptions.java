package org.clinicops.notification.partner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** The stored subscriptions; every lookup names the partner clinic, so one clinic never reaches another's. */
@Repository
public class Subscriptions {

    private static final String COLUMNS = """
            subscription_id, partner_clinic_id, url, event_types, description, alert_email, rate_limit_per_second,
            status, disabled_reason, disabled_at, failing_since, last_sequence, secret, previous_secret,
            previous_secret_expires_at, created_at, failed_delivery_at, failed_notice_at, disabled_notice_at""";

    private final JdbcClient jdbc;
    private final WebhookSecrets secrets;

    Subscriptions(JdbcClient jdbc, WebhookSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    void add(Subscription subscription) {
        jdbc.sql("insert into partner_subscription (" + COLUMNS + """
                        ) values (:id, :clinic, :url, :eventTypes, :description, :alertEmail, :rateLimit, :status,
                                  :disabledReason, :disabledAt, :failingSince, :lastSequence, :secret,
                                  :previousSecret, :previousSecretExpiresAt, :createdAt, null, null, null)
                        """)
                .param("id", subscription.id())
                .param("clinic", subscription.partnerClinicId())
                .param("url", subscription.url().toString())
                .param("eventTypes", subscription.eventTypes().stream().map(PartnerEventType::type)
                        .collect(Collectors.joining(" ")))
                .param("description", subscription.description())
                .param("alertEmail", subscription.alertEmail())
                .param("rateLimit", subscription.rateLimitPerSecond())
                .param("status", subscription.status().name())
                .param("disabledReason", null)
                .param("disabledAt", null)
                .param("failingSince", null)
                .param("lastSequence", subscription.lastSequence())
                .param("secret", secrets.seal(subscription.id(), subscription.secret()))
                .param("previousSecret", null)
                .param("previousSecretExpiresAt", null)
                .param("createdAt", Timestamp.from(subscription.createdAt()))
                .update();
    }

    /** Writes back what may change: status, failure, notices and the secrets. */
    void update(Subscription subscription) {
        jdbc.sql("""
                        update partner_subscription
                           set status = :status, disabled_reason = :disabledReason, disabled_at = :disabledAt,
                               failing_since = :failingSince, secret = :secret, previous_secret = :previousSecret,
                               previous_secret_expires_at = :previousSecretExpiresAt,
                               failed_delivery_at = :failedDeliveryAt, failed_notice_at = :failedNoticeAt,
                               disabled_notice_at = :disabledNoticeAt
                         where subscription_id = :id
                        """)
                .param("id", subscription.id())
                .param("status", subscription.status().name())
                .param("disabledReason", subscription.disabledReason() == null ? null
                        : subscription.disabledReason().name())
                .param("disabledAt", timestamp(subscription.disabledAt()))
                .param("failingSince", timestamp(subscription.failingSince()))
                .param("secret", secrets.seal(subscription.id(), subscription.secret()))
                .param("previousSecret", subscription.previousSecret() == null ? null
                        : secrets.seal(subscription.id(), subscription.previousSecret()))
                .param("previousSecretExpiresAt", timestamp(subscription.previousSecretExpiresAt()))
                .param("failedDeliveryAt", timestamp(subscription.failedDeliveryAt()))
                .param("failedNoticeAt", timestamp(subscription.failedNoticeAt()))
                .param("disabledNoticeAt", timestamp(subscription.disabledNoticeAt()))
                .update();
    }

    public Optional<Subscription> find(String partnerClinicId, UUID subscriptionId) {
        return jdbc.sql("select " + COLUMNS + " from partner_subscription "
                        + "where subscription_id = :id and partner_clinic_id = :clinic")
                .param("id", subscriptionId)
                .param("clinic", partnerClinicId)
                .query(this::subscription)
                .optional();
    }

    /** Reads the subscription and locks its row to the end of the transaction. */
    public Optional<Subscription> findForUpdate(String partnerClinicId, UUID subscriptionId) {
        return jdbc.sql("select " + COLUMNS + " from partner_subscription "
                        + "where subscription_id = :id and partner_clinic_id = :clinic for update")
                .param("id", subscriptionId)
                .param("clinic", partnerClinicId)
                .query(this::subscription)
                .optional();
    }

    /** The clinic's subscriptions, oldest first. */
    public List<Subscription> of(String partnerClinicId) {
        return jdbc.sql("select " + COLUMNS + " from partner_subscription where partner_clinic_id = :clinic "
                        + "order by created_at, subscription_id")
                .param("clinic", partnerClinicId)
                .query(this::subscription)
                .list();
    }

    /**
     * How many subscriptions the clinic has, counted under a lock of the clinic's own, so that two creations at once
     * cannot both take the last free place.
     */
    int countLocked(String partnerClinicId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('partner_subscription:' || :clinic, 0))")
                .param("clinic", partnerClinicId)
                .query((rs, n) -> 0)
                .list();
        return jdbc.sql("select count(*) from partner_subscription where partner_clinic_id = :clinic")
                .param("clinic", partnerClinicId)
                .query(Integer.class)
                .single();
    }

    boolean delete(String partnerClinicId, UUID subscriptionId) {
        return jdbc.sql("delete from partner_subscription where subscription_id = :id and partner_clinic_id = :clinic")
                .param("id", subscriptionId)
                .param("clinic", partnerClinicId)
                .update() == 1;
    }

    private Subscription subscription(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("subscription_id", UUID.class);
        SortedSet<PartnerEventType> types = new TreeSet<>(SubscriptionRequest.BY_TYPE);
        Arrays.stream(rs.getString("event_types").split(" "))
                .forEach(type -> PartnerEventType.ofType(type).ifPresent(types::add));
        String reason = rs.getString("disabled_reason");
        byte[] previous = rs.getBytes("previous_secret");
        return new Subscription(id, rs.getString("partner_clinic_id"), URI.create(rs.getString("url")), types,
                rs.getString("description"), rs.getString("alert_email"), rs.getInt("rate_limit_per_second"),
                instant(rs, "created_at"), rs.getLong("last_sequence"),
                Subscription.Status.valueOf(rs.getString("status")),
                reason == null ? null : Subscription.DisabledReason.valueOf(reason),
                instant(rs, "disabled_at"), instant(rs, "failing_since"),
                secrets.open(id, rs.getBytes("secret")),
                previous == null ? null : secrets.open(id, previous),
                instant(rs, "previous_secret_expires_at"), instant(rs, "failed_delivery_at"),
                instant(rs, "failed_notice_at"), instant(rs, "disabled_notice_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
