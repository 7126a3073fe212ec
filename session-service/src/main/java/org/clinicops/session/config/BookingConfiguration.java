package org.clinicops.session.config;

import org.clinicops.session.booking.SeriesBooker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the framework-free booking core from the clinic's settings. */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

    @Bean
    SeriesBooker seriesBooker(SessionProperties properties) {
        return new SeriesBooker(properties.clinic().calendar(), properties.booking().leadTime(),
                properties.booking().horizonDays());
    }
}
