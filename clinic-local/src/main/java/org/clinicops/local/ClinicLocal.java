package org.clinicops.local;

import org.clinicops.audit.AuditServiceApplication;
import org.clinicops.authorization.AuthorizationServerApplication;
import org.clinicops.authorization.IssuerProperties;
import org.clinicops.gateway.GatewayApplication;
import org.clinicops.intake.IntakeServiceApplication;
import org.clinicops.notification.NotificationServiceApplication;
import org.clinicops.session.SessionServiceApplication;
import org.clinicops.support.time.ClinicClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The whole clinic on one machine, no Docker: a real Kafka broker (KRaft), PostgreSQL, SMTP and SMS catchers, the
 * token issuer with its demo clients and the five services, each a Spring Boot application of its own in this JVM, on
 * the fixed local ports the README lists.
 */
public final class ClinicLocal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClinicLocal.class);

    /**
     * The gateway shares this classpath with the services but owns no database and consumes no events, so the
     * services' persistence, messaging and clinic-support's plumbing for them stay off in its context (clinic-support's
     * correlation id stays on: the gateway uses it).
     */
    private static final String GATEWAY_EXCLUDES = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.cloud.stream.config.BindingServiceConfiguration",
            "org.springframework.cloud.stream.config.BindersHealthIndicatorAutoConfiguration",
            "org.springframework.cloud.stream.config.ChannelsEndpointAutoConfiguration",
            "org.springframework.cloud.stream.config.BindingsEndpointAutoConfiguration",
            "org.springframework.cloud.stream.function.FunctionConfiguration",
            // on this classpath Spring Cloud Gateway would route every path it has no route for to a function of that
            // name, before the gateway's own controllers (the API documents)
            "org.springframework.cloud.gateway.server.mvc.config.DefaultFunctionConfiguration",
            "org.clinicops.support.ClinicSupportAutoConfiguration");

    /** The services share this classpath with the gateway, whose routing (even with no routes) is not theirs. */
    private static final String SERVICE_EXCLUDES = String.join(",",
            "org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.GatewayMvcClassPathWarningAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.filter.FilterAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctionAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.handler.GatewayMultipartAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.predicate.PredicateAutoConfiguration",
            "org.springframework.cloud.gateway.server.mvc.config.DefaultFunctionConfiguration");

    /**
     * The issuer shares this classpath with the services and the gateway but needs none of their database, Kafka,
     * functions, templates or routing.
     */
    private static final String ISSUER_EXCLUDES = String.join(",", GATEWAY_EXCLUDES, SERVICE_EXCLUDES,
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            "org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration",
            "org.springframework.boot.mustache.autoconfigure.MustacheAutoConfiguration");

    /** The issuer's own auto-configuration: no service or gateway issues tokens. */
    private static final String AUTHORIZATION_SERVER_EXCLUDES = String.join(",",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet."
                    + "OAuth2AuthorizationServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet."
                    + "OAuth2AuthorizationServerJwtAutoConfiguration");

    /** The demo client whose token the console's curl line shows how to get. */
    private static final String EXAMPLE_CLIENT = "demo-nurse";

    private final LocalInfrastructure infrastructure;
    private final List<RunningService> services;

    private ClinicLocal(LocalInfrastructure infrastructure, List<RunningService> services) {
        this.infrastructure = infrastructure;
        this.services = services;
    }

    /** The ports to listen on; 0 takes any free port (tests). */
    public record Ports(int authorization, int gateway, int intake, int session, int notification, int audit,
                        int kafka, int postgres, int smtp, int sms) {

        public static Ports fixed() {
            return new Ports(9000, 8080, 8081, 8082, 8083, 8084, LocalKafka.DEFAULT_PORT, LocalPostgres.DEFAULT_PORT,
                    LocalMail.DEFAULT_PORT, LocalSms.DEFAULT_PORT);
        }

        public static Ports anyFree() {
            return new Ports(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /**
     * @param clinicTime where every service's clock starts (then ticks on, and the gateway's {@code /api/demo/clock}
     *                   moves them all forward); null for the real time
     */
    public record Options(Path dataDirectory, Ports ports, Instant clinicTime) {
    }

    public record RunningService(String name, ConfigurableApplicationContext context) {

        public int port() {
            return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        }

        public String url() {
            return "http://localhost:" + port();
        }
    }

    public static ClinicLocal start(Options options) {
        LocalInfrastructure infrastructure = LocalInfrastructure.start(options.dataDirectory(), options.ports().kafka(),
                options.ports().postgres(), options.ports().smtp(), options.ports().sms());
        List<RunningService> started = new ArrayList<>();
        try {
            // first, so every service finds the issuer up; local mode: the demo clients, a key made now, and the real
            // time whatever the clinic time (token times never follow the demo clock)
            RunningService issuer = run("authorization-server",
                    AuthorizationServerApplication.builder().profiles("local"),
                    List.of("--server.port=" + options.ports().authorization(),
                            "--spring.autoconfigure.exclude=" + ISSUER_EXCLUDES,
                            "--logging.include-application-name=false",
                            "--logging.pattern.level=%5p [%X{correlationId:-}]"));
            started.add(issuer);
            List<String> clock = clockArguments(options);
            List<String> common = commonArguments(infrastructure, clock);
            // the issuer's keys where it runs; its tokens name http://localhost:9000 as their issuer whatever the port
            String issuerKeys = "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.url()
                    + "/oauth2/jwks";
            // every service is a resource server, none an issuer
            String serviceExcludes = "--spring.autoconfigure.exclude=" + String.join(",", SERVICE_EXCLUDES,
                    AUTHORIZATION_SERVER_EXCLUDES);
            List<String> intakeArgs = args(common, options.ports().intake(), infrastructure, "intake");
            intakeArgs.add(serviceExcludes);
            intakeArgs.add(issuerKeys);
            RunningService intake = run("intake-service", IntakeServiceApplication.application(), intakeArgs);
            started.add(intake);
            List<String> sessionArgs = args(common, options.ports().session(), infrastructure, "session");
            sessionArgs.add(serviceExcludes);
            sessionArgs.add(issuerKeys);
            RunningService session = run("session-service", SessionServiceApplication.application(), sessionArgs);
            started.add(session);
            List<String> notification = args(common, options.ports().notification(), infrastructure, "notification");
            notification.add(serviceExcludes);
            notification.add(issuerKeys);
            // a partner receiver on this machine may subscribe; partner tokens come from the issuer at port 9000
            notification.add("--notification.partner.webhooks.allowed-private-targets=127.0.0.0/8,::1/128");
            // the demo partner clinics read their own topics too (no Kafka auth here: isolation is by topic only)
            notification.add("--notification.partner.kafka.clinics=riverside-psychiatry,lakeside-counseling");
            notification.add("--notification.intake-uri=" + intake.url());
            // its own token for intake-service's contact endpoint, from the issuer's notification-service client
            notification.add("--notification.auth.token-uri=" + issuer.url() + "/oauth2/token");
            notification.add("--notification.auth.client-secret=notification-service-secret");
            notification.add("--spring.mail.host=" + infrastructure.mail().host());
            notification.add("--spring.mail.port=" + infrastructure.mail().port());
            notification.add("--notification.sms.base-url=" + infrastructure.sms().baseUrl());
            RunningService notificationService = run("notification-service",
                    NotificationServiceApplication.application(), notification);
            started.add(notificationService);
            // its own application user, which may only insert and read audit records; the owner migrates
            List<String> auditArgs = new ArrayList<>(common.stream()
                    .filter(arg -> !arg.startsWith("--spring.datasource.")).toList());
            auditArgs.add("--server.port=" + options.ports().audit());
            auditArgs.add("--spring.datasource.url=" + infrastructure.postgres().jdbcUrlWithoutUser("audit"));
            auditArgs.add("--spring.datasource.username=" + LocalPostgres.AUDIT_USER);
            auditArgs.add("--spring.datasource.password=" + LocalPostgres.AUDIT_PASSWORD);
            auditArgs.add("--spring.flyway.user=" + infrastructure.postgres().username());
            auditArgs.add(serviceExcludes);
            auditArgs.add(issuerKeys);
            RunningService audit = run("audit-service", AuditServiceApplication.application(), auditArgs);
            started.add(audit);
            List<String> gateway = new ArrayList<>(List.of(
                    "--server.port=" + options.ports().gateway(),
                    "--logging.include-application-name=false",
                    "--logging.pattern.level=%5p [%X{correlationId:-}]",
                    "--spring.autoconfigure.exclude=" + GATEWAY_EXCLUDES + "," + AUTHORIZATION_SERVER_EXCLUDES,
                    issuerKeys,
                    "--clinic.gateway.intake-uri=" + intake.url(),
                    "--clinic.gateway.session-uri=" + session.url(),
                    "--clinic.gateway.notification-uri=" + notificationService.url(),
                    "--clinic.gateway.audit-uri=" + audit.url(),
                    // the demo clock shows the zone session-service books in
                    "--clinic.zone=" + session.context().getEnvironment().getRequiredProperty("clinic.zone")));
            // with a clinic time, the gateway's demo clock reads (and moves) what the services read
            gateway.addAll(clock);
            started.add(run("gateway", GatewayApplication.builder(), gateway));
            return new ClinicLocal(infrastructure, List.copyOf(started));
        } catch (RuntimeException e) {
            started.reversed().forEach(service -> service.context().close());
            infrastructure.close();
            throw e;
        }
    }

    /** Empty for the real time; else every service's clock settings, the gateway's too. */
    private static List<String> clockArguments(Options options) {
        if (options.clinicTime() == null) {
            return List.of();
        }
        // One anchor for all, so their clocks agree although they start seconds apart.
        return List.of("--clinic.clock.start=" + options.clinicTime(),
                "--clinic.clock.started-at=" + ClinicClock.system().instant());
    }

    private static List<String> commonArguments(LocalInfrastructure infrastructure, List<String> clock) {
        List<String> common = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafka().bootstrapServers(),
                "--spring.datasource.username=" + infrastructure.postgres().username(),
                "--spring.datasource.password=",
                // Logback is one per JVM: a per-service pattern would label every line with the last service started.
                "--logging.include-application-name=false",
                "--logging.pattern.level=%5p [%X{correlationId:-}]"));
        common.addAll(clock);
        return common;
    }

    private static List<String> args(List<String> common, int port, LocalInfrastructure infrastructure,
                                     String database) {
        List<String> args = new ArrayList<>(common);
        args.add("--server.port=" + port);
        args.add("--spring.datasource.url=" + infrastructure.postgres().jdbcUrl(database));
        return args;
    }

    private static RunningService run(String name, SpringApplicationBuilder application, List<String> args) {
        log.info("Starting {}", name);
        return new RunningService(name, application.run(args.toArray(String[]::new)));
    }

    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    public RunningService service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    public String gatewayUrl() {
        return service("gateway").url();
    }

    /** Where clients get their tokens; the tokens' {@code iss} stays the configured one whatever this port is. */
    public String issuerUrl() {
        return service("authorization-server").url();
    }

    /** Where everything is, for the console. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("  %-21s %s%n", "gateway (the API)", gatewayUrl()));
        text.append(String.format("  %-21s %s   (token %s/oauth2/token, JWK set %s/oauth2/jwks)%n", "authorization-server",
                issuerUrl(), issuerUrl(), issuerUrl()));
        for (RunningService service : services) {
            if (!service.name().equals("gateway") && !service.name().equals("authorization-server")) {
                text.append(String.format("  %-21s %s   (health %s/actuator/health)%n", service.name(), service.url(),
                        service.url()));
            }
        }
        return text.append(infrastructure.describe()).toString();
    }

    /** The demo clients with their roles, and how to get a token (each secret is the client id + "-secret"). */
    public String describeDemoClients() {
        StringBuilder text = new StringBuilder(String.format("  demo clients (secret: <client id>-secret)%n"));
        new TreeMap<>(service("authorization-server").context().getBean(IssuerProperties.class).clients())
                .forEach((clientId, claims) -> text.append(String.format("    %-21s %s%s%n", clientId, claims.roles(),
                        claims.partnerClinicId() == null ? "" : "  partner_clinic_id " + claims.partnerClinicId())));
        return text.append(String.format("  a token:  curl -s -u %s:%s-secret -d grant_type=client_credentials "
                + "%s/oauth2/token%n", EXAMPLE_CLIENT, EXAMPLE_CLIENT, issuerUrl())).toString();
    }

    @Override
    public void close() {
        services.reversed().forEach(service -> service.context().close());
        infrastructure.close();
    }

    /** {@code ./clinic-local [--fresh] [--data=DIR] [--clinic-time=2026-11-25T16:45:00Z]} */
    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(LocalInfrastructure.DEFAULT_DATA_DIRECTORY);
        Instant clinicTime = null;
        boolean fresh = false;
        for (String arg : args) {
            if (arg.equals("--fresh")) {
                fresh = true;
            } else if (arg.startsWith("--data=")) {
                data = Path.of(arg.substring("--data=".length()));
            } else if (arg.startsWith("--clinic-time=")) {
                clinicTime = Instant.parse(arg.substring("--clinic-time=".length()));
            } else {
                System.err.println("Unknown option " + arg
                        + "\nUsage: clinic-local [--fresh] [--data=DIR] [--clinic-time=2026-11-25T16:45:00Z]");
                System.exit(2);
            }
        }
        data = data.toAbsolutePath();
        if (fresh) {
            deleteRecursively(data);
        }
        ClinicLocal clinic = start(new Options(data, Ports.fixed(), clinicTime));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping clinic-ops");
            clinic.close();
            stopped.countDown();
        }, "clinic-local-shutdown"));
        Instant now = clinic.service("intake-service").context().getBean(Clock.class).instant();
        String demoClock = clinicTime == null ? ""
                : String.format("  %-21s %s/api/demo/clock   (GET; POST advanceBy or advanceTo)%n", "demo clock",
                        clinic.gatewayUrl());
        System.out.printf("%nclinic-ops is running (Ctrl-C stops it; data kept in %s, --fresh starts over)%n"
                + "  clinic time           %s%n%s%s%n%s%n", data, now, demoClock, clinic.describe(),
                clinic.describeDemoClients());
        stopped.await();
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }
}
