package org.clinicops.support;

import org.clinicops.support.time.ClinicClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The one {@code Clock} of every application on clinic-support, with or without a database: the services, the
 * gateway and the authorization server alike (tests put the shared test clock in its place).
 */
@AutoConfiguration(before = ClinicSupportAutoConfiguration.class)
public class ClinicClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${clinic.clock.start:}") String start, @Value("${clinic.clock.started-at:}") String startedAt) {
        return ClinicClock.fromSettings(start, startedAt);
    }
}
