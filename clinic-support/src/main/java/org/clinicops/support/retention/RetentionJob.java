package org.clinicops.support.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * Deletes what has been kept long enough: every {@code clinic.retention.run-every}, the rows each
 * {@link RetentionRule} names as expired by the service's clock. Deletes go in bounded batches, each its own
 * statement, so no round holds many row locks or a long transaction; several instances running it at once only
 * share the work.
 */
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    public static final int BATCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<RetentionRule> rules;
    private final int batchSize;

    public RetentionJob(JdbcClient jdbc, Clock clock, List<RetentionRule> rules, int batchSize) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = List.copyOf(rules);
        this.batchSize = batchSize;
    }

    /** Not at start-up: the first round waits one interval, so starting (and testing) a service deletes nothing. */
    @Scheduled(initialDelayString = "${clinic.retention.run-every:1h}",
            fixedDelayString = "${clinic.retention.run-every:1h}")
    public void deleteExpired() {
        for (RetentionRule rule : rules) {
            try {
                int deleted = deleteExpired(rule);
                if (deleted > 0) {
                    log.info("Deleted {} row(s) of {} older than {}", deleted, rule.table(), rule.retention());
                }
            } catch (RuntimeException e) {
                log.warn("Could not delete expired rows of {}; next round: {}", rule.table(), e.toString());
            }
        }
    }

    private int deleteExpired(RetentionRule rule) {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(rule.retention()));
        // Table and column come from code, never from a request. ctid picks the rows of one batch in any table.
        String batch = "delete from %1$s where ctid in (select ctid from %1$s where %2$s < :cutoff limit :limit)"
                .formatted(rule.table(), rule.olderThan());
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql(batch).param("cutoff", cutoff).param("limit", batchSize).update();
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
