package org.clinicops.audit.trail;

import org.clinicops.audit.Trail;
import org.clinicops.events.AuditRecorded;
import org.clinicops.support.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application's database user may only insert and read records, and the chain never forks. */
@ServiceTest
class AppendOnlyTrailTests {

    @Autowired
    AuditChain chain;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    AuditRecorded record;

    @BeforeEach
    void append() {
        record = Trail.read("demo-nurse", UUID.randomUUID());
        chain.append(record);
    }

    @Test
    void theApplicationsUserCannotUpdateDeleteOrTruncateARecord() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("audit_app");

        assertThatThrownBy(() -> jdbc.sql("update audit_record set record = jsonb_set(record, '{actor}', '\"x\"')")
                .update()).rootCause().hasMessageContaining("permission denied for table audit_record");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_record").update())
                .rootCause().hasMessageContaining("permission denied for table audit_record");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_record").update())
                .rootCause().hasMessageContaining("permission denied for table audit_record");

        assertThat(jdbc.sql("select record ->> 'actor' from audit_record where audit_id = :id")
                .param("id", record.auditId()).query(String.class).single()).isEqualTo("demo-nurse");
    }

    @Test
    void evenTheOwnerMeetsTheTriggerThatRefusesAnyChange() throws SQLException {
        try (Connection owner = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.flyway.user"), "");
             Statement sql = owner.createStatement()) {
            assertThatThrownBy(() -> sql.execute("update audit_record set seq = seq + 100"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.execute("delete from audit_record")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.execute("truncate audit_record")).hasMessageContaining("append-only");
        }
        assertThat(count()).isPositive();
    }

    @Test
    void theSameRecordAppendedAgainChangesNothing() {
        long before = count();

        chain.append(record);

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void appendsSideBySideMakeOneGaplessLinkedChain() throws Exception {
        ExecutorService appenders = Executors.newFixedThreadPool(8);
        List<Callable<Void>> appends = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            AuditRecorded each = Trail.read("demo-nurse", UUID.randomUUID());
            appends.add(() -> {
                chain.append(each);
                return null;
            });
        }
        try {
            for (Future<Void> append : appenders.invokeAll(appends)) {
                append.get();
            }
        } finally {
            appenders.shutdown();
        }

        List<Long> seqs = jdbc.sql("select (record ->> 'seq')::bigint from audit_record order by seq")
                .query(Long.class).list();
        assertThat(seqs).hasSize((int) count());
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1);
        }
        assertThat(jdbc.sql("""
                        select count(*) from audit_record r join audit_record before on before.seq = r.seq - 1
                        where r.record ->> 'prevHash' <> before.record ->> 'hash'
                        """).query(Long.class).single()).isZero();
        assertThat(chain.head().seq()).isEqualTo(seqs.size());
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_record").query(Long.class).single();
    }
}
