package org.clinicops.gateway.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.StringUtils;

import java.util.List;

/**
 * Whose bucket a request draws from: the validated token's {@code client_id} (its {@code sub} if it has none), a
 * partner's when its roles contain {@code PARTNER}; without a token, the address the request came from.
 *
 * @param key  the bucket's name, unique per kind
 * @param kind which limit applies
 */
record RateLimitedClient(String key, Kind kind) {

    enum Kind { STAFF, PARTNER, UNAUTHENTICATED }

    /** Whether Spring Security's chain has let in a token for this request. */
    static boolean signedIn() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken;
    }

    /** Read from the security context, which Spring Security's filter chain has filled for a signed-in request. */
    static RateLimitedClient of(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String clientId = jwt.getClaimAsString("client_id");
            String client = StringUtils.hasText(clientId) ? clientId : token.getName();
            List<String> roles = jwt.getClaimAsStringList("roles");
            Kind kind = roles != null && roles.contains("PARTNER") ? Kind.PARTNER : Kind.STAFF;
            return new RateLimitedClient(kind.name() + ":" + client, kind);
        }
        return new RateLimitedClient(Kind.UNAUTHENTICATED.name() + ":" + request.getRemoteAddr(),
                Kind.UNAUTHENTICATED);
    }
}
