package org.clinicops.notification.escalation;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The escalation_alert table. Times are UTC instants from the service's clock. */
@Repository
class Alerts {

    private static final String COLUMNS = """
            alert_id, kind, patient_id, session_id, raised_at, page_content::text as page_content, next_step,
            next_page_at, acknowledged_by, acknowledged_at
            """;
    /** Pages are notifications with the alert's id as their source (see V6). */
    private static final String PAGES_SENT = """
            (select count(*) from notification n
             where n.source_event_id = a.alert_id and n.kind in ('CRISIS_PAGE', 'SAFETY_ALERT_PAGE')
               and n.status = 'SENT') as pages_sent
            """;
    private static final RowMapper<Alert> ROW = Alerts::map;

    private final JdbcClient jdbc;

    Alerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new alert; false when it is already stored (a redelivery, or another instance was first). */
    boolean insert(Alert alert) {
        return jdbc.sql("""
                        insert into escalation_alert (alert_id, kind, patient_id, session_id, raised_at, page_content,
                                                      next_step, next_page_at)
                        values (:alertId, :kind, :patientId, :sessionId, :raisedAt, cast(:content as jsonb),
                                :nextStep, :nextPageAt)
                        on conflict (alert_id) do nothing
                        """)
                .param("alertId", alert.alertId())
                .param("kind", alert.kind().name())
                .param("patientId", alert.patientId())
                .param("sessionId", alert.sessionId(), Types.OTHER)
                .param("raisedAt", timestamp(alert.raisedAt()))
                .param("content", alert.pageContent())
                .param("nextStep", alert.nextStep())
                .param("nextPageAt", timestamp(alert.nextPageAt()))
                .update() == 1;
    }

    /**
     * The open alert whose next page has been due longest, locked until the caller's transaction ends; one another
     * instance holds is skipped, not waited for.
     */
    Optional<Alert> claimNextDue(Instant now) {
        return jdbc.sql("select " + COLUMNS + """
                        from escalation_alert
                        where next_page_at <= :now
                        order by next_page_at
                        limit 1
                        for update skip locked
                        """)
                .param("now", timestamp(now))
                .query(ROW)
                .optional();
    }

    /** The alert, locked until the caller's transaction ends (waiting for a poller that holds it). */
    Optional<Alert> lock(UUID alertId) {
        return jdbc.sql("select " + COLUMNS + " from escalation_alert where alert_id = :alertId for update")
                .param("alertId", alertId)
                .query(ROW)
                .optional();
    }

    /** Records where the alert's chain stands now. */
    void update(Alert alert) {
        jdbc.sql("""
                        update escalation_alert
                        set next_step = :nextStep, next_page_at = :nextPageAt, acknowledged_by = :acknowledgedBy,
                            acknowledged_at = :acknowledgedAt
                        where alert_id = :alertId
                        """)
                .param("alertId", alert.alertId())
                .param("nextStep", alert.nextStep())
                .param("nextPageAt", timestamp(alert.nextPageAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("acknowledgedBy", alert.acknowledgedBy(), Types.VARCHAR)
                .param("acknowledgedAt", timestamp(alert.acknowledgedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    Optional<PagedAlert> find(UUID alertId) {
        return jdbc.sql("select " + COLUMNS + ", " + PAGES_SENT + " from escalation_alert a where alert_id = :alertId")
                .param("alertId", alertId)
                .query(Alerts::mapPaged)
                .optional();
    }

    /**
     * The alerts with {@code status} (all when null), at most {@code limit}: open ones before acknowledged ones, then
     * crises first, then the oldest first.
     */
    List<PagedAlert> list(AlertStatus status, int limit) {
        return jdbc.sql("select " + COLUMNS + ", " + PAGES_SENT + """
                        from escalation_alert a
                        where (:status = 'ALL' or (:status = 'OPEN') = (acknowledged_at is null))
                        order by acknowledged_at is not null, kind <> 'CRISIS', raised_at, alert_id
                        limit :limit
                        """)
                .param("status", status == null ? "ALL" : status.name())
                .param("limit", limit)
                .query(Alerts::mapPaged)
                .list();
    }

    private static PagedAlert mapPaged(ResultSet rs, int row) throws SQLException {
        return new PagedAlert(map(rs, row), rs.getInt("pages_sent"));
    }

    private static Alert map(ResultSet rs, int row) throws SQLException {
        return new Alert(
                rs.getObject("alert_id", UUID.class),
                AlertKind.valueOf(rs.getString("kind")),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("session_id", UUID.class),
                instant(rs, "raised_at"),
                rs.getString("page_content"),
                rs.getInt("next_step"),
                instant(rs, "next_page_at"),
                rs.getString("acknowledged_by"),
                instant(rs, "acknowledged_at"));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
