package org.clinicops.gateway;

import org.clinicops.support.web.ApiProblems;
import org.clinicops.support.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;

/**
 * Cross-cutting pieces that apply to every route: the correlation id (made or taken by clinic-support's
 * CorrelationIdFilter, forwarded here), the client's address, the downstream addresses and the problem answers of
 * the gateway's own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);
    static final String FORWARDED_FOR = "X-Forwarded-For";

    /** Header filters run for every proxied request, so no route can forget the correlation id. */
    @Bean
    RequestHttpHeadersFilter forwardCorrelationId() {
        return (headers, request) -> {
            HttpHeaders forwarded = HttpHeaders.copyOf(headers);
            // clinic-support's CorrelationIdFilter has put this request's id in the MDC
            CorrelationId.current().ifPresent(id -> forwarded.set(CorrelationId.HEADER, id));
            return forwarded;
        };
    }

    /**
     * The client's address as the gateway saw it, replacing any {@code X-Forwarded-For} the client sent: the services
     * record it as the audit record's {@code sourceIp} and believe the header only from the gateway. Last among the
     * header filters, after Spring Cloud Gateway's own, which drops the client's forwarding headers.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    RequestHttpHeadersFilter forwardClientAddress() {
        return (headers, request) -> {
            HttpHeaders forwarded = HttpHeaders.copyOf(headers);
            forwarded.set(FORWARDED_FOR, request.servletRequest().getRemoteAddr());
            return forwarded;
        };
    }

    /** The gateway has already set the id on the response; the service's echo of it would repeat the header. */
    @Bean
    ResponseHttpHeadersFilter dropDownstreamCorrelationId() {
        return (headers, response) -> {
            HttpHeaders returned = HttpHeaders.copyOf(headers);
            returned.remove(CorrelationId.HEADER);
            return returned;
        };
    }

    /**
     * The services' problem answers for what the gateway answers itself (an unrouted path, the demo clock), so a
     * 400, 404, 409 or 422 has the same shape whichever side gave it. clinic-support registers it only where there is
     * a database, which the gateway has not.
     */
    @Bean
    ApiProblems apiProblems() {
        return new ApiProblems();
    }

    @Bean
    ApplicationRunner logDownstreams(GatewayProperties downstreams) {
        return args -> log.info("Routing to intake-service at {}, session-service at {}, notification-service at {},"
                        + " audit-service at {}", downstreams.intakeUri(), downstreams.sessionUri(),
                downstreams.notificationUri(), downstreams.auditUri());
    }
}
