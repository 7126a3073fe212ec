package org.clinicops.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * Where each service the gateway routes to is listening; the routes in {@code gateway.yml} read the same properties.
 * Checked at startup because the gateway's own route binding does not validate, and a blank URI would only fail
 * on the first request.
 */
@ConfigurationProperties(prefix = "clinic.gateway")
public record GatewayProperties(URI intakeUri, URI sessionUri, URI notificationUri) {

    public GatewayProperties {
        requireHttp("intake-uri", intakeUri);
        requireHttp("session-uri", sessionUri);
        requireHttp("notification-uri", notificationUri);
    }

    private static void requireHttp(String name, URI uri) {
        if (uri == null || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(
                    "clinic.gateway.%s must be an absolute http(s) URI, was '%s'".formatted(name, uri));
        }
    }
}
