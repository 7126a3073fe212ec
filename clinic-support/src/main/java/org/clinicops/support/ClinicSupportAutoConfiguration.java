package org.clinicops.support;

import io.micrometer.core.instrument.MeterRegistry;
import org.clinicops.events.CloudEventHeaders;
import org.clinicops.support.messaging.CloudEventReader;
import org.clinicops.support.messaging.DeadLetters;
import org.clinicops.support.messaging.ProcessedEvents;
import org.clinicops.support.migration.SupportMigrations;
import org.clinicops.support.outbox.Outbox;
import org.clinicops.support.outbox.OutboxRelay;
import org.clinicops.support.time.ClinicClock;
import org.clinicops.support.web.ApiProblems;
import org.clinicops.support.web.CorrelationIdFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;

/** Wires the shared plumbing into each service. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@EnableScheduling
public class ClinicSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${clinic.clock.start:}") String start, @Value("${clinic.clock.started-at:}") String startedAt) {
        Clock system = Clock.systemUTC();
        if (start.isBlank()) {
            return system;
        }
        Instant realStart = startedAt.isBlank() ? system.instant() : Instant.parse(startedAt);
        return ClinicClock.startingAt(Instant.parse(start), realStart, system);
    }

    /** Every service's Flyway also migrates clinic-support's own tables into the service's database. */
    @Bean
    FlywayMigrationStrategy supportMigrations() {
        return new SupportMigrations();
    }

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        return new ProcessedEvents(jdbc, transactions, clock);
    }

    @Bean
    CloudEventReader cloudEventReader(JsonMapper json) {
        return new CloudEventReader(json);
    }

    @Bean
    DeadLetters deadLetters(BindingServiceProperties bindings, StreamBridge streamBridge,
                            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                            @Value("${spring.application.name}") String applicationName) {
        return new DeadLetters(bindings, streamBridge, bootstrapServers, applicationName);
    }

    /**
     * Only a service that publishes events ({@code clinic.outbox.enabled=true}) stores them and runs the relay, whose
     * scheduled rounds would otherwise query an outbox nothing ever writes to.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("clinic.outbox.enabled")
    static class OutboxConfiguration {

        @Bean
        Outbox outbox(JdbcClient jdbc, JsonMapper json) {
            return new Outbox(jdbc, json);
        }

        @Bean
        OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, StreamBridge streamBridge,
                                @Value("${spring.application.name}") String applicationName, Clock clock,
                                MeterRegistry meters) {
            return new OutboxRelay(jdbc, transactions, streamBridge, "/" + applicationName, clock, meters);
        }
    }

    /**
     * CloudEvents binary mode wants the attributes as plain UTF-8 headers, not JSON-encoded ones with a type map;
     * services select this mapper with {@code spring.cloud.stream.kafka.binder.header-mapper-bean-name}.
     */
    @Bean
    SimpleKafkaHeaderMapper cloudEventsHeaderMapper() {
        SimpleKafkaHeaderMapper mapper = new SimpleKafkaHeaderMapper("ce_*", CloudEventHeaders.CONTENT_TYPE);
        mapper.setMapAllStringsOut(true);
        return mapper;
    }

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnWebApplication
    ApiProblems apiProblems() {
        return new ApiProblems();
    }
}
