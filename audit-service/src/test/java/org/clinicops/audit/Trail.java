package org.clinicops.audit;

import org.clinicops.events.AuditAction;
import org.clinicops.events.AuditRecorded;
import org.clinicops.support.testing.TestClock;
import org.springframework.core.env.Environment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/** Audit records as services send them, and the trail's database as its owner (not the service) sees it. */
public final class Trail {

    private Trail() {
    }

    public static AuditRecorded read(String actor, UUID... patients) {
        return new AuditRecorded(UUID.randomUUID(), TestClock.at("2026-11-25T17:05:12.114Z"), "intake-service", actor,
                actor, List.of("NURSE"), AuditAction.READ, "GET", "/api/patients/{patientId}", List.of(patients), 200,
                "203.0.113.7", "corr-" + UUID.randomUUID());
    }

    /**
     * Runs SQL as the schema's owner with the append-only triggers disabled: what someone holding the owner's
     * credentials could do to the records, and what the verification must catch.
     */
    public static void asOwnerWithoutTriggers(Environment service, String... statements) {
        try (Connection owner = DriverManager.getConnection(service.getRequiredProperty("spring.datasource.url"),
                service.getRequiredProperty("spring.flyway.user"), service.getProperty("spring.flyway.password", ""));
             Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            sql.execute("alter table audit_record disable trigger user");
            for (String statement : statements) {
                sql.execute(statement);
            }
            sql.execute("alter table audit_record enable trigger user");
            owner.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
