package org.clinicops.support.migration;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates a service's database: the service's own migrations ({@code spring.flyway.locations}) first, then
 * clinic-support's tables (outbox, processed events) from {@value #LOCATION}, with the same settings and data source
 * but a history table of their own, so the two sets of versions never mix. The service's tables are already there
 * when clinic-support's history starts, so that history is baselined at version 0 and applies from its V1.
 */
public class SupportMigrations implements FlywayMigrationStrategy {

    static final String LOCATION = "classpath:db/migration/clinic-support";
    static final String HISTORY_TABLE = "clinic_support_schema_history";

    @Override
    public void migrate(Flyway service) {
        service.migrate();
        Flyway.configure(service.getConfiguration().getClassLoader())
                .configuration(service.getConfiguration())
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
