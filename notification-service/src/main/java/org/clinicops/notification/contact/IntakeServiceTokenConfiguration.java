package org.clinicops.notification.contact;

import org.clinicops.notification.config.NotificationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

import java.time.Duration;

/**
 * notification-service's own access token for intake-service's contact endpoint: client credentials at the clinic's
 * issuer, registered by Spring Boot from {@code spring.security.oauth2.client.registration.intake-service}
 * ({@code notification.auth.*} in notification-service.yml). Spring Security caches it in memory and fetches the next
 * one 30 s before it expires; a 401 from intake-service drops it, and {@link PatientContacts} asks once more.
 *
 * <p>Token times are the real clock's, as the issuer's and intake-service's are: Spring Security's own UTC clock,
 * never the service's {@code Clock}, which a demo or a test moves.
 */
@Configuration(proxyBeanMethods = false)
class IntakeServiceTokenConfiguration {

    static final String REGISTRATION_ID = "intake-service";
    /** Whose token it is in Spring Security's cache: the service's, whichever request or thread asks. */
    static final String PRINCIPAL = "notification-service";
    /** The access contract's skew: a 5-minute token is renewed once fewer than 30 s of it are left. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private static final Authentication SERVICE = UsernamePasswordAuthenticationToken.unauthenticated(PRINCIPAL, null);

    @Bean
    OAuth2ClientHttpRequestInterceptor intakeServiceToken(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientService authorizedClients,
                                                          NotificationProperties properties) {
        ClientRegistration registration = registrations.findByRegistrationId(REGISTRATION_ID);
        if (registration == null) {
            throw new IllegalStateException("No spring.security.oauth2.client.registration." + REGISTRATION_ID
                    + ": intake-service gives contact details only to notification-service's own token");
        }
        if (!StringUtils.hasText(registration.getClientSecret())) {
            throw new IllegalStateException("notification.auth.client-secret (NOTIFICATION_AUTH_CLIENT_SECRET) must "
                    + "be set: the issuer gives notification-service its token for intake-service only with it");
        }
        NotificationProperties.Calls calls = properties.calls();
        var tokenEndpoint = new RestClientClientCredentialsTokenResponseClient();
        // Spring Security's own client for the token endpoint, with the timeouts of every outside call
        tokenEndpoint.setRestClient(RestClient.builder()
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(HttpClientSettings.defaults()
                        .withTimeouts(calls.connectTimeout(), calls.readTimeout())))
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        AuthorizedClientServiceOAuth2AuthorizedClientManager tokens =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        tokens.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(grant -> grant.accessTokenResponseClient(tokenEndpoint).clockSkew(CLOCK_SKEW))
                .build());
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(tokens);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
        interceptor.setPrincipalResolver(request -> SERVICE);
        interceptor.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        return interceptor;
    }
}
