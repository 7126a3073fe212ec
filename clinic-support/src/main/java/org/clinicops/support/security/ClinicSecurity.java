package org.clinicops.support.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.clinicops.support.audit.RequestAuditFilter;
import org.clinicops.support.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every route of an application that imports this is an OAuth2 resource server route, deny by default: an RS256
 * access token of the configured issuer ({@code spring.security.oauth2.resourceserver.jwt.*}) whose {@code aud}
 * contains {@code clinic-ops}, or 401; one of the roles its {@link ServedRoutes} row allows, or 403, decided from the
 * token and the route before any lookup. Health and its probes answer anyone (details only to OPS); info, metrics
 * and dead letters only OPS. The application declares the {@link ServedRoutes} it enforces. Where the application
 * has an outbox (every service, not the gateway), each request to an audited row is recorded in the audit trail by
 * {@link RequestAuditFilter}, allowed or refused; a 401 is only logged and counted.
 */
@Configuration(proxyBeanMethods = false)
// a run without a web server (audit-service's verify command) has no route to guard
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ClinicSecurity {

    public static final String AUDIENCE = "clinic-ops";
    /** Partner tokens live 5 minutes: Spring's default leeway of 60 s would stretch them by a fifth. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(10);
    private static final String ROLES_CLAIM = "roles";
    private static final Logger log = LoggerFactory.getLogger(ClinicSecurity.class);

    @Bean
    SecurityFilterChain clinicSecurityFilterChain(HttpSecurity http, ServedRoutes served, JsonMapper json,
                                                  JwtAuthenticationConverter tokens,
                                                  ObjectProvider<RequestAuditFilter> audit,
                                                  ObjectProvider<MeterRegistry> meters) throws Exception {
        // a 401 has no identity to put in the audit trail: it is logged and counted instead
        Counter unauthenticated = Counter.builder("clinic.requests.unauthenticated")
                .description("Requests answered 401: no token, or one that is not a valid token of the issuer")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
        // RFC 6750 section 3, without the resource-metadata link Spring adds: it would be built from the Host header
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            unauthenticated.increment();
            log.info("401 for {} {} (correlation id {}): {}", request.getMethod(), request.getRequestURI(),
                    CorrelationId.current().orElse("none"), e.getMessage());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, e instanceof OAuth2AuthenticationException
                    ? "Bearer error=\"invalid_token\", error_description=\"The token is invalid, expired or not "
                            + "meant for clinic-ops\""
                    : "Bearer");
            problem(response, json, HttpStatus.UNAUTHORIZED, "A valid bearer token of the clinic's issuer is required.");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                problem(response, json, HttpStatus.FORBIDDEN, "The token's roles do not allow this request.");
        // where there is an outbox to write records to (not the gateway's): after the token is checked, so the caller
        // is known, and before the roles are, so the 403 is recorded too
        audit.ifAvailable(filter -> http.addFilterBefore(filter, ExceptionTranslationFilter.class));
        return http
                .authorizeHttpRequests(requests -> {
                    // an error a request already let in renders its problem; it is not a new request
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    requests.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll();
                    requests.requestMatchers(HttpMethod.GET, "/actuator/info", "/actuator/prometheus",
                            "/actuator/deadletters").hasRole(Role.OPS.name());
                    requests.requestMatchers(HttpMethod.POST, "/actuator/deadletters").hasRole(Role.OPS.name());
                    // the API documents hold no health data: any valid token of a known role may read them
                    requests.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/*")
                            .hasAnyRole(Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
                    for (AccessMatrix.Route route : served.routes()) {
                        requests.requestMatchers(route.method(), route.path()).hasAnyRole(
                                route.allowed().stream().map(Role::name).toArray(String[]::new));
                    }
                    for (AccessMatrix.Route route : served.passedOn()) {
                        requests.requestMatchers(route.method(), route.path()).authenticated();
                    }
                    for (String path : served.unrouted()) {
                        requests.requestMatchers(path).authenticated();
                    }
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
                                filter.setAuthenticationFailureHandler(issuerUnreachable(unauthorized, json));
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * The token's principal is its {@code sub} (or the claim an IdP with opaque subjects names), its rights the
     * known roles of its {@code roles} claim, and nothing else: {@code scope} grants nothing.
     */
    @Bean
    JwtAuthenticationConverter clinicTokens(
            @Value("${spring.security.oauth2.resourceserver.jwt.principal-claim-name:sub}") String principalClaim) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(principalClaim);
        converter.setJwtGrantedAuthoritiesConverter(ClinicSecurity::authorities);
        return converter;
    }

    /**
     * The roles a token is granted. {@code PARTNER} and {@code NOTIFICATION_SERVICE} are exclusive: with another role
     * the token is granted none (403 everywhere but health), as is a partner token without a well-formed clinic.
     */
    static Collection<GrantedAuthority> authorities(Jwt token) {
        List<Role> roles = roles(token);
        boolean mixesExclusive = roles.size() > 1 && roles.stream().anyMatch(Role::exclusive);
        boolean partnerWithoutClinic = roles.contains(Role.PARTNER) && PartnerClinic.of(token).isEmpty();
        if (mixesExclusive || partnerWithoutClinic) {
            return List.of();
        }
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    /** The known roles of the {@code roles} claim; unknown names grant nothing. */
    static List<Role> roles(Jwt token) {
        if (!(token.getClaims().get(ROLES_CLAIM) instanceof List<?> names)) {
            return List.of();
        }
        return names.stream().map(name -> name instanceof String s ? known(s) : Optional.<Role>empty())
                .flatMap(Optional::stream).distinct().toList();
    }

    private static Optional<Role> known(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
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

    /**
     * A token that could not be checked because the issuer's keys could not be fetched is the clinic's outage, not
     * the caller's fault: 503 with a retry hint, where Spring would answer 500. A bad token stays a 401.
     */
    private static AuthenticationFailureHandler issuerUnreachable(AuthenticationEntryPoint unauthorized,
                                                                  JsonMapper json) {
        return (request, response, e) -> {
            if (e instanceof AuthenticationServiceException) {
                log.warn("A token could not be checked, the issuer's keys could not be fetched: {}", e.getMessage());
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                problem(response, json, HttpStatus.SERVICE_UNAVAILABLE,
                        "The clinic's sign-in service cannot be reached to check the token; try again shortly.");
            } else {
                unauthorized.commence(request, response, e);
            }
        };
    }

    private static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title", status.getReasonPhrase(),
                "status", status.value(), "detail", detail));
    }
}
