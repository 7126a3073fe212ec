package org.clinicops.session.config;

import org.clinicops.session.booking.SeriesBooker;
import org.clinicops.session.protocol.Protocols;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the framework-free protocol table and booking core from the clinic's settings. */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

    @Bean
    Protocols protocols(SessionProperties properties) {
        return properties.day().protocols();
    }

    @Bean
    SeriesBooker seriesBooker(SessionProperties properties, Protocols protocols) {
        return new SeriesBooker(properties.clinic().calendar(), protocols, properties.booking().leadTime(),
                properties.booking().horizonDays());
    }
}
