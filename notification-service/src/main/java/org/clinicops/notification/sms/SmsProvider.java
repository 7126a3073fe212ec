package org.clinicops.notification.sms;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.clinicops.notification.config.NotificationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The SMS provider's HTTP API: {@code POST {notification.sms.base-url}/messages} with the JSON body
 * {@code {"to": "+15035550142", "body": "..."}}, {@code Authorization: Bearer <api-token>} when a token is set, and
 * {@code Idempotency-Key: <notificationId>} so a provider that honours it sends a text tried twice once. Any 2xx
 * means the provider took the text. A 4xx (but 429) is a refusal; a 429, a 5xx, a timeout or no connection means
 * "not now".
 * <p>
 * Each text goes through a few quick retries with exponential backoff and a circuit breaker that fails fast while the
 * provider is down; each try waits for its turn under the provider's rate limit ({@code notification.sms.per-second})
 * and has the HTTP timeouts of {@code notification.sms}. When the text does not go, the caller keeps the notification
 * pending.
 */
@Component
public class SmsProvider {

    static final String NAME = "sms-provider";

    /** E.164, as intake-service records phone numbers. */
    private static final Pattern NUMBER = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private final RestClient provider;
    private final RateLimiter rateLimiter;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    SmsProvider(RestClient.Builder builder, NotificationProperties properties, RateLimiterRegistry rateLimiters,
                RetryRegistry retries, CircuitBreakerRegistry circuitBreakers) {
        NotificationProperties.Sms sms = properties.sms();
        RestClient.Builder client = builder
                .baseUrl(sms.baseUrl().toString())
                // the JDK client, named: detection would pick Apache's, there for partner webhooks
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(HttpClientSettings.defaults()
                        .withTimeouts(sms.connectTimeout(), sms.timeout())));
        if (!sms.apiToken().isBlank()) {
            client.defaultHeaders(headers -> headers.setBearerAuth(sms.apiToken()));
        }
        this.provider = client.build();
        this.rateLimiter = rateLimiters.rateLimiter(NAME);
        this.retry = retries.retry(NAME, RetryConfig.from(retries.getDefaultConfig())
                .retryOnException(SmsProvider::isFailureOfTheWay)
                .build());
        this.circuitBreaker = circuitBreakers.circuitBreaker(NAME,
                CircuitBreakerConfig.from(circuitBreakers.getDefaultConfig())
                        .recordException(SmsProvider::isFailureOfTheWay)
                        .build());
    }

    /** True for an E.164 number, the only kind this service texts. */
    public static boolean isUsableNumber(String number) {
        return number != null && NUMBER.matcher(number).matches();
    }

    /**
     * Hands the text to the provider.
     *
     * @throws SmsUnavailableException when the provider did not take it now
     * @throws SmsRejectedException    when the provider refused it
     */
    public void send(String to, String text, UUID notificationId) {
        Runnable post = () -> provider.post()
                .uri("/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", notificationId.toString())
                .body(Map.of("to", to, "body", text))
                .retrieve()
                .toBodilessEntity();
        // every try takes its turn under the rate limit, none while the circuit is open
        Runnable paced = RateLimiter.decorateRunnable(rateLimiter, post);
        try {
            Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(circuitBreaker, paced)).run();
        } catch (RequestNotPermitted e) {
            throw new SmsUnavailableException(NAME + " rate limit reached; the text waits for its turn", e);
        } catch (CallNotPermittedException e) {
            throw new SmsUnavailableException(NAME + " circuit breaker is open after repeated failures", e);
        } catch (HttpStatusCodeException e) {
            // The status only: a provider's error body may quote the number.
            if (isFailureOfTheWay(e)) {
                throw new SmsUnavailableException(NAME + " answered " + e.getStatusCode().value(), e);
            }
            throw new SmsRejectedException(NAME + " refused the text with " + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            throw new SmsUnavailableException(NAME + " unreachable ("
                    + NestedExceptionUtils.getMostSpecificCause(e).getClass().getSimpleName() + ")", e);
        }
    }

    /** Worth trying again: the way there failed, or the provider is overloaded; a refusal will be the same. */
    private static boolean isFailureOfTheWay(Throwable e) {
        return e instanceof ResourceAccessException || e instanceof HttpServerErrorException
                || e instanceof HttpClientErrorException clientError
                && clientError.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS);
    }
}
