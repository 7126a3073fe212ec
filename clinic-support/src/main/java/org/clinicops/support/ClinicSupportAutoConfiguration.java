package org.clinicops.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.clinicops.events.CloudEventHeaders;
import org.clinicops.support.audit.AuditTrail;
import org.clinicops.support.audit.RequestAuditFilter;
import org.clinicops.support.idempotency.IdempotencyKeys;
import org.clinicops.support.messaging.CloudEventReader;
import org.clinicops.support.messaging.DeadLetterCount;
import org.clinicops.support.messaging.DeadLetters;
import org.clinicops.support.messaging.ProcessedEvents;
import org.clinicops.support.migration.SupportMigrations;
import org.clinicops.support.observability.TraceContext;
import org.clinicops.support.outbox.Outbox;
import org.clinicops.support.outbox.OutboxRelay;
import org.clinicops.support.request.JsonBodies;
import org.clinicops.support.retention.RetentionJob;
import org.clinicops.support.retention.RetentionRule;
import org.clinicops.support.security.AccessMatrix;
import org.clinicops.support.security.ServedRoutes;
import org.clinicops.support.web.ApiProblems;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Wires the shared plumbing into each service: a database and Kafka, so only where JDBC and Spring Cloud Stream are
 * on the classpath (clinic-support declares both optional; the services declare them, the gateway does not). The
 * HTTP plumbing (correlation id, body limit), which the gateway needs too, is
 * {@link org.clinicops.support.web.ClinicWebAutoConfiguration}; the clock, which every application needs, {@link ClinicClockAutoConfiguration}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnClass({JdbcClient.class, StreamBridge.class})
@EnableScheduling
public class ClinicSupportAutoConfiguration {

    /** Where the gateway's {@code X-Forwarded-For} is believed from by default: the same host (clinic-local). */
    static final String LOOPBACK = "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1";

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        return new ProcessedEvents(jdbc, transactions, clock);
    }

    /**
     * A processed event's id is needed only while the event can still be redelivered, so it is kept at least as long
     * as the Kafka topics keep their messages.
     */
    @Bean
    RetentionRule processedEventRetention(@Value("${clinic.retention.processed-events:30d}") Duration retention) {
        return new RetentionRule("processed_event", "processed_at", retention);
    }

    @Bean
    IdempotencyKeys idempotencyKeys(JdbcClient jdbc) {
        return new IdempotencyKeys(jdbc);
    }

    /** An {@code Idempotency-Key} is there for a client's retries, which come within minutes. */
    @Bean
    RetentionRule idempotencyKeyRetention(@Value("${clinic.retention.idempotency-keys:7d}") Duration retention) {
        return new RetentionRule("idempotency_key", "created_at", retention);
    }

    /** Applies the retention rules of clinic-support and of the service alike. */
    @Bean
    RetentionJob retentionJob(JdbcClient jdbc, Clock clock, List<RetentionRule> rules) {
        return new RetentionJob(jdbc, clock, rules, RetentionJob.BATCH_SIZE);
    }

    @Bean
    CloudEventReader cloudEventReader(JsonMapper json) {
        return new CloudEventReader(json);
    }

    @Bean
    DeadLetters deadLetters(BindingServiceProperties bindings, StreamBridge streamBridge, KafkaProperties kafka,
                            @Value("${spring.application.name}") String applicationName) {
        return new DeadLetters(bindings, streamBridge, kafka.buildConsumerProperties(), applicationName);
    }

    @Bean
    DeadLetterCount deadLetterCount(DeadLetters deadLetters, MeterRegistry meters) {
        return new DeadLetterCount(deadLetters, meters);
    }

    /**
     * CloudEvents binary mode wants the attributes as plain UTF-8 headers, not JSON-encoded ones with a type map;
     * {@link org.clinicops.support.messaging.StreamDefaults} selects this mapper for the Kafka binder.
     */
    @Bean
    SimpleKafkaHeaderMapper cloudEventsHeaderMapper() {
        SimpleKafkaHeaderMapper mapper = new SimpleKafkaHeaderMapper("ce_*", CloudEventHeaders.CONTENT_TYPE);
        mapper.setMapAllStringsOut(true);
        return mapper;
    }

    /** With tracing switched off ({@code management.tracing.enabled=false}) there is no tracer: nothing is traced. */
    @Bean
    TraceContext traceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContext(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    @ConditionalOnWebApplication
    ApiProblems apiProblems() {
        return new ApiProblems();
    }

    @Bean
    @ConditionalOnWebApplication
    JsonBodies jsonBodies(JsonMapper json) {
        return new JsonBodies(json);
    }

    /** Every service's Flyway also migrates clinic-support's own tables into the service's database. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Flyway.class)
    static class SupportTablesConfiguration {

        @Bean
        FlywayMigrationStrategy supportMigrations() {
            return new SupportMigrations();
        }
    }

    /**
     * Only a service that publishes events ({@code clinic.outbox.enabled=true}) stores them and runs the relay, whose
     * scheduled rounds would otherwise query an outbox nothing ever writes to.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("clinic.outbox.enabled")
    static class OutboxConfiguration {

        @Bean
        Outbox outbox(JdbcClient jdbc, JsonMapper json, TraceContext traces, OutboxRelay relay) {
            return new Outbox(jdbc, json, traces, relay);
        }

        @Bean
        AuditTrail auditTrail(Outbox outbox, TransactionTemplate transactions) {
            return new AuditTrail(outbox, transactions);
        }

        /**
         * Writes the audit record of each request to an audited route; {@code ClinicSecurity} puts it in its filter
         * chain, so the servlet container must not run it a second time on its own.
         */
        @Bean
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        RequestAuditFilter requestAuditFilter(ServedRoutes served, AuditTrail trail, TransactionTemplate transactions,
                                              Clock clock, JsonMapper json,
                                              @Value("${spring.application.name}") String applicationName,
                                              @Value("${clinic.audit.gateway-addresses:" + LOOPBACK + "}")
                                              String gatewayAddresses) {
            List<AccessMatrix.Route> audited = Stream.concat(served.routes().stream(),
                    Stream.of(AccessMatrix.DEAD_LETTER_REPLAY)).toList();
            return new RequestAuditFilter(audited, trail, transactions, clock, applicationName, json,
                    Pattern.compile(gatewayAddresses));
        }

        @Bean
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        FilterRegistrationBean<RequestAuditFilter> requestAuditFilterOnlyInTheSecurityChain(RequestAuditFilter filter) {
            FilterRegistrationBean<RequestAuditFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setEnabled(false);
            return registration;
        }

        @Bean
        OutboxRelay outboxRelay(JdbcClient jdbc, JsonMapper json, TransactionTemplate transactions,
                                KafkaProperties kafka,
                                @Value("${clinic.messaging.partitions:6}") int partitions,
                                @Value("${spring.application.name}") String applicationName, Clock clock,
                                MeterRegistry meters) {
            return new OutboxRelay(jdbc, json, transactions, kafka, partitions, "/" + applicationName, clock, meters);
        }

        /** A published event is kept a while to look into what was sent, then deleted; an unpublished one never is. */
        @Bean
        RetentionRule outboxRetention(@Value("${clinic.retention.outbox-published:7d}") Duration retention) {
            return new RetentionRule("outbox_event", "published_at", retention);
        }
    }
}
