package org.clinicops.notification.mail;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.clinicops.notification.config.NotificationProperties;
import org.clinicops.notification.notification.EmailMessage;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Sends e-mail over SMTP (Spring's JavaMailSender; timeouts in {@code spring.mail.properties}) through a few quick
 * retries with exponential backoff and a circuit breaker that fails fast while the mail server is down.
 */
@Component
public class Mailer {

    static final String NAME = "smtp";

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    Mailer(JavaMailSender sender, NotificationProperties properties, RetryRegistry retries,
           CircuitBreakerRegistry circuitBreakers) {
        this.sender = sender;
        this.from = properties.fromAddress();
        // A message that cannot even be built will not be built the next time either: no retry, no breaker.
        this.retry = retries.retry(NAME, RetryConfig.from(retries.getDefaultConfig())
                .retryOnException(Mailer::isServerFailure)
                .build());
        this.circuitBreaker = circuitBreakers.circuitBreaker(NAME,
                CircuitBreakerConfig.from(circuitBreakers.getDefaultConfig())
                        .recordException(Mailer::isServerFailure)
                        .build());
    }

    /** True for a syntactically valid single address, the only kind this service sends to. */
    public static boolean isUsableAddress(String address) {
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /** @throws MailUnavailableException when the mail server did not accept the message */
    public void send(String to, EmailMessage message) {
        Runnable send = () -> sender.send(mime -> {
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(message.subject());
            helper.setText(message.text());
        });
        try {
            Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(circuitBreaker, send)).run();
        } catch (CallNotPermittedException e) {
            throw new MailUnavailableException("mail server circuit breaker is open after repeated failures", e);
        } catch (MailException e) {
            // Only the class of the cause: SMTP replies may quote the recipient's address.
            throw new MailUnavailableException("mail server did not accept the message ("
                    + NestedExceptionUtils.getMostSpecificCause(e).getClass().getSimpleName() + ")", e);
        }
    }

    private static boolean isServerFailure(Throwable e) {
        return e instanceof MailException && !(e instanceof MailParseException || e instanceof MailPreparationException);
    }
}
