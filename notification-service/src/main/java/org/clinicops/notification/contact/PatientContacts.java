package org.clinicops.notification.contact;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.support.web.CorrelationId;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * intake-service's internal API {@code GET /internal/patients/{id}/contact}, asked at the moment a patient message is
 * sent (contact details never travel on Kafka). Each lookup has connect and read timeouts, a few quick retries with
 * exponential backoff, and a circuit breaker that fails fast while intake-service is down; the caller keeps the
 * notification pending. Every call carries notification-service's own access token
 * ({@link IntakeServiceTokenConfiguration}); one intake-service refuses (401) is dropped and the call made once more
 * with a new one.
 */
@Component
public class PatientContacts {

    static final String NAME = "intake-service";
    /** Partner bookkeeping's own circuit: its lookups never open the one patient messages and crisis pages use. */
    static final String PARTNERS_NAME = "intake-service-partners";

    private final RestClient intake;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Retry partnersRetry;
    private final CircuitBreaker partnersCircuitBreaker;

    PatientContacts(RestClient.Builder builder, NotificationProperties properties, RetryRegistry retries,
                    CircuitBreakerRegistry circuitBreakers, OAuth2ClientHttpRequestInterceptor intakeServiceToken) {
        NotificationProperties.Calls calls = properties.calls();
        this.intake = builder
                .baseUrl(properties.intakeUri().toString())
                // the JDK client, named: detection would pick Apache's, there for partner webhooks
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(HttpClientSettings.defaults()
                        .withTimeouts(calls.connectTimeout(), calls.readTimeout())))
                .requestInterceptor((request, body, execution) -> {
                    CorrelationId.current().ifPresent(id -> request.getHeaders().set(CorrelationId.HEADER, id));
                    return execution.execute(request, body);
                })
                .requestInterceptor(intakeServiceToken)
                .build();
        this.retry = retry(retries, NAME);
        this.circuitBreaker = circuitBreaker(circuitBreakers, NAME);
        this.partnersRetry = retry(retries, PARTNERS_NAME);
        this.partnersCircuitBreaker = circuitBreaker(circuitBreakers, PARTNERS_NAME);
    }

    /** Only a failure of the way there is worth trying again; a 4xx answer will be the same next time. */
    private static Retry retry(RetryRegistry retries, String name) {
        return retries.retry(name, RetryConfig.from(retries.getDefaultConfig())
                .retryExceptions(ResourceAccessException.class, HttpServerErrorException.class)
                .build());
    }

    private static CircuitBreaker circuitBreaker(CircuitBreakerRegistry circuitBreakers, String name) {
        return circuitBreakers.circuitBreaker(name, CircuitBreakerConfig.from(circuitBreakers.getDefaultConfig())
                .recordExceptions(ResourceAccessException.class, HttpServerErrorException.class)
                .build());
    }

    /**
     * The patient's contact details, or empty when intake-service knows no such patient (404).
     *
     * @throws ContactUnavailableException when intake-service cannot answer now
     */
    public Optional<PatientContact> find(UUID patientId) {
        return find(patientId, retry, circuitBreaker);
    }

    /**
     * The same lookup for partner bookkeeping (which clinic referred the patient), through a retry and circuit
     * breaker of its own.
     *
     * @throws ContactUnavailableException when intake-service cannot answer now
     */
    public Optional<PatientContact> findForPartners(UUID patientId) {
        return find(patientId, partnersRetry, partnersCircuitBreaker);
    }

    private Optional<PatientContact> find(UUID patientId, Retry retry, CircuitBreaker circuitBreaker) {
        Supplier<PatientContact> lookup = () -> {
            try {
                return contact(patientId);
            } catch (HttpClientErrorException.Unauthorized refused) {
                // the token interceptor has dropped the refused token: once more, with a new one, and no more
                return contact(patientId);
            }
        };
        PatientContact contact;
        try {
            contact = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, lookup)).get();
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        } catch (OAuth2AuthorizationException e) {
            throw new ContactUnavailableException("no token from the clinic's issuer for " + NAME + ": "
                    + tokenProblem(e), e);
        } catch (CallNotPermittedException e) {
            throw new ContactUnavailableException(NAME + " circuit breaker is open after repeated failures", e);
        } catch (HttpStatusCodeException e) {
            throw new ContactUnavailableException(NAME + " answered " + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            throw new ContactUnavailableException(NAME + " unreachable (" + rootCauseName(e) + ")", e);
        }
        if (contact == null) {
            throw new ContactUnavailableException(NAME + " answered without a body", null);
        }
        return Optional.of(contact);
    }

    private PatientContact contact(UUID patientId) {
        return intake.get()
                .uri("/internal/patients/{patientId}/contact", patientId)
                .retrieve()
                .body(PatientContact.class);
    }

    /**
     * Spring Security reports a refused client and an unreachable issuer alike ({@code invalid_token_response}); the
     * HTTP failure underneath tells them apart.
     */
    private static String tokenProblem(OAuth2AuthorizationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpStatusCodeException refused) {
                return "it answered " + refused.getStatusCode().value();
            }
            if (cause instanceof RestClientException unreachable) {
                return "unreachable (" + rootCauseName(unreachable) + ")";
            }
        }
        return e.getError().getErrorCode();
    }

    /** The class of what went wrong underneath; exception messages may carry addresses, so they stay out. */
    private static String rootCauseName(Exception e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        return root.getClass().getSimpleName();
    }
}
