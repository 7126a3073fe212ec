package org.clinicops.audit.verification;

import org.clinicops.audit.AuditServiceApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code bin/clinic-audit-verify}: audit-service started with {@code --verify} runs the same verification as
 * {@code GET /api/audit/verify} with the service's own settings (its database as the application user, which may only
 * read and insert records, and its Kafka for the latest head), prints the answer as JSON and exits: 0 intact, 1 not,
 * 2 when it could not verify. It serves nothing, appends nothing, publishes no head and migrates nothing.
 */
public final class VerifyCommand {

    public static final String ARGUMENT = "--verify";

    private VerifyCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String[] settings = Arrays.stream(args).filter(arg -> !arg.equals(ARGUMENT)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = AuditServiceApplication.application()
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.flyway.enabled=false",
                        "spring.cloud.stream.bindings.appendAuditRecord-in-0.consumer.auto-startup=false",
                        "audit.publish-heads=false",
                        "clinic.outbox.enabled=false",
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run(settings)) {
            Verification verification = context.getBean(ChainVerifier.class).verify();
            out.println(context.getBean(JsonMapper.class).writeValueAsString(verification));
            return verification.intact() ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("Could not verify the audit trail: " + e);
            return 2;
        }
    }
}
