package org.clinicops.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.ZoneId;

/**
 * Where each service the gateway routes to is listening; the routes in {@code gateway.yml} read the same properties.
 * Checked at startup because the gateway's own route binding does not validate, and a blank URI would only fail
 * on the first request.
 *
 * @param intakeUri       where intake-service listens, an absolute http(s) URI
 * @param sessionUri      where session-service listens
 * @param notificationUri where notification-service listens
 * @param auditUri        where audit-service listens
 * @param clinicZone      the clinic's time zone, which {@code clinic.zone} sets in every service; the demo clock
 *                        shows it
 */
@ConfigurationProperties(prefix = "clinic.gateway")
public record GatewayProperties(URI intakeUri, URI sessionUri, URI notificationUri, URI auditUri,
                                @DefaultValue("America/Los_Angeles") ZoneId clinicZone) {

    public GatewayProperties {
        requireHttp("intake-uri", intakeUri);
        requireHttp("session-uri", sessionUri);
        requireHttp("notification-uri", notificationUri);
        requireHttp("audit-uri", auditUri);
    }

    private static void requireHttp(String name, URI uri) {
        if (uri == null || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(
                    "clinic.gateway.%s must be an absolute http(s) URI, was '%s'".formatted(name, uri));
        }
    }
}
