package org.clinicops.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.clinicops.events.Topics;
import org.clinicops.events.TreatmentPlanBooked;
import org.clinicops.support.testing.CloudEventProducer;
import org.clinicops.support.testing.TestClock;
import org.clinicops.support.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A notification is sent as soon as the transaction that stored it commits, not at the dispatcher's next poll: here
 * the poll runs once at start-up and then only after an hour, so every message these tests see went out on the
 * commit's wake-up. A backlog is shared by the lane's workers, and each message still goes exactly once.
 */
class ImmediateDispatchTests {

    /** Wednesday 25 November 2026, 9:00 in Los Angeles, on the suite's clock. */
    static final Instant NOW = TestClock.at("2026-11-25T17:00:00Z");
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final TestClock clock = new TestClock(NOW);
    static final int SMTP_PORT = FreePorts.next();
    static final int INTAKE_PORT = FreePorts.next();
    static final GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    static EmbeddedKafkaKraftBroker kafka;
    static RunningIssuer issuer;
    static RunningIntake intake;
    static ConfigurableApplicationContext notificationService;

    @BeforeAll
    static void startTheClinic() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3, Topics.SCREENINGS, Topics.SESSIONS);
        kafka.afterPropertiesSet();
        mail.start();
        issuer = new RunningIssuer();
        intake = new RunningIntake(INTAKE_PORT, kafka.getBrokersAsString(), clock, issuer);
        intake.start();
        notificationService = ScaledOutInstance.start(clock, TestPostgres.newDatabase("notification_immediate"),
                kafka.getBrokersAsString(), "--spring.mail.port=" + SMTP_PORT,
                "--notification.intake-uri=http://127.0.0.1:" + INTAKE_PORT,
                "--notification.auth.token-uri=" + issuer.tokenUri(),
                "--notification.dispatch-interval=1h");
    }

    @AfterAll
    static void stopTheClinic() {
        notificationService.close();
        intake.close();
        issuer.close();
        mail.stop();
        kafka.destroy();
    }

    @Test
    void aBookingConfirmationGoesOutWhenItsEventIsStored_notAtTheNextPoll() throws Exception {
        String address = "first." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        UUID patient = intake.registerPatient("Dana", address, true);

        try (CloudEventProducer producer = new CloudEventProducer(kafka.getBrokersAsString())) {
            TreatmentPlanBooked booked = StreamTestSupport.planBooked(patient);
            producer.send(booked, booked.planId());
        }

        await().atMost(PATIENCE).until(() -> mailsTo(address) == 1);
    }

    @Test
    void aBacklogIsSharedByTheLanesWorkersAndEachPatientGetsOneConfirmation() throws Exception {
        Map<UUID, String> patients = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            String address = "backlog." + i + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            patients.put(intake.registerPatient("Dana", address, true), address);
        }

        try (CloudEventProducer producer = new CloudEventProducer(kafka.getBrokersAsString())) {
            for (UUID patient : patients.keySet()) {
                TreatmentPlanBooked booked = StreamTestSupport.planBooked(patient);
                producer.send(booked, booked.planId());
                // delivered twice, as Kafka may
                producer.send(booked, booked.planId());
            }
        }

        await().atMost(PATIENCE).until(() -> patients.values().stream().allMatch(a -> mailsTo(a) >= 1));
        // a few wake-ups more, in which a second send would show
        Thread.sleep(Duration.ofSeconds(2));
        assertThat(patients.values()).allSatisfy(address -> assertThat(mailsTo(address)).as(address).isEqualTo(1));
    }

    private static long mailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> isFor(m, address)).count();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
