package org.clinicops.notification.notification;

import org.clinicops.support.observability.TraceContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The notifications table. Times are UTC instants taken from the service's clock, never the database's. */
@Repository
public class Notifications {

    private static final String COLUMNS = """
            notification_id, patient_id, kind, channel, status, attempts, next_attempt_at, last_error, created_at,
            sent_at, source_event_id, correlation_id, traceparent, content::text as content, staff_role, address
            """;
    private static final RowMapper<Notification> ROW = Notifications::map;

    private final JdbcClient jdbc;
    private final TraceContext traces;
    private final ApplicationEventPublisher events;

    Notifications(JdbcClient jdbc, TraceContext traces, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.traces = traces;
        this.events = events;
    }

    /** A notification of this lane was stored or made due now; the dispatcher sends it once the transaction commits. */
    public record Stored(NotificationKind.Audience audience) {
    }

    private boolean stored(boolean inserted, NotificationKind kind) {
        if (inserted) {
            events.publishEvent(new Stored(kind.audience()));
        }
        return inserted;
    }

    /** Stores a new notification; false when its event already caused one of this kind (a redelivery). */
    public boolean insert(Notification n) {
        return insert(n, "");
    }

    /**
     * Stores a new notification of which one event causes several of a kind (a reminder per session and lead time),
     * told apart by {@code dedupeKey}; false when this event already caused this one (a redelivery).
     */
    public boolean insert(Notification n, String dedupeKey) {
        return insert(n, dedupeKey, null);
    }

