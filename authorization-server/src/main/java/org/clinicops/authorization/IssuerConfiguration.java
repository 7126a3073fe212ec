package org.clinicops.authorization;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;

/**
 * Spring Authorization Server as Spring Boot configures it (clients, issuer and endpoints from
 * {@code spring.security.oauth2.authorizationserver.*}), with the clinic's parts: who may exist (no demo client outside
 * local mode), the signing key, the clinic's claims in every access token, the service's clock for token times, and
 * nothing served beyond the issuer's endpoints and health.
 */
@Configuration(proxyBeanMethods = false)
class IssuerConfiguration {

    @Bean
    DemoClients demoClients(Environment environment, IssuerProperties settings,
                            OAuth2AuthorizationServerProperties registrations) {
        return DemoClients.check(environment, settings.demoClients(), registrations.getClient().values());
    }

    @Bean
    ClinicClients clinicClients(OAuth2AuthorizationServerProperties registrations, IssuerProperties settings) {
        return new ClinicClients(registrations, settings);
    }

    @Bean
    RSAKey signingKey(IssuerProperties settings, DemoClients demoClients) {
        return SigningKeys.signingKey(settings.signingKey(), demoClients.enabled());
    }

    /** The JWK set: the signing key and, during a rotation, the next or the previous one. */
    @Bean
    JWKSource<SecurityContext> jwkSet(RSAKey signingKey, IssuerProperties settings) {
        return new ImmutableJWKSet<>(SigningKeys.published(signingKey, settings.publishedKeys()));
    }

    /**
     * Access tokens only, always JWTs: client credentials get no refresh token. Each names the signing key's
     * {@code kid}, which also picks that key among the published ones. Token times come from the service's clock,
     * which is the real UTC clock (clinic-local's demo clock is never given to the issuer).
     */
    @Bean
    OAuth2TokenGenerator<Jwt> accessTokens(JWKSource<SecurityContext> jwkSet, RSAKey signingKey, ClinicClients clients,
                                           Clock clock) {
        JwtGenerator tokens = new JwtGenerator(new NimbusJwtEncoder(jwkSet));
        AccessTokenClaims claims = new AccessTokenClaims(clients);
        tokens.setJwtCustomizer(context -> {
            context.getJwsHeader().keyId(signingKey.getKeyID());
            claims.customize(context);
        });
        tokens.setClock(clock);
        return tokens;
    }

    @Bean
    @Order(1)
    SecurityFilterChain issuerEndpoints(HttpSecurity http) {
        http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()));
        // the token, JWK set and metadata endpoints answer before this; the rest (authorize, …) needs a user, which
        // this issuer has not
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .anyRequest().denyAll());
        return http.build();
    }
}
