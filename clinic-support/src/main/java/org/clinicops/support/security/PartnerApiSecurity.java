package org.clinicops.support.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/partner/**} of a service that imports this is an OAuth2 resource server: an RS256 access token of the
 * configured issuer ({@code spring.security.oauth2.resourceserver.jwt.*}) whose {@code aud} contains
 * {@code clinic-ops}, or 401; a partner token ({@link PartnerClinic}), or 403, decided before any lookup. The
 * service's other routes stay open until the access contract covers them.
 */
@Configuration(proxyBeanMethods = false)
public class PartnerApiSecurity {

    public static final String AUDIENCE = "clinic-ops";
    /** Partner tokens live 5 minutes: Spring's default leeway of 60 s would stretch them by a fifth. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(10);

    @Bean
    @Order(1)
    SecurityFilterChain partnerApi(HttpSecurity http, JsonMapper json) throws Exception {
        // RFC 6750 section 3, without the resource-metadata link Spring adds: it would be built from the Host header
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, e instanceof OAuth2AuthenticationException
                    ? "Bearer error=\"invalid_token\", error_description=\"The token is invalid, expired or not "
                            + "meant for clinic-ops\""
                    : "Bearer");
            problem(response, json, HttpStatus.UNAUTHORIZED, "A valid bearer token of the clinic's issuer is required.");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                problem(response, json, HttpStatus.FORBIDDEN, "Only a partner clinic's token may use the partner API.");
        return http
                .securityMatcher("/api/partner/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().access(
                        (authentication, context) -> new AuthorizationDecision(isPartner(authentication))))
                .oauth2ResourceServer(server -> server.jwt(jwt -> { })
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Everything outside the partner API, as before: the access contract's other rows come with their own change. */
    @Bean
    @Order(2)
    SecurityFilterChain otherRoutes(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Added by Spring Boot to the validators of the issuer, signature and algorithm it configures itself. */
    @Bean
    OAuth2TokenValidator<Jwt> clinicOpsAudience() {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token", "The token is not meant for clinic-ops", null);
        return token -> token.getAudience() != null && token.getAudience().contains(AUDIENCE)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(wrongAudience);
    }

    @Bean
    OAuth2TokenValidator<Jwt> shortClockSkew() {
        return new JwtTimestampValidator(CLOCK_SKEW);
    }

    private static boolean isPartner(Supplier<? extends Authentication> authentication) {
        return authentication.get() instanceof JwtAuthenticationToken token
                && PartnerClinic.of(token.getToken()).isPresent();
    }

    private static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title", status.getReasonPhrase(),
                "status", status.value(), "detail", detail));
    }
}
