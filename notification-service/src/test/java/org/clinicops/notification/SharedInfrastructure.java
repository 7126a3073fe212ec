package org.clinicops.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.clinicops.support.testing.TestClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * What the module's shared service talks to, started with it once per test JVM and closed with it: a real SMTP server
 * (GreenMail), the SMS provider played by WireMock, the real authorization-server that issues notification-service's
 * token, the real intake-service on the shared broker checking tokens of that issuer, and a span exporter that keeps
 * what it is given. The mail server
 * and intake-service listen on loopback ports fixed for the JVM, so an outage test can stop them and start them again
 * where they were.
 *
 * <p>intake-service is only made here: {@link StreamTestSupport} starts it before its first class, on that class's
 * clock, and again before any later class if an outage class left it stopped. Its own database is never emptied;
 * every test registers patients of its own, under ids intake-service gives them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SharedInfrastructure {

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail mail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return mail;
    }

    @Bean(destroyMethod = "stop")
    WireMockServer smsProviderPlayedByWireMock() {
        WireMockServer provider = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").http2PlainDisabled(true));
        provider.start();
        return provider;
    }

    /** Where the service's spans go instead of an OTLP collector, for the tests of its traces. */
    @Bean
    FinishedSpans finishedSpans() {
        return new FinishedSpans();
    }

    @Bean(destroyMethod = "close")
    RunningIssuer runningIssuer() {
        return new RunningIssuer();
    }

    /** Closed before the broker it publishes to, which is a bean of the same context. */
    @Bean(destroyMethod = "close")
    RunningIntake runningIntake(EmbeddedKafkaBroker broker, TestClock clock, RunningIssuer issuer) {
        return new RunningIntake(FreePorts.next(), broker.getBrokersAsString(), clock, issuer);
    }

    @Bean
    DynamicPropertyRegistrar sharedInfrastructureProperties(GreenMail mailServer, WireMockServer smsProvider,
                                                            RunningIssuer issuer, RunningIntake intake) {
        String tokenUri = issuer.tokenUri();
        int smtpPort = mailServer.getSmtp().getPort();
        String smsProviderUrl = smsProvider.baseUrl();
        return registry -> {
            registry.add("spring.mail.host", () -> "127.0.0.1");
            registry.add("spring.mail.port", () -> smtpPort);
            registry.add("notification.sms.base-url", () -> smsProviderUrl);
            registry.add("notification.intake-uri", intake::uri);
            registry.add("notification.auth.token-uri", () -> tokenUri);
        };
    }
}