    /** As {@link #insert(Notification, String)}, for a notification not worth sending from {@code expiresAt} on. */
    public boolean insert(Notification n, String dedupeKey, Instant expiresAt) {
        return stored(jdbc.sql("""
                        insert into notification (notification_id, patient_id, kind, channel, status, priority, attempts,
                                                  next_attempt_at, due_at, last_error, created_at, sent_at,
                                                  source_event_id, correlation_id, traceparent, content, dedupe_key,
                                                  expires_at, staff_role, address)
                        values (:id, :patientId, :kind, :channel, :status, :priority, :attempts, :nextAttemptAt,
                                :nextAttemptAt, :lastError, :createdAt, :sentAt, :sourceEventId, :correlationId,
                                :traceparent, cast(:content as jsonb), :dedupeKey, :expiresAt, :staffRole, :address)
                        on conflict (source_event_id, kind, dedupe_key, channel) do nothing
                        """)
                .param("id", n.notificationId())
                .param("patientId", n.patientId(), Types.OTHER)
                .param("kind", n.kind().name())
                .param("channel", n.channel().name())
                .param("status", n.status().name())
                .param("priority", n.kind().priority())
                .param("attempts", n.attempts())
                .param("nextAttemptAt", timestamp(n.nextAttemptAt()))
                .param("lastError", n.lastError(), Types.VARCHAR)
                .param("createdAt", timestamp(n.createdAt()))
                .param("sentAt", timestamp(n.sentAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("sourceEventId", n.sourceEventId())
                .param("correlationId", n.correlationId(), Types.VARCHAR)
                .param("traceparent", traces.currentTraceparent().orElse(null), Types.VARCHAR)
                .param("content", n.content())
                .param("dedupeKey", dedupeKey)
                .param("expiresAt", timestamp(expiresAt), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("staffRole", n.staffRole() == null ? null : n.staffRole().name(), Types.VARCHAR)
                .param("address", n.address(), Types.VARCHAR)
                .update() == 1, n.kind());
    }

    /**
     * Adds the same message on another channel (the patient's text beside the e-mail), due at once; nothing when the
     * message already has it, so however often this is asked there is one per cause and channel.
     */
    public void addChannel(Notification n, Channel channel, Instant now) {
        stored(jdbc.sql("""
                        insert into notification (notification_id, patient_id, kind, channel, status, priority, attempts,
                                                  next_attempt_at, due_at, created_at, source_event_id,
                                                  correlation_id, traceparent, content, dedupe_key, expires_at,
                                                  staff_role, address)
                        select :id, patient_id, kind, :channel, 'PENDING', priority, 0, :now, :now, created_at,
                               source_event_id, correlation_id, traceparent, content, dedupe_key, expires_at,
                               staff_role, address
                        from notification where notification_id = :of
                        on conflict (source_event_id, kind, dedupe_key, channel) do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("channel", channel.name())
                .param("now", timestamp(now))
                .param("of", n.notificationId())
                .update() == 1, n.kind());
    }

    /**
     * Closes the patient's pending notifications of {@code kind} whose dedupe key starts with {@code dedupePrefix}
     * (a session's reminders: {@code {sessionId}/}), held ones too, as SUPPRESSED with the reason; answers
     * how many. One the dispatcher holds is waited for and left as it ends.
     */
    public int suppressPending(UUID patientId, NotificationKind kind, String dedupePrefix, String reason) {
        return jdbc.sql("""
                        update notification set status = 'SUPPRESSED', last_error = :reason
                        where patient_id = :patientId and kind = :kind and status in ('PENDING', 'HELD')
                          and starts_with(dedupe_key, :prefix)
                        """)
                .param("patientId", patientId)
                .param("kind", kind.name())
                .param("prefix", dedupePrefix)
                .param("reason", reason)
                .update();
    }

    /** Closes every pending or held notification whose time has passed unsent; answers how many. */
    public int expire(Instant now) {
        return jdbc.sql("""
                        update notification
                        set status = 'FAILED', last_error = 'not sent in time: its moment passed while it waited'
                        where status in ('PENDING', 'HELD') and expires_at <= :now
                        """)
                .param("now", timestamp(now))
                .update();
    }

    /**
     * Claims the most urgent due notification for this audience, locking its row until the caller's transaction
     * ends. Rows another instance holds are skipped, not waited for, so instances share the queue without sending
     * the same notification twice. One past its expiry is never claimed, even before {@link #expire} has closed it:
     * the clock may pass it between the two.
     */
    public Optional<Notification> claimNextDue(Instant now, NotificationKind.Audience audience) {
        return jdbc.sql("select " + COLUMNS + """
                        from notification
                        where status in ('PENDING', 'HELD') and next_attempt_at <= :now and kind in (:kinds)
                          and (expires_at is null or expires_at > :now)
                        order by priority, next_attempt_at
                        limit 1
                        for update skip locked
                        """)
                .param("now", timestamp(now))
                .param("kinds", Arrays.stream(NotificationKind.values()).filter(k -> k.audience() == audience)
                        .map(Enum::name).toList())
                .query(ROW)
                .optional();
    }

    public void markSent(Notification n, Instant sentAt) {
        finish(n, NotificationStatus.SENT, sentAt, null);
    }

    public void markSkippedNoConsent(Notification n, String reason) {
        finish(n, NotificationStatus.SKIPPED_NO_CONSENT, null, reason);
    }

    public void markFailed(Notification n, String reason) {
        finish(n, NotificationStatus.FAILED, null, reason);
    }

    /** Counts a failed attempt and keeps the notification pending until {@code nextAttemptAt}. */
    public void retryLater(Notification n, String error, Instant nextAttemptAt) {
        jdbc.sql("""
                        update notification
                        set status = 'PENDING', attempts = attempts + 1, last_error = :error,
                            next_attempt_at = :nextAttemptAt
                        where notification_id = :id and status in ('PENDING', 'HELD')
                        """)
                .param("id", n.notificationId())
                .param("error", error)
                .param("nextAttemptAt", timestamp(nextAttemptAt))
                .update();
    }

    /** Holds a text that came due in quiet hours until {@code until}, when they end; no attempt is counted. */
    public void hold(Notification n, Instant until) {
        jdbc.sql("""
                        update notification set status = 'HELD', next_attempt_at = :until, due_at = :until
                        where notification_id = :id and status in ('PENDING', 'HELD')
                        """)
                .param("id", n.notificationId())
                .param("until", timestamp(until))
                .update();
    }

    /**
     * Puts a FAILED notification back in the queue, due at {@code now}, its attempts and last error kept for the
     * record; false when it is not FAILED (any more), so two staff retrying at once send it once.
     */
    public boolean retryFailed(UUID notificationId, Instant now) {
        Optional<NotificationKind> retried = jdbc.sql("""
                        update notification set status = 'PENDING', next_attempt_at = :now, due_at = :now
                        where notification_id = :id and status = 'FAILED'
                        returning kind
                        """)
                .param("id", notificationId)
                .param("now", timestamp(now))
                .query((rs, row) -> NotificationKind.valueOf(rs.getString("kind")))
                .optional();
        return retried.map(kind -> stored(true, kind)).orElse(false);
    }

    public Optional<Notification> find(UUID notificationId) {
        return jdbc.sql("select " + COLUMNS + " from notification where notification_id = :id")
                .param("id", notificationId)
                .query(ROW)
                .optional();
    }

    /**
     * A page of a patient's notifications, newest first (those of one event in queue order): at most {@code limit},
     * those after {@code after} in that order (null: from the newest).
     */
    public Page ofPatient(UUID patientId, Position after, int limit) {
        String afterPosition = after == null ? "" : """
                and (created_at < :createdAt
                     or (created_at = :createdAt and (priority, notification_id) > (:priority, :notificationId)))
                """;
        JdbcClient.StatementSpec query = jdbc.sql("select " + COLUMNS + """
                        from notification where patient_id = :patientId
                        """ + afterPosition + """
                        order by created_at desc, priority, notification_id
                        limit :limit
                        """)
                .param("patientId", patientId)
                // one more than asked: whether there is a next page
                .param("limit", limit + 1);
        if (after != null) {
            query = query.param("createdAt", timestamp(after.createdAt()))
                    .param("priority", after.priority())
                    .param("notificationId", after.notificationId());
        }
        List<Notification> found = query.query(ROW).list();
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<Notification> shown = found.subList(0, limit);
        return new Page(shown, Position.of(shown.getLast()));
    }

    /** @param next where the next page starts after; null on the last page */
    public record Page(List<Notification> notifications, Position next) {
    }

    /** A notification's place in a patient's list: its order's keys. */
    public record Position(Instant createdAt, int priority, UUID notificationId) {

        static Position of(Notification n) {
            return new Position(n.createdAt(), n.kind().priority(), n.notificationId());
        }
    }

    /**
     * When the notification of this kind that has been due longest, and is still not sent, became due: waiting for
     * the retry of a failed attempt counts, a text held for quiet hours is due when they end, an expired one counts no
     * more. Empty when none is due.
     */
    public Optional<Instant> longestDue(NotificationKind kind, Instant now) {
        return jdbc.sql("""
                        select due_at from notification
                        where status in ('PENDING', 'HELD') and due_at <= :now and kind = :kind
                          and (expires_at is null or expires_at > :now)
                        order by due_at
                        limit 1
                        """)
                .param("now", timestamp(now))
                .param("kind", kind.name())
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant);
    }

    public long countPending(NotificationKind kind) {
        return jdbc.sql("select count(*) from notification where status = 'PENDING' and kind = :kind")
                .param("kind", kind.name())
                .query(Long.class)
                .single();
    }

    private void finish(Notification n, NotificationStatus status, Instant sentAt, String reason) {
        jdbc.sql("""
                        update notification
                        set status = :status, attempts = attempts + 1, sent_at = :sentAt, last_error = :reason
                        where notification_id = :id and status in ('PENDING', 'HELD')
                        """)
                .param("id", n.notificationId())
                .param("status", status.name())
                .param("sentAt", timestamp(sentAt), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("reason", reason, Types.VARCHAR)
                .update();
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        return new Notification(
                rs.getObject("notification_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                NotificationKind.valueOf(rs.getString("kind")),
                Channel.valueOf(rs.getString("channel")),
                NotificationStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "sent_at"),
                rs.getObject("source_event_id", UUID.class),
                rs.getString("correlation_id"),
                rs.getString("traceparent"),
                rs.getString("content"),
                rs.getString("staff_role") == null ? null : StaffRole.valueOf(rs.getString("staff_role")),
                rs.getString("address"));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
