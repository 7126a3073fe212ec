package org.clinicops.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;

/** Cross-cutting pieces that apply to every route: the correlation id and the downstream addresses. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        // First, so every later filter's log lines carry the id too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Header filters run for every proxied request, so no route can forget the correlation id. */
    @Bean
    RequestHttpHeadersFilter forwardCorrelationId() {
        return (headers, request) -> {
            HttpHeaders forwarded = HttpHeaders.copyOf(headers);
            forwarded.set(CorrelationIdFilter.HEADER, CorrelationIdFilter.of(request));
            return forwarded;
        };
    }

    /** The gateway has already set the id on the response; the service's echo of it would repeat the header. */
    @Bean
    ResponseHttpHeadersFilter dropDownstreamCorrelationId() {
        return (headers, response) -> {
            HttpHeaders returned = HttpHeaders.copyOf(headers);
            returned.remove(CorrelationIdFilter.HEADER);
            return returned;
        };
    }

    @Bean
    ApplicationRunner logDownstreams(GatewayProperties downstreams) {
        return args -> log.info("Routing to intake-service at {}, session-service at {}, notification-service at {}",
                downstreams.intakeUri(), downstreams.sessionUri(), downstreams.notificationUri());
    }
}
